package layout

import "math"

// ManyBody is the charge force between every pair of nodes: repulsion for a
// negative strength, attraction for a positive one, falling off as 1/d as in
// d3-force's forceManyBody. It uses the Barnes–Hut approximation (Barnes &
// Hut 1986, "A hierarchical O(N log N) force-calculation algorithm"): a
// quadtree cell whose width w satisfies w/d < theta acts as one body at its
// centre of mass. The tree lives in flat arrays rebuilt every tick without
// allocating, and the per-node sums run in parallel on large graphs.
type ManyBody struct {
	// Strength is each node's charge; negative repels (d3's default is -30).
	Strength float64
	// Theta is the Barnes–Hut accuracy: smaller is more exact and slower.
	Theta float64
	// DistanceMin bounds the force between very close nodes (default 1).
	DistanceMin float64

	tree  quadtree
	xy    [][2]float64 // the nodes' positions, for the tree
	nodes []Node
	alpha float64
	pool  *workers
	sum   job
}

// leafSize is how many points a quadtree leaf holds before it splits:
// small leaves sum fewer pairs directly, large ones walk fewer cells; 16
// measured fastest at 10,000 and 50,000 nodes.
const leafSize = 16

// NewManyBody returns a many-body force with the given charge per node and
// Barnes–Hut theta (d3 uses -30 and 0.9).
func NewManyBody(strength, theta float64) *ManyBody {
	return &ManyBody{Strength: strength, Theta: theta, DistanceMin: 1}
}

func (m *ManyBody) setWorkers(w *workers) { m.pool, m.tree.pool = w, w }

// Init sizes the tree for the node count.
func (m *ManyBody) Init(nodes []Node) {
	m.tree.resize(len(nodes))
	m.sum.fn = m.sumRange
}

// Apply builds the quadtree and adds each node's share of the force.
func (m *ManyBody) Apply(nodes []Node, alpha float64) {
	if m.sum.fn == nil {
		m.Init(nodes)
	}
	m.tree.leafSize = leafSize
	m.tree.theta2 = m.Theta * m.Theta
	if len(m.xy) != len(nodes) {
		m.xy = make([][2]float64, len(nodes))
	}
	for i, nd := range nodes {
		m.xy[i] = [2]float64{nd.X, nd.Y}
	}
	m.tree.build(m.xy)
	m.nodes, m.alpha = nodes, alpha
	m.pool.run(&m.sum, len(nodes))
	m.nodes = nil
}

// sumRange walks the tree for the points [lo, hi) in Z order; neighbouring
// points walk nearly the same cells, which keeps them in cache.
func (m *ManyBody) sumRange(lo, hi int) {
	t := &m.tree
	cells, px, py := t.cells, t.px, t.py
	dmin2 := m.DistanceMin * m.DistanceMin
	k := m.Strength * m.alpha
	for p := lo; p < hi; p++ {
		x, y := px[p], py[p]
		var fx, fy float64
		for c := 0; c < len(cells); {
			cl := &cells[c]
			dx, dy := cl.x-x, cl.y-y
			l := float64(dx*dx) + float64(dy*dy)
			if cl.crit < l {
				// Far enough: the whole cell acts as one body.
				if l < dmin2 {
					l = math.Sqrt(dmin2 * l)
				}
				w := cl.mass / l
				fx += float64(dx * w)
				fy += float64(dy * w)
				c = int(cl.next)
				continue
			}
			if cl.hi == cl.lo {
				c++ // open the inner cell: its first child follows it
				continue
			}
			for q := int(cl.lo); q < int(cl.hi); q++ {
				if q == p {
					continue
				}
				dx, dy := px[q]-x, py[q]-y
				l := float64(dx*dx) + float64(dy*dy)
				if l == 0 {
					// Coincident: push apart along a fixed direction that
					// depends only on the two points, as d3's jiggle would.
					dx, l = jiggle(p, q), 1e-12
				}
				if l < dmin2 {
					l = math.Sqrt(dmin2 * l)
				}
				w := 1 / l
				fx += float64(dx * w)
				fy += float64(dy * w)
			}
			c = int(cl.next)
		}
		n := &m.nodes[t.order[p]]
		n.VX += float64(fx * k)
		n.VY += float64(fy * k)
	}
}

// jiggle is a tiny signed offset that separates coincident points p and q
// deterministically (opposite for q and p).
func jiggle(p, q int) float64 {
	if p < q {
		return -1e-6
	}
	return 1e-6
}
