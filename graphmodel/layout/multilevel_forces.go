package layout

import "math"

// forceRange computes the force on the points [lo, hi) in the tree's Z
// order, a chunk of the force job, and their next places. Neighbouring
// points walk nearly the same cells, which keeps them in cache: in node
// order a tick took about 13% longer on grid-10000.
func (m *Multilevel) forceRange(lo, hi int) {
	l := m.levels[m.cur]
	t := &m.tree
	cells, px, py, pm := t.cells, t.px, t.py, t.pm
	dmin := 1e-3 * m.natural
	dmin2 := dmin * dmin
	p, r := m.p, m.r
	for z := lo; z < hi; z++ {
		i := int(t.order[z])
		x, y := px[z], py[z]
		mi := l.mass[i]
		// Repulsion: Σ m_j (x - x_j)/d², by Barnes–Hut.
		var rx, ry float64
		for c := 0; c < len(cells); {
			cl := &cells[c]
			dx, dy := x-cl.x, y-cl.y
			d2 := float64(dx*dx) + float64(dy*dy)
			if cl.crit < d2 {
				if d2 < dmin2 {
					d2 = math.Sqrt(dmin2 * d2)
				}
				var w float64
				switch p {
				case 1:
					w = cl.mass / d2
				case 2:
					w = cl.mass / float64(d2*math.Sqrt(d2))
				default:
					w = cl.mass * math.Pow(d2, -(p+1)/2)
				}
				rx += float64(dx * w)
				ry += float64(dy * w)
				c = int(cl.next)
				continue
			}
			if cl.hi == cl.lo {
				c++
				continue
			}
			for q := int(cl.lo); q < int(cl.hi); q++ {
				dx, dy := x-px[q], y-py[q]
				d2 := float64(dx*dx) + float64(dy*dy)
				if d2 == 0 {
					continue // itself, or a twin: the jitter parts twins
				}
				if d2 < dmin2 {
					d2 = math.Sqrt(dmin2 * d2)
				}
				var w float64
				switch p {
				case 1:
					w = 1 / d2
				case 2:
					w = 1 / float64(d2*math.Sqrt(d2))
				default:
					w = math.Pow(d2, -(p+1)/2)
				}
				if pm != nil {
					w *= pm[q]
				}
				rx += float64(dx * w)
				ry += float64(dy * w)
			}
			c = int(cl.next)
		}
		k := m.c * mi
		fx, fy := float64(rx*k), float64(ry*k)
		// Attraction along edges: w·d^(r-1) toward the other end.
		for e := l.start[i]; e < l.start[i+1]; e++ {
			o := m.pos[l.adj[e]]
			dx, dy := o[0]-x, o[1]-y
			d := math.Sqrt(float64(dx*dx) + float64(dy*dy))
			if d == 0 {
				continue
			}
			var s float64
			switch r {
			case 1:
				s = l.w[e] / d
			case 2:
				s = l.w[e]
			default:
				s = l.w[e] * math.Pow(d, r-2)
			}
			fx += float64(dx * s)
			fy += float64(dy * s)
		}
		// Gravity: a constant pull toward the centre of mass, stronger on
		// a node without edges, which nothing else holds near the rest.
		if dx, dy := m.cx-x, m.cy-y; dx != 0 || dy != 0 {
			g := m.g
			if l.start[i] == l.start[i+1] {
				g *= isolatedGravity
			}
			s := g * mi / math.Sqrt(float64(dx*dx)+float64(dy*dy))
			fx += float64(dx * s)
			fy += float64(dy * s)
		}
		f2 := float64(fx*fx) + float64(fy*fy)
		m.f2[z] = f2
		if f2 > 0 {
			s := m.step / math.Sqrt(f2)
			x += float64(fx * s)
			y += float64(fy * s)
		}
		m.next[i] = [2]float64{x, y}
	}
}
