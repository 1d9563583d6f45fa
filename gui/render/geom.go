package render

import (
	"math"
	"sort"
)

// convexHull returns the hull of pts counter-clockwise (Andrew's monotone chain).
func convexHull(pts [][2]float64) [][2]float64 {
	p := append([][2]float64(nil), pts...)
	sort.Slice(p, func(i, j int) bool {
		if p[i][0] != p[j][0] {
			return p[i][0] < p[j][0]
		}
		return p[i][1] < p[j][1]
	})
	if len(p) < 3 {
		return p
	}
	cross := func(o, a, b [2]float64) float64 {
		return (a[0]-o[0])*(b[1]-o[1]) - (a[1]-o[1])*(b[0]-o[0])
	}
	var h [][2]float64
	for _, q := range p {
		for len(h) >= 2 && cross(h[len(h)-2], h[len(h)-1], q) <= 0 {
			h = h[:len(h)-1]
		}
		h = append(h, q)
	}
	lower := len(h) + 1
	for i := len(p) - 2; i >= 0; i-- {
		q := p[i]
		for len(h) >= lower && cross(h[len(h)-2], h[len(h)-1], q) <= 0 {
			h = h[:len(h)-1]
		}
		h = append(h, q)
	}
	return h[:len(h)-1]
}

// expand pushes each hull vertex out from the centroid by d, and rounds the
// corners with a few points so the shaded area reads as a soft region.
func expand(h [][2]float64, d float64) [][2]float64 {
	cx, cy := centroid(h)
	var out [][2]float64
	for _, p := range h {
		a := math.Atan2(p[1]-cy, p[0]-cx)
		for k := -2; k <= 2; k++ {
			t := a + float64(k)*0.3
			out = append(out, [2]float64{p[0] + d*math.Cos(t), p[1] + d*math.Sin(t)})
		}
	}
	return convexHull(out)
}

func centroid(pts [][2]float64) (float64, float64) {
	var x, y float64
	for _, p := range pts {
		x += p[0]
		y += p[1]
	}
	n := float64(len(pts))
	if n == 0 {
		return 0, 0
	}
	return x / n, y / n
}
