package render

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
)

// paint is a colour ready to composite onto an image.RGBA: premultiplied,
// 0–255 per channel, opacity folded in. rb and ga hold the channels in
// pairs, 16 bits apart, so blend works on two channels per multiply.
type paint struct {
	r, g, b, a uint32
	rb, ga     uint32
}

func newPaint(r, g, b, a uint32) paint {
	return paint{r: r, g: g, b: b, a: a, rb: r | b<<16, ga: g | a<<16}
}

func paintOf(c color.NRGBA, opacity float64) paint {
	a := uint32(math.Round(float64(c.A) * math.Max(0, math.Min(1, opacity))))
	return newPaint(uint32(c.R)*a/255, uint32(c.G)*a/255, uint32(c.B)*a/255, a)
}

// blend composites p over the pixel at px (4 bytes) with coverage cov in
// 0–256, two channels per multiply. The destination's share is scaled by
// inv·256/255 rounded down, which keeps every channel within 255 (a
// premultiplied source channel never exceeds its alpha).
func (p paint) blend(px []uint8, cov uint32) {
	a := p.a * cov >> 8
	if a == 0 {
		return
	}
	inv := 255 - a
	inv += inv >> 7
	d := binary.LittleEndian.Uint32(px)
	rb := (d&0x00ff00ff)*inv>>8&0x00ff00ff + p.rb*cov>>8&0x00ff00ff
	ga := (d>>8&0x00ff00ff)*inv>>8&0x00ff00ff + p.ga*cov>>8&0x00ff00ff
	binary.LittleEndian.PutUint32(px, rb|ga<<8)
}

// coverage turns a fraction into the 0–256 scale blend takes.
func coverage(f float64) uint32 {
	if f <= 0 {
		return 0
	}
	if f >= 1 {
		return 256
	}
	return uint32(f*256 + 0.5)
}

// canvas is the band of an image being drawn: its pixels and clip.
type canvas struct {
	img     *image.RGBA
	clip    image.Rectangle
	sprites map[discKey]*sprite // the nodes drawn so far, by look
	ramp    ramp                // the current run of lines' paint
}

// at is the offset of pixel (x, y) in img.Pix; the caller has clipped.
func (c *canvas) at(x, y int) int {
	return (y-c.img.Rect.Min.Y)*c.img.Stride + (x-c.img.Rect.Min.X)*4
}

// fill paints the whole clip with one colour, replacing what was there.
func (c *canvas) fill(col color.NRGBA) {
	p := paintOf(col, 1)
	px := [4]uint8{uint8(p.r), uint8(p.g), uint8(p.b), uint8(p.a)}
	r := c.clip
	if r.Empty() {
		return
	}
	row := c.img.Pix[c.at(r.Min.X, r.Min.Y) : c.at(r.Min.X, r.Min.Y)+r.Dx()*4]
	for i := 0; i < len(row); i += 4 {
		copy(row[i:i+4], px[:])
	}
	for y := r.Min.Y + 1; y < r.Max.Y; y++ {
		copy(c.img.Pix[c.at(r.Min.X, y):], row)
	}
}

// scale makes p fainter by f in 0–1.
func (p paint) scale(f float64) paint {
	k := uint32(math.Round(math.Max(0, math.Min(1, f)) * 256))
	return newPaint(p.r*k>>8, p.g*k>>8, p.b*k>>8, p.a*k>>8)
}

// ramp is a paint's blend terms for every coverage 0–256, worked out once
// per run of lines of one look: a line pixel then costs a lookup and two
// multiplies.
type ramp [257]rampStep

// rampStep is one coverage's terms: the source's share of red and blue,
// of green and alpha, and what is left of the destination (×256/255).
type rampStep struct{ rb, ga, inv uint32 }

// over blends one ramp step into the pixel at pix[off:].
func (r *rampStep) over(pix []uint8, off int) {
	d := binary.LittleEndian.Uint32(pix[off:])
	binary.LittleEndian.PutUint32(pix[off:], (d&0x00ff00ff)*r.inv>>8&0x00ff00ff+r.rb|
		((d>>8&0x00ff00ff)*r.inv>>8&0x00ff00ff+r.ga)<<8)
}

func (r *ramp) set(p paint) {
	for k := range r {
		cov := uint32(k)
		a := p.a * cov >> 8
		inv := 255 - a
		r[k].inv = inv + inv>>7
		r[k].rb = p.rb * cov >> 8 & 0x00ff00ff
		r[k].ga = p.ga * cov >> 8 & 0x00ff00ff
	}
}
