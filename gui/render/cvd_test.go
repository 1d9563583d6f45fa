package render

import (
	"image/color"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// swatch draws one kind's line as the legend does and returns the colour
// at its centre, as rendered (antialiasing and all).
func swatch(t *testing.T, th *Theme, k graphmodel.Kind, fonts *Fonts) color.NRGBA {
	st := th.Kinds[k]
	st.Dash = nil // sample the ink, not a gap
	s := Scene{Width: 80, Height: 40, Background: th.Background,
		Edges: []EdgeShape{{From: [2]float64{10, 20}, To: [2]float64{70, 20}, Style: st, Opacity: 1}}}
	img := Raster(s, fonts)
	return color.NRGBAModel.Convert(img.At(40, 20)).(color.NRGBA)
}

func sameDash(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestKindsDistinguishableUnderCVD simulates protanopia, deuteranopia and
// tritanopia on the rendered colour of every relation kind and checks that
// every pair of kinds still differs: by colour (CIE76 ΔE of at least 12)
// or by line (a different dash pattern, a width at least 30% apart, or an
// arrow on one only).
func TestKindsDistinguishableUnderCVD(t *testing.T) {
	fonts, err := NewFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range []*Theme{Light(), Dark(), Projector()} {
		kinds := graphmodel.Kinds()
		seen := map[graphmodel.Kind]color.NRGBA{}
		for _, k := range kinds {
			seen[k] = swatch(t, th, k, fonts)
		}
		for _, d := range []Deficiency{Protanopia, Deuteranopia, Tritanopia} {
			for i, a := range kinds {
				for _, b := range kinds[i+1:] {
					sa, sb := th.Kinds[a], th.Kinds[b]
					dE := DeltaE(Simulate(seen[a], d), Simulate(seen[b], d))
					wr := sa.Width / sb.Width
					if wr < 1 {
						wr = 1 / wr
					}
					byLine := !sameDash(sa.Dash, sb.Dash) || wr >= 1.3 || sa.Arrow != sb.Arrow
					if dE < 12 && !byLine {
						t.Errorf("%s, %s: %s and %s look alike (ΔE %.1f, same line)", th.Name, d, a, b, dE)
					}
				}
			}
		}
	}
}

func TestSimulateKnownValues(t *testing.T) {
	// Pure red and green collapse toward one hue under deuteranopia.
	r := Simulate(color.NRGBA{R: 255, A: 255}, Deuteranopia)
	g := Simulate(color.NRGBA{G: 255, A: 255}, Deuteranopia)
	if d := DeltaE(r, g); d > DeltaE(color.NRGBA{R: 255, A: 255}, color.NRGBA{G: 255, A: 255})/2 {
		t.Errorf("deuteranopia kept red and green %.1f apart", d)
	}
	w := color.NRGBA{255, 255, 255, 255}
	for _, d := range []Deficiency{Protanopia, Deuteranopia, Tritanopia} {
		if got := Simulate(w, d); DeltaE(got, w) > 2 {
			t.Errorf("%s changes white to %v", d, got)
		}
	}
}
