package render

import (
	"image/color"
	"math"
)

// Deficiency is a colour-vision deficiency to simulate.
type Deficiency int

// The three common deficiencies.
const (
	Protanopia Deficiency = iota
	Deuteranopia
	Tritanopia
)

// String names the deficiency.
func (d Deficiency) String() string {
	return [...]string{"protanopia", "deuteranopia", "tritanopia"}[d]
}

// machado holds the severity-1.0 matrices of Machado, Oliveira and
// Fernandes, "A Physiologically-based Model for Simulation of Color Vision
// Deficiency" (IEEE TVCG 2009), applied in linear RGB.
var machado = [3][3][3]float64{
	{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
	{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
	{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
}

// Simulate returns c as a person with deficiency d sees it.
func Simulate(c color.NRGBA, d Deficiency) color.NRGBA {
	lin := [3]float64{toLinear(c.R), toLinear(c.G), toLinear(c.B)}
	m := machado[d]
	var out [3]uint8
	for i := 0; i < 3; i++ {
		v := m[i][0]*lin[0] + m[i][1]*lin[1] + m[i][2]*lin[2]
		out[i] = fromLinear(v)
	}
	return color.NRGBA{R: out[0], G: out[1], B: out[2], A: c.A}
}

// DeltaE is the CIE76 distance between two colours in CIELAB.
func DeltaE(a, b color.NRGBA) float64 {
	la, lb := lab(a), lab(b)
	return math.Sqrt(sq(la[0]-lb[0]) + sq(la[1]-lb[1]) + sq(la[2]-lb[2]))
}

func sq(v float64) float64 { return v * v }

func toLinear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func fromLinear(v float64) uint8 {
	v = math.Max(0, math.Min(1, v))
	if v <= 0.0031308 {
		v *= 12.92
	} else {
		v = 1.055*math.Pow(v, 1/2.4) - 0.055
	}
	return uint8(math.Round(v * 255))
}

func lab(c color.NRGBA) [3]float64 {
	r, g, b := toLinear(c.R), toLinear(c.G), toLinear(c.B)
	x := (0.4124*r + 0.3576*g + 0.1805*b) / 0.95047
	y := 0.2126*r + 0.7152*g + 0.0722*b
	z := (0.0193*r + 0.1192*g + 0.9505*b) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return [3]float64{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}
