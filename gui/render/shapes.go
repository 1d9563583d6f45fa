package render

import (
	"image"
	"math"
)

// discKey names a node's look at a quarter-pixel offset.
type discKey struct {
	ro, ri, rd   float64
	stroke, fill paint
	subX, subY   int32
}

// sprite is a premultiplied picture of a node, placed relative to the
// whole pixel of its centre.
type sprite struct {
	x0, y0, w, h int
	pix          []uint32 // r | g<<8 | b<<16 | a<<24, premultiplied
}

// disc draws a node: a rim of stroke out to ro, the body of fill inside
// ri, and, when rd > 0, a dot of stroke inside rd (a pin mark). The node
// is composed once per look and quarter-pixel offset into a sprite, so a
// network of one colour costs one blend per pixel it covers.
func (c *canvas) disc(cx, cy, ro, ri, rd float64, stroke, fill paint) {
	ix, iy := int(math.Floor(cx)), int(math.Floor(cy))
	k := discKey{ro: ro, ri: ri, rd: rd, stroke: stroke, fill: fill,
		subX: int32((cx - float64(ix)) * 4), subY: int32((cy - float64(iy)) * 4)}
	sp, ok := c.sprites[k]
	if !ok {
		sp = newDiscSprite(k)
		if c.sprites == nil {
			c.sprites = map[discKey]*sprite{}
		}
		c.sprites[k] = sp
	}
	c.stamp(sp, ix, iy)
}

// newDiscSprite composes a node from its centre's distance to each pixel
// centre, which is exact to a fraction of a pixel for any radius.
func newDiscSprite(k discKey) *sprite {
	cx, cy := (float64(k.subX)+0.5)/4, (float64(k.subY)+0.5)/4
	n := int(math.Ceil(k.ro)) + 2
	sp := &sprite{x0: -n, y0: -n, w: 2*n + 1, h: 2*n + 1}
	sp.pix = make([]uint32, sp.w*sp.h)
	px := make([]uint8, 4)
	for y := 0; y < sp.h; y++ {
		for x := 0; x < sp.w; x++ {
			dx, dy := float64(x+sp.x0)+0.5-cx, float64(y+sp.y0)+0.5-cy
			d := math.Sqrt(dx*dx + dy*dy)
			clear(px)
			k.stroke.blend(px, coverage(k.ro+0.5-d))
			k.fill.blend(px, coverage(k.ri+0.5-d))
			if k.rd > 0 {
				k.stroke.blend(px, coverage(k.rd+0.5-d))
			}
			sp.pix[y*sp.w+x] = uint32(px[0]) | uint32(px[1])<<8 | uint32(px[2])<<16 | uint32(px[3])<<24
		}
	}
	return sp
}

// stamp composites a premultiplied sprite over the canvas at (x, y).
func (c *canvas) stamp(sp *sprite, x, y int) {
	r := image.Rect(x+sp.x0, y+sp.y0, x+sp.x0+sp.w, y+sp.y0+sp.h).Intersect(c.clip)
	for py := r.Min.Y; py < r.Max.Y; py++ {
		row := sp.pix[(py-y-sp.y0)*sp.w:]
		off := c.at(r.Min.X, py)
		for px := r.Min.X; px < r.Max.X; px, off = px+1, off+4 {
			s := row[px-x-sp.x0]
			a := s >> 24
			if a == 0 {
				continue
			}
			d := (*[4]uint8)(c.img.Pix[off : off+4])
			if a == 255 {
				d[0], d[1], d[2], d[3] = uint8(s), uint8(s>>8), uint8(s>>16), 255
				continue
			}
			inv := 255 - a
			inv += inv >> 7
			v := uint32(d[0]) | uint32(d[1])<<8 | uint32(d[2])<<16 | uint32(d[3])<<24
			rb := (v&0x00ff00ff)*inv>>8&0x00ff00ff + s&0x00ff00ff
			ga := (v>>8&0x00ff00ff)*inv>>8&0x00ff00ff + s>>8&0x00ff00ff
			d[0], d[1], d[2], d[3] = uint8(rb), uint8(ga), uint8(rb>>16), uint8(ga>>16)
		}
	}
}

// triangle fills a small triangle (an arrowhead). A pixel's coverage is
// its centre's signed distance to the nearest side, plus a half.
func (c *canvas) triangle(pts [3][2]float64, p paint) {
	minX, maxX := math.Min(pts[0][0], math.Min(pts[1][0], pts[2][0])), math.Max(pts[0][0], math.Max(pts[1][0], pts[2][0]))
	minY, maxY := math.Min(pts[0][1], math.Min(pts[1][1], pts[2][1])), math.Max(pts[0][1], math.Max(pts[1][1], pts[2][1]))
	x0, x1 := max(int(math.Floor(minX)), c.clip.Min.X), min(int(math.Ceil(maxX)), c.clip.Max.X)
	y0, y1 := max(int(math.Floor(minY)), c.clip.Min.Y), min(int(math.Ceil(maxY)), c.clip.Max.Y)
	if x0 >= x1 || y0 >= y1 {
		return
	}
	// Each side as a unit normal pointing in, and an offset.
	var nx, ny, k [3]float64
	area := (pts[1][0]-pts[0][0])*(pts[2][1]-pts[0][1]) - (pts[1][1]-pts[0][1])*(pts[2][0]-pts[0][0])
	if math.Abs(area) < 1e-9 {
		return
	}
	sign := math.Copysign(1, area)
	for i := range 3 {
		a, b := pts[i], pts[(i+1)%3]
		ex, ey := b[0]-a[0], b[1]-a[1]
		l := math.Hypot(ex, ey)
		nx[i], ny[i] = -ey/l*sign, ex/l*sign
		k[i] = -(nx[i]*a[0] + ny[i]*a[1])
	}
	for y := y0; y < y1; y++ {
		fy := float64(y) + 0.5
		off := c.at(x0, y)
		for x := x0; x < x1; x, off = x+1, off+4 {
			fx := float64(x) + 0.5
			d := math.Min(nx[0]*fx+ny[0]*fy+k[0], math.Min(nx[1]*fx+ny[1]*fy+k[1], nx[2]*fx+ny[2]*fy+k[2]))
			if d > -0.5 {
				p.blend(c.img.Pix[off:], coverage(d+0.5))
			}
		}
	}
}

// roundRect fills a rectangle with corners rounded to radius r, each
// pixel covered by its centre's signed distance to the outline.
func (c *canvas) roundRect(x, y, w, h, r float64, p paint) {
	x0, x1 := max(int(math.Floor(x)), c.clip.Min.X), min(int(math.Ceil(x+w)), c.clip.Max.X)
	y0, y1 := max(int(math.Floor(y)), c.clip.Min.Y), min(int(math.Ceil(y+h)), c.clip.Max.Y)
	cx, cy := x+w/2, y+h/2
	hx, hy := w/2-r, h/2-r // the inner box the corners round
	ri := r - 0.5          // how far past the inner box a pixel wholly inside may reach
	var steps ramp
	steps.set(p)
	full := steps[256]
	pix := c.img.Pix
	for py := y0; py < y1; py++ {
		dy := math.Abs(float64(py)+0.5-cy) - hy
		// The run of pixels wholly inside is filled without geometry: a
		// legend panel is some 70,000 pixels, nearly all of them inner.
		ia, ib := x1, x1
		if dy <= ri {
			lim := ri
			if dy > 0 {
				lim = math.Sqrt(ri*ri - dy*dy)
			}
			ia = max(x0, int(math.Ceil(cx-hx-lim-0.5)))
			ib = min(x1, int(math.Floor(cx+hx+lim-0.5))+1)
		}
		off := c.at(x0, py)
		for px := x0; px < x1; px, off = px+1, off+4 {
			if px == ia && ia < ib {
				for ; px < ib; px, off = px+1, off+4 {
					full.over(pix, off)
				}
				if px == x1 {
					break
				}
			}
			dx := math.Abs(float64(px)+0.5-cx) - hx
			var d float64 // distance outside the outline (negative inside)
			if dx > 0 && dy > 0 {
				d = math.Sqrt(dx*dx+dy*dy) - r
			} else {
				d = max(dx, dy) - r
			}
			if d < 0.5 {
				p.blend(c.img.Pix[off:], coverage(0.5-d))
			}
		}
	}
}
