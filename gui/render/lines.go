package render

import "math"

// thinMax is the widest line, in pixels, that the direct line routine
// draws; wider lines go through the path rasteriser, whose joins and
// caps they need. Big networks are drawn almost entirely in thin lines.
const thinMax = 1.25

// dashUnit is what a line's dash lengths are multiples of: its width,
// but a line thinned below a pixel keeps pixel-sized dashes, so its kind
// still shows.
func dashUnit(width float64) float64 {
	if width <= thinMax {
		return max(1, width)
	}
	return width
}

// line strokes the segment (x0,y0)–(x1,y1), w pixels wide with butt ends,
// dashed by dash (on, off, … lengths in pixels from (x0,y0); nil is solid).
// It steps along the major axis and gives each pixel the area of it the
// stroke covers (a box filter), so it needs no path, no mask and no
// allocation: the cost is the pixels touched.
func (c *canvas) line(x0, y0, x1, y1, w float64, dash []float64, p paint) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l < 1e-9 || p.a == 0 || w <= 0 {
		return
	}
	if w < 1 {
		// Thinner than a pixel: a one-pixel line that much fainter looks
		// the same and is sampled without gaps.
		p, w = p.scale(w), 1
	}
	// (u, v) are the major and minor axes.
	u0, v0, u1, v1 := x0, y0, x1, y1
	uMin, uMax, vMin, vMax := c.clip.Min.X, c.clip.Max.X, c.clip.Min.Y, c.clip.Max.Y
	uOrg, vOrg := c.img.Rect.Min.X, c.img.Rect.Min.Y
	uStride, vStride := 4, c.img.Stride
	if math.Abs(dx) < math.Abs(dy) {
		u0, v0, u1, v1 = y0, x0, y1, x1
		uMin, uMax, vMin, vMax = vMin, vMax, uMin, uMax
		uOrg, vOrg = vOrg, uOrg
		uStride, vStride = vStride, uStride
	}
	du, dv := u1-u0, v1-v0
	slope := dv / du
	t := w * l / math.Abs(du) // the stroke's extent along the minor axis
	step := l / math.Abs(du)  // line length per unit of u
	ua, ub := math.Min(u0, u1), math.Max(u0, u1)
	lo, hi := max(int(math.Floor(ua)), uMin), min(int(math.Ceil(ub)), uMax)
	// Only the columns whose stroke reaches the clip's minor range.
	if slope != 0 {
		a := u0 + (float64(vMin)-t-v0)/slope
		b := u0 + (float64(vMax)+t-v0)/slope
		lo, hi = max(lo, int(math.Floor(math.Min(a, b)))), min(hi, int(math.Ceil(math.Max(a, b))))
	} else if v0+t/2 < float64(vMin) || v0-t/2 > float64(vMax) {
		return
	}
	// The dash pattern as the running ends of its pieces.
	var ends [8]float64
	period := 0.0
	if len(dash) > len(ends) {
		dash = nil // no theme has such a pattern; draw it solid
	}
	for i, d := range dash {
		period += d
		ends[i] = period
	}
	along := l / du // distance along the line per unit of u, signed
	pix := c.img.Pix
	// The stroke's top edge at each column's centre, in 1/65536 pixel,
	// stepped in integers; its thickness in 1/256 pixel.
	topFix := int64((v0 + (float64(lo)+0.5-u0)*slope - t/2) * 65536)
	stepFix := int64(slope * 65536)
	thick := int32(t*256 + 0.5)
	for u := lo; u < hi; u, topFix = u+1, topFix+stepFix {
		h := int32(256)
		if fu := float64(u); fu < ua || fu+1 > ub || period > 0 {
			hc := min(fu+1, ub) - max(fu, ua) // less than 1 at an end
			if hc <= 0 {
				continue
			}
			if period > 0 {
				hc *= dashAt(ends[:len(dash)], period, (max(ua, min(ub, fu+0.5))-u0)*along, step)
			}
			if h = int32(hc*256 + 0.5); h <= 0 {
				continue
			}
		}
		// A first and a last row partly covered, whole rows between.
		top := int32(topFix >> 8)
		bot := top + thick
		j0, j1 := int(top>>8), int(bot>>8)
		first, last := 256-top&255, bot&255
		if j0 == j1 {
			first = bot - top
		}
		ja, jb := max(j0, vMin), min(j1, vMax-1)
		off := (u-uOrg)*uStride + (ja-vOrg)*vStride
		for j := ja; j <= jb; j++ {
			cov := int32(256)
			if j == j0 {
				cov = first
			} else if j == j1 {
				cov = last
			}
			// p.blend by hand: the compiler does not inline it here.
			k := uint32(cov*h) >> 8
			if a := p.a * k >> 8; a > 0 {
				inv := 255 - a
				inv += inv >> 7
				px := (*[4]uint8)(pix[off : off+4])
				d := uint32(px[0]) | uint32(px[1])<<8 | uint32(px[2])<<16 | uint32(px[3])<<24
				rb := (d&0x00ff00ff)*inv>>8&0x00ff00ff + p.rb*k>>8&0x00ff00ff
				ga := (d>>8&0x00ff00ff)*inv>>8&0x00ff00ff + p.ga*k>>8&0x00ff00ff
				px[0], px[1], px[2], px[3] = uint8(rb), uint8(ga), uint8(rb>>16), uint8(ga>>16)
			}
			off += vStride
		}
	}
}

// dashAt is how much of a window win wide centred at s (a distance along
// the line) the dash pattern draws: 1 or 0 inside a piece, a linear ramp
// across a piece's end. ends are the pieces' running ends over one period.
func dashAt(ends []float64, period, s, win float64) float64 {
	r := s - float64(int64(s/period+1<<20)-1<<20)*period
	prev := 0.0
	for i, e := range ends {
		if r < e || i == len(ends)-1 {
			d := min(r-prev, e-r) / win // distance to the nearer end, in windows
			if i%2 == 0 {
				return min(1, 0.5+d)
			}
			return max(0, 0.5-d)
		}
		prev = e
	}
	return 1
}
