package layout

import "math"

// Collide keeps nodes from overlapping: two nodes closer than the sum of
// their radii plus Padding are pushed apart, the smaller one more, as in
// d3-force's forceCollide. Like d3's it ignores alpha, so overlaps are
// resolved even as the layout cools. Neighbours are found with a uniform
// grid of cells at least one diameter wide, built by counting sort into flat
// arrays; each node sums its own pushes from positions read before the
// force, so the result does not depend on order or goroutines.
type Collide struct {
	// Padding is the extra gap kept between nodes.
	Padding float64
	// Strength is the share of an overlap removed per iteration (default 1).
	Strength float64
	// Iterations is how many times the force runs per tick (default 1);
	// more make a crowded layout untangle faster.
	Iterations int

	qx, qy    []float64 // predicted positions
	cellOf    []int32
	cellStart []int32
	members   []int32
	cols      int
	size      float64
	x0, y0    float64

	nodes []Node
	pool  *workers
	sum   job
}

// NewCollide returns a collision force with the given padding between the
// nodes' radii.
func NewCollide(padding float64) *Collide {
	return &Collide{Padding: padding, Strength: 1, Iterations: 1}
}

func (f *Collide) setWorkers(w *workers) { f.pool = w }

// Init sizes the arrays for the node count.
func (f *Collide) Init(nodes []Node) {
	n := len(nodes)
	f.qx, f.qy = make([]float64, n), make([]float64, n)
	f.cellOf, f.members = make([]int32, n), make([]int32, n)
	f.cellStart = make([]int32, 0, 4*n+2)
	f.sum.fn = f.sumRange
}

// Apply pushes overlapping nodes apart.
func (f *Collide) Apply(nodes []Node, alpha float64) {
	if len(f.qx) != len(nodes) {
		f.Init(nodes)
	}
	if len(nodes) < 2 {
		return
	}
	f.nodes = nodes
	for range max(f.Iterations, 1) {
		f.grid()
		f.pool.run(&f.sum, len(nodes))
	}
	f.nodes = nil
}

// grid buckets the predicted positions into square cells of width at least
// the largest reach, so every partner is in the 3×3 cells around a node.
func (f *Collide) grid() {
	nodes := f.nodes
	n := len(nodes)
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	reach := 0.0
	for i := range nodes {
		nd := &nodes[i]
		x, y := nd.X+nd.VX, nd.Y+nd.VY
		if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
			x, y = 0, 0
		}
		f.qx[i], f.qy[i] = x, y
		x0, x1 = min(x0, x), max(x1, x)
		y0, y1 = min(y0, y), max(y1, y)
		reach = max(reach, nd.Radius)
	}
	size := float64(2*reach) + f.Padding
	w, h := x1-x0, y1-y0
	// Bound the cell count by 4n: a sparse layout gets coarser cells.
	if size <= 0 || (w/size+1)*(h/size+1) > float64(4*n) {
		size = max(size, math.Sqrt(max(w, 1)*max(h, 1)/float64(4*n))*1.01, 1e-9)
		for (w/size+1)*(h/size+1) > float64(4*n) {
			size *= 1.5
		}
	}
	cols, rows := int(w/size)+1, int(h/size)+1
	f.cols, f.size, f.x0, f.y0 = cols, size, x0, y0
	f.cellStart = f.cellStart[:cols*rows+1]
	clear(f.cellStart)
	for i := range n {
		c := int32(int((f.qy[i]-y0)/size)*cols + int((f.qx[i]-x0)/size))
		f.cellOf[i] = c
		f.cellStart[c+1]++
	}
	for c := 1; c < len(f.cellStart); c++ {
		f.cellStart[c] += f.cellStart[c-1]
	}
	// Fill each cell in node order, using cellStart[c] as the cursor and then
	// shifting it back.
	for i := range n {
		c := f.cellOf[i]
		f.members[f.cellStart[c]] = int32(i)
		f.cellStart[c]++
	}
	copy(f.cellStart[1:], f.cellStart[:len(f.cellStart)-1])
	f.cellStart[0] = 0
}

func (f *Collide) sumRange(lo, hi int) {
	nodes, qx, qy := f.nodes, f.qx, f.qy
	rows := (len(f.cellStart) - 1) / f.cols
	for i := lo; i < hi; i++ {
		x, y := qx[i], qy[i]
		ri := nodes[i].Radius + f.Padding/2
		ri2 := float64(ri * ri)
		cx, cy := int((x-f.x0)/f.size), int((y-f.y0)/f.size)
		var vx, vy float64
		for gy := max(cy-1, 0); gy <= min(cy+1, rows-1); gy++ {
			for gx := max(cx-1, 0); gx <= min(cx+1, f.cols-1); gx++ {
				c := gy*f.cols + gx
				for _, j := range f.members[f.cellStart[c]:f.cellStart[c+1]] {
					if int(j) == i {
						continue
					}
					rj := nodes[j].Radius + f.Padding/2
					r := ri + rj
					dx, dy := x-qx[j], y-qy[j]
					l := float64(dx*dx) + float64(dy*dy)
					if l >= r*r {
						continue
					}
					if l == 0 {
						dx, l = -jiggle(i, int(j)), 1e-12
					}
					l = math.Sqrt(l)
					rj2 := float64(rj * rj)
					// The overlap is shared by area: the smaller node moves more.
					s := (r - l) / l * f.Strength * rj2 / (ri2 + rj2)
					vx += float64(dx * s)
					vy += float64(dy * s)
				}
			}
		}
		nodes[i].VX += vx
		nodes[i].VY += vy
	}
}
