package render

import (
	"image"
	"math"

	"golang.org/x/image/math/fixed"
)

// glyphKey names one rasterised glyph: a face, a rune, where in its pixel
// it starts (in quarters), and whether it is the glyph or its halo.
type glyphKey struct {
	size float64
	bold bool
	r    rune
	sub  int32
	halo bool
}

// glyph is a coverage mask placed relative to the pen's whole pixel.
type glyph struct {
	mask    []uint8
	rect    image.Rectangle
	advance fixed.Int26_6
}

// kernKey names a kerning pair, or with a = -1 the advance of b alone.
type kernKey struct {
	size float64
	bold bool
	a, b rune
}

// haloOffsets are the directions the outline behind a label spreads in.
var haloOffsets = [8][2]float64{{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-0.7, -0.7}, {0.7, -0.7}, {-0.7, 0.7}, {0.7, 0.7}}

// glyph returns the cached mask of r, rasterising it on first use. A
// label is drawn from the cache alone, so a frame full of labels costs
// copies, not outline rasterisations.
func (f *Fonts) glyph(k glyphKey) *glyph {
	f.gmu.RLock()
	g, ok := f.glyphs[k]
	f.gmu.RUnlock()
	if ok {
		return g
	}
	face := f.face(k.size, k.bold, f.sourceOf(k.r, k.bold))
	f.mu.Lock()
	g = &glyph{}
	offsets := [][2]float64{{0, 0}}
	if k.halo {
		rad := math.Max(1, k.size/9)
		for _, o := range haloOffsets {
			offsets = append(offsets, [2]float64{o[0] * rad, o[1] * rad})
		}
	}
	type part struct {
		dr   image.Rectangle
		mask *image.Alpha
		mp   image.Point
	}
	var parts []part
	for _, o := range offsets {
		dot := fixed.Point26_6{X: fixed.Int26_6(k.sub*16) + fixed.Int26_6(math.Round(o[0]*64)), Y: fixed.Int26_6(math.Round(o[1] * 64))}
		dr, mask, mp, adv, ok := face.Glyph(dot, k.r)
		if !ok {
			continue
		}
		g.advance = adv
		if a, isAlpha := mask.(*image.Alpha); isAlpha && !dr.Empty() {
			// The face reuses its buffer: keep a copy.
			cp := image.NewAlpha(dr)
			for y := dr.Min.Y; y < dr.Max.Y; y++ {
				copy(cp.Pix[cp.PixOffset(dr.Min.X, y):cp.PixOffset(dr.Max.X, y)], a.Pix[a.PixOffset(mp.X, mp.Y+y-dr.Min.Y):])
			}
			parts = append(parts, part{dr: dr, mask: cp})
			g.rect = g.rect.Union(dr)
		}
	}
	f.mu.Unlock()
	g.mask = make([]uint8, g.rect.Dx()*g.rect.Dy())
	for _, p := range parts {
		for y := p.dr.Min.Y; y < p.dr.Max.Y; y++ {
			for x := p.dr.Min.X; x < p.dr.Max.X; x++ {
				m := uint32(p.mask.Pix[p.mask.PixOffset(x, y)])
				i := (y-g.rect.Min.Y)*g.rect.Dx() + x - g.rect.Min.X
				old := uint32(g.mask[i])
				g.mask[i] = uint8(old + m - old*m/255) // union of coverages
			}
		}
	}
	f.gmu.Lock()
	f.glyphs[k] = g
	f.gmu.Unlock()
	return g
}

// advance is the advance width of r in the face that draws it, cached.
func (f *Fonts) advance(size float64, bold bool, r rune) fixed.Int26_6 {
	k := kernKey{size, bold, -1, r}
	f.gmu.RLock()
	v, ok := f.kerns[k]
	f.gmu.RUnlock()
	if ok {
		return v
	}
	face := f.face(size, bold, f.sourceOf(r, bold))
	f.mu.Lock()
	v, _ = face.GlyphAdvance(r)
	f.mu.Unlock()
	f.gmu.Lock()
	f.kerns[k] = v
	f.gmu.Unlock()
	return v
}

// kern is the kerning between a and b (of one face), cached.
func (f *Fonts) kern(size float64, bold bool, a, b rune) fixed.Int26_6 {
	k := kernKey{size, bold, a, b}
	f.gmu.RLock()
	v, ok := f.kerns[k]
	f.gmu.RUnlock()
	if ok {
		return v
	}
	face := f.face(size, bold, f.sourceOf(b, bold))
	f.mu.Lock()
	v = face.Kern(a, b)
	f.mu.Unlock()
	f.gmu.Lock()
	f.kerns[k] = v
	f.gmu.Unlock()
	return v
}

// text draws one line from the glyph cache, halo first when it has one.
func (c *canvas) text(t Text, fonts *Fonts) {
	if t.Opacity <= 0 || t.S == "" {
		return
	}
	size := math.Max(1, math.Round(t.Size*4)/4)
	x := t.X
	switch t.Align {
	case Center:
		x -= fonts.Width(t.S, t.Size, t.Bold) / 2
	case Right:
		x -= fonts.Width(t.S, t.Size, t.Bold)
	}
	y := int(math.Round(t.Y))
	// Skip a line wholly outside the band: labels sit on one row each.
	if float64(y)+size < float64(c.clip.Min.Y) || float64(y)-size*1.3 > float64(c.clip.Max.Y) {
		return
	}
	if t.Halo.A > 0 {
		c.glyphRun(t.S, x, y, size, t.Bold, true, paintOf(t.Halo, t.Opacity), fonts)
	}
	c.glyphRun(t.S, x, y, size, t.Bold, false, paintOf(t.Color, t.Opacity), fonts)
}

func (c *canvas) glyphRun(s string, x float64, y int, size float64, bold, halo bool, p paint, fonts *Fonts) {
	dot := fixed.Int26_6(math.Round(x * 64))
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot += fonts.kern(size, bold, prev, r)
		}
		prev = r
		g := fonts.glyph(glyphKey{size: size, bold: bold, r: r, sub: int32(dot&63) >> 4, halo: halo})
		c.mask(g, int(dot>>6), y, p)
		dot += g.advance
	}
}

// mask blends p through g's coverage with g's origin at (x, y).
func (c *canvas) mask(g *glyph, x, y int, p paint) {
	r := g.rect.Add(image.Pt(x, y)).Intersect(c.clip)
	w := g.rect.Dx()
	for py := r.Min.Y; py < r.Max.Y; py++ {
		row := g.mask[(py-y-g.rect.Min.Y)*w:]
		off := c.at(r.Min.X, py)
		for px := r.Min.X; px < r.Max.X; px, off = px+1, off+4 {
			if m := uint32(row[px-x-g.rect.Min.X]); m > 0 {
				p.blend(c.img.Pix[off:], m+m>>7)
			}
		}
	}
}
