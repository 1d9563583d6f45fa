package layout

import "math"

// Phyllotaxis places nodes as d3-force places nodes without a position: on a
// sunflower spiral, node i at radius 10·√(0.5+i), angle i·π(3-√5). The
// angle advances by a rotation with literal cosine and sine rather than by
// math.Cos, whose last bits can differ between platforms.
func Phyllotaxis(nodes []Node) {
	const cosA, sinA = -0.7373688780783197, 0.6754902942615238 // of π(3-√5)
	c, s := 1.0, 0.0
	for i := range nodes {
		r := 10 * math.Sqrt(0.5+float64(i))
		nodes[i].X, nodes[i].Y = float64(r*c), float64(r*s)
		c, s = float64(c*cosA)-float64(s*sinA), float64(s*cosA)+float64(c*sinA)
	}
}
