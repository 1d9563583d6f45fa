package layout

import (
	"math"
	"math/rand/v2"
)

// mdsMax is the most nodes of the level a multilevel layout starts from
// with classical scaling: the largest level of at most this many nodes.
// Its scaling costs little (5–10 ms at 100 nodes on the development
// machine), and a level that small already has the graph's global shape.
const mdsMax = 100

// classicalMDS places the nodes of a small level by classical
// multidimensional scaling (Torgerson 1952, "Multidimensional scaling: I.
// Theory and method") of their hop distances, the start that Brandes and
// Pich (2007, "Eigensolver methods for progressive multidimensional
// scaling of large data") and Koren (2005, "Drawing graphs by
// eigenvectors") give force layouts. A force layout from random places
// can settle in a twisted state that no later level unwinds: a grid
// folded on itself (8 seeds of grid-10000 gave one such fold from random
// places at the coarsest level). Scaling has no such minima: it projects
// the distances on their two main axes.
//
// Distances are in hops; nodes in other components count one hop further
// than the farthest pair of one component. The two axes are the leading
// eigenvectors of the double-centred squared distances, found by power
// iteration from seeded vectors, so the result depends on the graph
// alone.
func classicalMDS(l *level) [][2]float64 {
	n := l.n
	pos := make([][2]float64, n)
	if n < 2 {
		return pos
	}
	d := hopDistances(l)
	// B = -½ J D² J, with J the centring matrix.
	b := make([]float64, n*n)
	row := make([]float64, n)
	var all float64
	for i := range n {
		for j := range n {
			v := d[i*n+j] * d[i*n+j]
			b[i*n+j] = v
			row[i] += v
		}
		all += row[i]
		row[i] /= float64(n)
	}
	all /= float64(n * n)
	for i := range n {
		for j := range n {
			b[i*n+j] = -0.5 * (b[i*n+j] - row[i] - row[j] + all)
		}
	}
	// A shift by the largest absolute row sum makes every eigenvalue
	// non-negative, so power iteration finds the largest, not the
	// largest in magnitude.
	var shift float64
	for i := range n {
		var s float64
		for j := range n {
			s += math.Abs(b[i*n+j])
		}
		shift = max(shift, s)
	}
	r := rand.New(rand.NewPCG(uint64(n), 0x6d6473))
	var axes [2][]float64
	for k := range axes {
		v := make([]float64, n)
		for i := range v {
			v[i] = r.Float64() - 0.5
		}
		w := make([]float64, n)
		for range mdsIterations {
			for _, a := range axes[:k] {
				orthogonalise(v, a)
			}
			normalise(v)
			for i := range n {
				s := float64(shift * v[i])
				for j := range n {
					s += float64(b[i*n+j] * v[j])
				}
				w[i] = s
			}
			v, w = w, v
		}
		for _, a := range axes[:k] {
			orthogonalise(v, a)
		}
		normalise(v)
		axes[k] = v
	}
	for k, a := range axes {
		// The eigenvalue of B (unshifted) gives the axis its length.
		var lambda float64
		for i := range n {
			var s float64
			for j := range n {
				s += float64(b[i*n+j] * a[j])
			}
			lambda += float64(a[i] * s)
		}
		scale := math.Sqrt(max(lambda, 0))
		for i := range n {
			pos[i][k] = a[i] * scale
		}
	}
	return pos
}

// mdsIterations is how many power iterations find each axis: at 100
// nodes, against 3,000 iterations, a 10×10 grid's axes agree to 1e-7 of
// their length after 50, and a random graph's (3 edges a node) to 1e-4
// after 200 and 3e-6 after 300.
const mdsIterations = 300

// hopDistances returns the n×n hop distances of a level's graph, row by
// row; a pair in different components gets the largest finite distance
// plus one.
func hopDistances(l *level) []float64 {
	n := l.n
	d := make([]float64, n*n)
	hops := make([]int32, n)
	queue := make([]int32, 0, n)
	far := int32(0)
	for s := range n {
		for i := range hops {
			hops[i] = -1
		}
		hops[s] = 0
		queue = append(queue[:0], int32(s))
		for k := 0; k < len(queue); k++ {
			u := queue[k]
			for e := l.start[u]; e < l.start[u+1]; e++ {
				if v := l.adj[e]; hops[v] < 0 {
					hops[v] = hops[u] + 1
					far = max(far, hops[v])
					queue = append(queue, v)
				}
			}
		}
		for i, h := range hops {
			d[s*n+i] = float64(h)
		}
	}
	for i, v := range d {
		if v < 0 {
			d[i] = float64(far + 1)
		}
	}
	return d
}

// orthogonalise removes from v its component along the unit vector a.
func orthogonalise(v, a []float64) {
	var dot float64
	for i := range v {
		dot += float64(v[i] * a[i])
	}
	for i := range v {
		v[i] -= float64(dot * a[i])
	}
}

// normalise scales v to unit length (a zero vector stays zero).
func normalise(v []float64) {
	var s float64
	for _, x := range v {
		s += float64(x * x)
	}
	if s == 0 {
		return
	}
	s = math.Sqrt(s)
	for i := range v {
		v[i] /= s
	}
}
