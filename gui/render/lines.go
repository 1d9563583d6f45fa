package render

import "math"

// thinMax is the widest line, in pixels, that line draws with its ends
// and dashes cut per column; wider lines go to wideLine, which cuts them
// square to the line per pixel. Big networks are drawn almost entirely in
// thin lines.
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

// axes are a segment in its major (u) and minor (v) axes, with the clip
// and the pixel layout of each axis.
type axes struct {
	u0, v0, u1, v1   float64
	uMin, uMax       int
	vMin, vMax       int
	uOrg, vOrg       int
	uStride, vStride int
}

func (c *canvas) axes(x0, y0, x1, y1 float64) axes {
	a := axes{u0: x0, v0: y0, u1: x1, v1: y1, uMin: c.clip.Min.X, uMax: c.clip.Max.X, vMin: c.clip.Min.Y, vMax: c.clip.Max.Y,
		uOrg: c.img.Rect.Min.X, vOrg: c.img.Rect.Min.Y, uStride: 4, vStride: c.img.Stride}
	if math.Abs(x1-x0) < math.Abs(y1-y0) {
		a.u0, a.v0, a.u1, a.v1 = y0, x0, y1, x1
		a.uMin, a.uMax, a.vMin, a.vMax = a.vMin, a.vMax, a.uMin, a.uMax
		a.uOrg, a.vOrg = a.vOrg, a.uOrg
		a.uStride, a.vStride = a.vStride, a.uStride
	}
	return a
}

// wideLine strokes a segment wider than thinMax. It walks the major axis
// like line, but cuts the butt ends and the dashes square to the line at
// each pixel, from the pixel centre's distance along the line.
func (c *canvas) wideLine(x0, y0, x1, y1, w float64, dash []float64) {
	if min(y0, y1)-w > float64(c.clip.Max.Y) || max(y0, y1)+w < float64(c.clip.Min.Y) {
		return
	}
	l := math.Hypot(x1-x0, y1-y0)
	if l < 1e-9 || w <= 0 {
		return
	}
	ax := c.axes(x0, y0, x1, y1)
	du, dv := ax.u1-ax.u0, ax.v1-ax.v0
	slope := dv / du
	t := w * l / math.Abs(du)
	cu, cv := du/l, dv/l // the line's direction in (u, v)
	ext := w / 2 * math.Abs(cv)
	lo := max(int(math.Floor(min(ax.u0, ax.u1)-ext)), ax.uMin)
	hi := min(int(math.Ceil(max(ax.u0, ax.u1)+ext)), ax.uMax)
	var ends [8]float64
	period := 0.0
	if len(dash) > len(ends) {
		dash = nil
	}
	for i, d := range dash {
		period += d
		ends[i] = period
	}
	pix := c.img.Pix
	for u := lo; u < hi; u++ {
		pu := float64(u) + 0.5
		vc := ax.v0 + (pu-ax.u0)*slope
		top, bot := vc-t/2, vc+t/2
		ja, jb := max(int(math.Floor(top)), ax.vMin), min(int(math.Floor(bot)), ax.vMax-1)
		off := (u-ax.uOrg)*ax.uStride + (ja-ax.vOrg)*ax.vStride
		for j := ja; j <= jb; j, off = j+1, off+ax.vStride {
			fj := float64(j)
			cov := min(fj+1, bot) - max(fj, top)
			s := (pu-ax.u0)*cu + (fj+0.5-ax.v0)*cv // distance along the line
			cov *= max(0, min(1, s+0.5)) * max(0, min(1, l-s+0.5))
			if period > 0 {
				cov *= dashAt(ends[:len(dash)], period, s, 1)
			}
			if cov > 0 {
				c.ramp[coverage(cov)].over(pix, off)
			}
		}
	}
}

// line strokes the segment (x0,y0)–(x1,y1), w pixels wide with butt ends,
// dashed by dash (on, off, … lengths in pixels from (x0,y0); nil is solid).
// It steps along the major axis and gives each pixel the area of it the
// stroke covers (a box filter), so it needs no path, no mask and no
// allocation: the cost is the pixels touched.
//
// The paint is c.ramp (see ramp.set); w is at least 1.
func (c *canvas) line(x0, y0, x1, y1, w float64, dash []float64) {
	if min(y0, y1)-w > float64(c.clip.Max.Y) || max(y0, y1)+w < float64(c.clip.Min.Y) {
		return // wholly in another band
	}
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l < 1e-9 || w <= 0 {
		return
	}
	ax := c.axes(x0, y0, x1, y1)
	u0, v0, u1, v1 := ax.u0, ax.v0, ax.u1, ax.v1
	uMin, uMax, vMin, vMax := ax.uMin, ax.uMax, ax.vMin, ax.vMax
	uOrg, vOrg, uStride, vStride := ax.uOrg, ax.vOrg, ax.uStride, ax.vStride
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
	var walk dashWalk
	if period > 0 {
		walk.start(ends[:len(dash)], period, (float64(lo)+0.5-u0)*along)
	}
	pix := c.img.Pix
	// The stroke's top edge at each column's centre, in 1/65536 pixel,
	// stepped in integers; its thickness in 1/256 pixel.
	topFix := int64((v0 + (float64(lo)+0.5-u0)*slope - t/2) * 65536)
	stepFix := int64(slope * 65536)
	thick := int32(t*256 + 0.5)
	// Columns from full0 to full1 lie wholly between the ends: integer
	// bounds spare the inner loop float work.
	full0, full1 := int(math.Ceil(ua)), int(math.Floor(ub))-1
	for u := lo; u < hi; u, topFix = u+1, topFix+stepFix {
		h := int32(256)
		if u < full0 || u > full1 || period > 0 {
			fu := float64(u)
			hc := min(fu+1, ub) - max(fu, ua) // less than 1 at an end
			if period > 0 {
				hc *= walk.cover(step)
				walk.advance(along)
			}
			if hc <= 0 {
				continue
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
		if h == 256 && j0 >= vMin && j1 < vMax {
			// The common case, an inner column wholly in the band.
			off := (u-uOrg)*uStride + (j0-vOrg)*vStride
			c.ramp[first].over(pix, off)
			for j := j0 + 1; j < j1; j++ {
				off += vStride
				c.ramp[256].over(pix, off)
			}
			if j1 > j0 && last > 0 {
				c.ramp[last].over(pix, off+vStride)
			}
			continue
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
			c.ramp[uint32(cov*h)>>8&511].over(pix, off)
			off += vStride
		}
	}
}

// dashWalk follows a dash pattern along a line column by column: where
// in the period the column's centre is and in which piece, so each column
// costs a comparison, not a search.
type dashWalk struct {
	ends   [8]float64 // the pieces' running ends over one period
	n      int        // how many pieces
	period float64
	r      float64 // the position in the period
	i      int     // the piece r is in
}

func (w *dashWalk) start(ends []float64, period, s float64) {
	w.n = copy(w.ends[:], ends)
	w.period = period
	w.r = s - float64(int64(s/period+1<<20)-1<<20)*period
	w.i = 0
	for w.i < w.n-1 && w.r >= w.ends[w.i] {
		w.i++
	}
}

// advance moves d along the line (either way).
func (w *dashWalk) advance(d float64) {
	w.r += d
	for w.r >= w.ends[w.i] {
		if w.i++; w.i == w.n {
			w.i, w.r = 0, w.r-w.period
		}
	}
	for w.r < w.pieceStart() {
		if w.i--; w.i < 0 {
			w.i, w.r = w.n-1, w.r+w.period
		}
	}
}

func (w *dashWalk) pieceStart() float64 {
	if w.i == 0 {
		return 0
	}
	return w.ends[w.i-1]
}

// cover is how much of a window win wide at the current position the
// pattern draws, as dashAt.
func (w *dashWalk) cover(win float64) float64 {
	d := min(w.r-w.pieceStart(), w.ends[w.i]-w.r) / win
	if w.i%2 == 0 {
		return min(1, 0.5+d)
	}
	return max(0, 0.5-d)
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
