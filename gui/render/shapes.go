package render

import "math"

// disc draws a node: a rim of stroke out to ro, the body of fill inside
// ri, and, when rd > 0, a dot of stroke inside rd (a pin mark). Each
// pixel's coverage comes from its centre's distance to the circle, which
// is exact to a fraction of a pixel for any radius and needs no path.
func (c *canvas) disc(cx, cy, ro, ri, rd float64, stroke, fill paint) {
	x0, x1 := max(int(math.Floor(cx-ro-1)), c.clip.Min.X), min(int(math.Ceil(cx+ro+1)), c.clip.Max.X)
	y0, y1 := max(int(math.Floor(cy-ro-1)), c.clip.Min.Y), min(int(math.Ceil(cy+ro+1)), c.clip.Max.Y)
	outer := (ro + 0.5) * (ro + 0.5)
	inner := math.Max(0, ri-0.5) * math.Max(0, ri-0.5)
	for y := y0; y < y1; y++ {
		fy := float64(y) + 0.5 - cy
		off := c.at(x0, y)
		for x := x0; x < x1; x, off = x+1, off+4 {
			fx := float64(x) + 0.5 - cx
			d2 := fx*fx + fy*fy
			if d2 >= outer {
				continue
			}
			px := c.img.Pix[off:]
			if d2 <= inner && rd <= 0 {
				// Well inside the body: skip the square root.
				stroke.blend(px, 256)
				fill.blend(px, 256)
				continue
			}
			d := math.Sqrt(d2)
			stroke.blend(px, coverage(ro+0.5-d))
			fill.blend(px, coverage(ri+0.5-d))
			if rd > 0 {
				stroke.blend(px, coverage(rd+0.5-d))
			}
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
