package layout

import "math"

// Link is a spring between nodes Source and Target (indices).
type Link struct {
	Source, Target int
	// Distance is the rest length; 0 means d3's default, 30.
	Distance float64
	// Strength is the spring constant in [0, 1]; 0 means d3's default,
	// 1/min(degree of source, degree of target), which keeps hubs stable.
	Strength float64
}

// Links pulls linked nodes toward their rest distance, as d3-force's
// forceLink (one iteration per tick): each link corrects the predicted
// distance (position plus velocity) by strength·alpha of its error, and the
// correction is shared between the ends in inverse proportion to their
// degree, so leaves move more than hubs.
//
// Unlike d3, which updates links one after another, every node sums its
// links from the positions read before the force runs. That makes the sum
// parallel and order-free; with the default strengths the shares of a
// node's links add up to at most one, so it is as stable.
type Links struct {
	links []Link

	// Per node, its links in CSR form: adj[start[i]:start[i+1]].
	start []int32
	adj   []halfLink
	qx    []float64 // predicted positions, read by every node's sum
	qy    []float64

	nodes   []Node
	alpha   float64
	pool    *workers
	predict job
	sum     job
}

// halfLink is one end's view of a link.
type halfLink struct {
	other    int32
	distance float64
	k        float64 // strength times this end's share
}

// NewLinks returns the link force over links; indices must be within the
// node slice the simulation gets.
func NewLinks(links []Link) *Links {
	return &Links{links: append([]Link(nil), links...)}
}

func (f *Links) setWorkers(w *workers) { f.pool = w }

// Init builds the adjacency for the node count; links whose ends are out of
// range or equal are ignored.
func (f *Links) Init(nodes []Node) {
	n := len(nodes)
	deg := make([]int32, n)
	valid := func(l Link) bool {
		return l.Source != l.Target && l.Source >= 0 && l.Target >= 0 && l.Source < n && l.Target < n
	}
	for _, l := range f.links {
		if valid(l) {
			deg[l.Source]++
			deg[l.Target]++
		}
	}
	f.start = make([]int32, n+1)
	for i, d := range deg {
		f.start[i+1] = f.start[i] + d
	}
	f.adj = make([]halfLink, f.start[n])
	fill := append([]int32(nil), f.start[:n]...)
	for _, l := range f.links {
		if !valid(l) {
			continue
		}
		ds, dt := float64(deg[l.Source]), float64(deg[l.Target])
		s := l.Strength
		if s == 0 {
			s = 1 / min(ds, dt)
		}
		d := l.Distance
		if d == 0 {
			d = 30
		}
		f.adj[fill[l.Source]] = halfLink{other: int32(l.Target), distance: d, k: s * dt / (ds + dt)}
		fill[l.Source]++
		f.adj[fill[l.Target]] = halfLink{other: int32(l.Source), distance: d, k: s * ds / (ds + dt)}
		fill[l.Target]++
	}
	f.qx, f.qy = make([]float64, n), make([]float64, n)
	f.predict.fn = f.predictRange
	f.sum.fn = f.sumRange
}

// Apply adds every node's spring corrections.
func (f *Links) Apply(nodes []Node, alpha float64) {
	if len(f.qx) != len(nodes) {
		f.Init(nodes)
	}
	f.nodes, f.alpha = nodes, alpha
	runSerial(&f.predict, len(nodes))
	f.pool.run(&f.sum, len(nodes))
	f.nodes = nil
}

func (f *Links) predictRange(lo, hi int) {
	for i := lo; i < hi; i++ {
		n := &f.nodes[i]
		f.qx[i], f.qy[i] = n.X+n.VX, n.Y+n.VY
	}
}

func (f *Links) sumRange(lo, hi int) {
	qx, qy := f.qx, f.qy
	for i := lo; i < hi; i++ {
		x, y := qx[i], qy[i]
		var vx, vy float64
		for _, h := range f.adj[f.start[i]:f.start[i+1]] {
			dx, dy := qx[h.other]-x, qy[h.other]-y
			l := math.Sqrt(float64(dx*dx) + float64(dy*dy))
			if l == 0 {
				dx, l = jiggle(i, int(h.other)), 1e-6
			}
			s := (l - h.distance) / l * h.k
			vx += float64(dx * s)
			vy += float64(dy * s)
		}
		n := &f.nodes[i]
		n.VX += float64(vx * f.alpha)
		n.VY += float64(vy * f.alpha)
	}
}
