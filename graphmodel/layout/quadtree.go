package layout

import (
	"math"
	"math/bits"
)

// mortonBits is the resolution of the Z-order keys per axis; it bounds the
// tree's depth. Points closer than size/2^16 share a leaf.
const mortonBits = 16

// The top topLevels levels of the tree are built on one goroutine; below
// them the 4^topLevels buckets are sorted, and their subtrees built, as
// independent tasks, in parallel on large graphs.
const (
	topLevels  = 3
	topBuckets = 1 << (2 * topLevels)
	topShift   = 32 - 2*topLevels // key >> topShift is the bucket
	topCells   = 128              // room for the cells above the buckets
)

// quadtree is a Barnes–Hut quadtree (Barnes & Hut 1986, "A hierarchical
// O(N log N) force-calculation algorithm") kept in flat arrays. Each build
// sorts the points along a Z-order (Morton) curve, so every cell covers a
// contiguous run of points, and lays the cells out in depth-first order with
// a skip index, so a traversal is a forward walk through one array. The
// arrays are sized once per node count: rebuilding every tick does not
// allocate.
//
// The build gives the same tree whichever goroutines run it: the points are
// split into buckets by a stable counting sort over fixed blocks, each
// bucket is radix-sorted and its subtree built in a scratch region of its
// own (2 cells per point) as an independent task, then the few cells above
// the buckets are laid out and the regions copied into place.
type quadtree struct {
	leafSize int
	theta2   float64
	pool     *workers
	// mass, when set, is each node's mass (by node index); nil means one
	// each. pm holds it in Z order.
	mass []float64
	pm   []float64

	xy              [][2]float64            // the points, during a build
	keys, keysTmp   []uint32                // Z-order keys
	order, orderTmp []int32                 // order[k] is the node index of the k-th point in Z order
	px, py          []float64               // positions in Z order
	cells           []cell                  // the tree in depth-first order
	scratch         []cell                  // the buckets' subtrees, 2 cells per point
	crit            [mortonBits + 1]float64 // per level: (cell width)²/θ²
	x0, y0, scale   float64

	blockBounds []bounds
	blockCount  [][topBuckets]int32 // per block: points per bucket, then its write cursors
	bucketStart [topBuckets + 1]int32
	radix       [topBuckets][256]int32
	top         [topCells]topNode
	nTop        int
	tasks       []subtree

	boundsJob, keysJob, scatterJob, sortJob, taskJob, copyJob job
}

// bucketChunk is how many neighbouring buckets (or their subtrees) a worker
// claims at a time. Neighbouring buckets share the cache lines at their
// edges; claimed one at a time, two cores sorted neighbours at once and
// passed those lines back and forth: on two cores, with a bucket at a time,
// the sort of clustered-10000's buckets ran 1.13-1.18 times faster than on
// one; four at a time, 1.40-1.48 times.
const bucketChunk = 4

// bounds is a bounding box.
type bounds struct{ x0, y0, x1, y1 float64 }

// topNode is a cell above the buckets, or a bucket's subtree (task >= 0).
type topNode struct {
	lo, hi, level int
	task          int
	kids          [4]int8
	nk            int8
	at, end       int32 // its cells' span in the final array
}

// subtree is a bucket's points [lo, hi), built into scratch[at:end] and
// copied to cells[base:].
type subtree struct {
	lo, hi, level int
	at, end, base int32
}

// cell is a quadtree cell: a body of mass points at its centre of mass.
type cell struct {
	x, y float64
	mass float64
	// crit is (width)²/θ²: from a squared distance above it, the cell
	// stands for all its points.
	crit float64
	next int32 // the cell after this one's subtree
	// lo, hi are a leaf's points [lo, hi) in Z order; hi == lo for inner
	// cells, whose first child follows them.
	lo, hi int32
}

// resize allocates the arrays for n points.
func (t *quadtree) resize(n int) {
	if len(t.keys) == n && t.sortJob.fn != nil {
		return
	}
	t.keys, t.keysTmp = make([]uint32, n), make([]uint32, n)
	t.order, t.orderTmp = make([]int32, n), make([]int32, n)
	t.px, t.py = make([]float64, n), make([]float64, n)
	t.cells = make([]cell, 0, topCells+2*n)
	t.scratch = make([]cell, 2*n)
	blocks := (n + blockSize - 1) / blockSize
	t.blockBounds = make([]bounds, blocks)
	t.blockCount = make([][topBuckets]int32, blocks)
	t.tasks = make([]subtree, 0, topBuckets)
	// The jobs are set once: a worker that wakes late for a run already
	// over still reads its job (then sees the run has ended), so a job must
	// never be overwritten while the tree lives, even when a multilevel
	// layout resizes the tree for the next level.
	if t.boundsJob.fn == nil {
		t.boundsJob = job{fn: t.boundsRange, chunk: blockSize}
		t.keysJob = job{fn: t.keysRange, chunk: blockSize}
		t.scatterJob = job{fn: t.scatterRange, chunk: blockSize}
		t.sortJob = job{fn: t.sortBuckets, chunk: bucketChunk}
		t.taskJob = job{fn: t.buildTasks, chunk: bucketChunk}
		t.copyJob = job{fn: t.copyTasks, chunk: bucketChunk}
	}
}

// build sorts the points xy into Z order and builds the cells.
func (t *quadtree) build(xy [][2]float64) {
	n := len(xy)
	t.resize(n)
	t.cells = t.cells[:0]
	if n == 0 {
		return
	}
	t.xy = xy
	if t.mass != nil && len(t.pm) != n {
		t.pm = make([]float64, n)
	}
	blocks := len(t.blockBounds)

	t.pool.run(&t.boundsJob, n)
	b := t.blockBounds[0]
	for _, c := range t.blockBounds[1:blocks] {
		b.x0, b.y0, b.x1, b.y1 = min(b.x0, c.x0), min(b.y0, c.y0), max(b.x1, c.x1), max(b.y1, c.y1)
	}
	size := max(b.x1-b.x0, b.y1-b.y0)
	if !(size > 0) || math.IsInf(size, 0) {
		size = 1
	}
	for l := range t.crit {
		w := math.Ldexp(size, -l)
		t.crit[l] = w * w / t.theta2
	}
	t.x0, t.y0, t.scale = b.x0, b.y0, math.Ldexp(1, mortonBits)/size

	// Stable counting sort into buckets, by blocks of fixed size.
	t.pool.run(&t.keysJob, n)
	var sum int32
	for q := range topBuckets {
		t.bucketStart[q] = sum
		for k := range t.blockCount[:blocks] {
			c := t.blockCount[k][q]
			t.blockCount[k][q] = sum
			sum += c
		}
	}
	t.bucketStart[topBuckets] = sum
	t.pool.run(&t.scatterJob, n)
	t.pool.run(&t.sortJob, topBuckets)

	// The cells above the buckets, then the buckets' subtrees, then the
	// final layout: the regions copied into place and the top cells filled
	// in, deepest first, from their children.
	t.tasks = t.tasks[:0]
	t.nTop = 0
	t.buildTop(0, n, 0)
	t.pool.run(&t.taskJob, len(t.tasks))
	t.cells = t.cells[:t.layoutTop(0, 0)]
	t.pool.run(&t.copyJob, len(t.tasks))
	for i := t.nTop - 1; i >= 0; i-- {
		nd := &t.top[i]
		switch {
		case nd.task >= 0:
		case nd.nk == 0:
			t.cells[nd.at] = t.leaf(nd.lo, nd.hi, nd.level, nd.at+1)
		default:
			var sx, sy, m float64
			for _, k := range nd.kids[:nd.nk] {
				ch := &t.cells[t.top[k].at]
				sx += float64(ch.x * ch.mass)
				sy += float64(ch.y * ch.mass)
				m += ch.mass
			}
			t.cells[nd.at] = cell{x: sx / m, y: sy / m, mass: m, crit: t.crit[nd.level], next: nd.end}
		}
	}
	t.xy = nil
}

func (t *quadtree) boundsRange(lo, hi int) {
	b := bounds{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for i := lo; i < hi; i++ {
		// Comparisons, not min/max, so that a NaN is skipped.
		x, y := t.xy[i][0], t.xy[i][1]
		if x < b.x0 {
			b.x0 = x
		}
		if x > b.x1 {
			b.x1 = x
		}
		if y < b.y0 {
			b.y0 = y
		}
		if y > b.y1 {
			b.y1 = y
		}
	}
	t.blockBounds[lo/blockSize] = b
}

func (t *quadtree) keysRange(lo, hi int) {
	const top = 1<<mortonBits - 1
	count := &t.blockCount[lo/blockSize]
	clear(count[:])
	for i := lo; i < hi; i++ {
		k := interleave(quantize((t.xy[i][0]-t.x0)*t.scale, top), quantize((t.xy[i][1]-t.y0)*t.scale, top))
		t.keysTmp[i] = k
		count[k>>topShift]++
	}
}

func (t *quadtree) scatterRange(lo, hi int) {
	cursor := &t.blockCount[lo/blockSize]
	for i := lo; i < hi; i++ {
		k := t.keysTmp[i]
		p := cursor[k>>topShift]
		cursor[k>>topShift]++
		t.keys[p], t.order[p] = k, int32(i)
	}
}

// sortBuckets radix-sorts buckets [lo, hi) on the bits below the bucket
// (stable LSD, 8 bits a pass) and gathers their positions.
func (t *quadtree) sortBuckets(lo, hi int) {
	for q := lo; q < hi; q++ {
		s, e := t.bucketStart[q], t.bucketStart[q+1]
		if e-s <= insertionMax {
			// A stable insertion sort: the same order as the radix sort,
			// without its passes over 256 counters, which cost most of a
			// small level's tick.
			keys, order := t.keys[s:e], t.order[s:e]
			for i := 1; i < len(keys); i++ {
				k, o := keys[i], order[i]
				j := i
				for ; j > 0 && keys[j-1] > k; j-- {
					keys[j], order[j] = keys[j-1], order[j-1]
				}
				keys[j], order[j] = k, o
			}
		} else {
			keys, tmp := t.keys[s:e], t.keysTmp[s:e]
			order, otmp := t.order[s:e], t.orderTmp[s:e]
			count := &t.radix[q]
			for shift := 0; shift < topShift; shift += 8 {
				clear(count[:])
				for _, k := range keys {
					count[(k>>shift)&0xff]++
				}
				if count[(keys[0]>>shift)&0xff] == e-s {
					continue // every key has the same byte here
				}
				var sum int32
				for b, c := range count {
					count[b] = sum
					sum += c
				}
				for k, key := range keys {
					b := (key >> shift) & 0xff
					tmp[count[b]], otmp[count[b]] = key, order[k]
					count[b]++
				}
				keys, tmp = tmp, keys
				order, otmp = otmp, order
			}
			if &keys[0] != &t.keys[s] {
				copy(t.keys[s:e], keys)
				copy(t.order[s:e], order)
			}
		}
		for k := s; k < e; k++ {
			p := t.xy[t.order[k]]
			t.px[k], t.py[k] = p[0], p[1]
		}
		if t.mass != nil {
			for k := s; k < e; k++ {
				t.pm[k] = t.mass[t.order[k]]
			}
		}
	}
}

// insertionMax is the most points of a bucket sorted by insertion rather
// than by radix.
const insertionMax = 48

// buildTop records the top node for points [lo, hi) and returns its
// index: a task when the points share a bucket, else a cell above the
// buckets with its children.
func (t *quadtree) buildTop(lo, hi, level int) int8 {
	i := t.nTop
	t.nTop++
	nd := &t.top[i]
	*nd = topNode{lo: lo, hi: hi, level: level, task: -1}
	if t.keys[lo]>>topShift == t.keys[hi-1]>>topShift {
		nd.task = len(t.tasks)
		t.tasks = append(t.tasks, subtree{lo: lo, hi: hi, level: level, at: int32(2 * lo)})
		return int8(i)
	}
	if d := bits.LeadingZeros32(t.keys[lo]^t.keys[hi-1]) / 2; d > nd.level {
		nd.level = d
	}
	if hi-lo <= t.leafSize {
		return int8(i)
	}
	shift := uint(2 * (mortonBits - 1 - nd.level))
	for s := lo; s < hi; {
		e := t.quadrantEnd(s, hi, shift)
		nd.kids[nd.nk] = t.buildTop(s, e, nd.level+1)
		nd.nk++
		s = e
	}
	return int8(i)
}

// buildTasks builds the subtrees of tasks [lo, hi) in their scratch regions.
func (t *quadtree) buildTasks(lo, hi int) {
	for i := lo; i < hi; i++ {
		s := &t.tasks[i]
		s.end = t.buildCell(s.lo, s.hi, s.level, s.at)
	}
}

// layoutTop gives top node i and its subtree their places in depth-first
// order from pos, and returns the index after them.
func (t *quadtree) layoutTop(i int8, pos int32) int32 {
	nd := &t.top[i]
	nd.at = pos
	if nd.task >= 0 {
		s := &t.tasks[nd.task]
		s.base = pos
		nd.end = pos + s.end - s.at
		return nd.end
	}
	pos++
	for _, k := range nd.kids[:nd.nk] {
		pos = t.layoutTop(k, pos)
	}
	nd.end = pos
	return pos
}

// copyTasks moves the subtrees of tasks [lo, hi) into place. Their skip
// indices are relative to their region, and the end of a region is the
// index after the subtree in the final order too, so a shift fixes them.
func (t *quadtree) copyTasks(lo, hi int) {
	for i := lo; i < hi; i++ {
		s := &t.tasks[i]
		shift := s.base - s.at
		dst := t.cells[s.base : s.base+s.end-s.at]
		for k, c := range t.scratch[s.at:s.end] {
			c.next += shift
			dst[k] = c
		}
	}
}

// quadrantEnd returns the end of the run of keys from s that share their
// digits down to shift (keys are sorted).
func (t *quadtree) quadrantEnd(s, hi int, shift uint) int {
	end := (t.keys[s]>>shift + 1) << shift // 0 when it overflows: no bound
	e, f := s+1, hi
	for e < f {
		h := int(uint(e+f) >> 1)
		if t.keys[h] < end || end == 0 {
			e = h + 1
		} else {
			f = h
		}
	}
	return e
}

// leaf returns the leaf cell for points [lo, hi).
func (t *quadtree) leaf(lo, hi, level int, next int32) cell {
	if t.mass != nil {
		var sx, sy, m float64
		for k := lo; k < hi; k++ {
			sx += float64(t.px[k] * t.pm[k])
			sy += float64(t.py[k] * t.pm[k])
			m += t.pm[k]
		}
		return cell{x: sx / m, y: sy / m, mass: m, crit: t.crit[level], next: next, lo: int32(lo), hi: int32(hi)}
	}
	var sx, sy float64
	for k := lo; k < hi; k++ {
		sx += t.px[k]
		sy += t.py[k]
	}
	m := float64(hi - lo)
	return cell{x: sx / m, y: sy / m, mass: m, crit: t.crit[level], next: next, lo: int32(lo), hi: int32(hi)}
}

// buildCell writes the cell for points [lo, hi), whose keys agree on their
// first level digits, at scratch index at, then its subtree in depth-first
// order, and returns the index after the subtree.
func (t *quadtree) buildCell(lo, hi, level int, at int32) int32 {
	// Skip the levels at which all the points fall in one quadrant.
	if d := bits.LeadingZeros32(t.keys[lo]^t.keys[hi-1]) / 2; d > level {
		level = d
	}
	if hi-lo <= t.leafSize || level >= mortonBits {
		t.scratch[at] = t.leaf(lo, hi, level, at+1)
		return at + 1
	}
	shift := uint(2 * (mortonBits - 1 - level))
	var sx, sy, m float64
	next := at + 1
	for s := lo; s < hi; {
		e := t.quadrantEnd(s, hi, shift)
		ch := next
		next = t.buildCell(s, e, level+1, ch)
		c := &t.scratch[ch]
		sx += float64(c.x * c.mass)
		sy += float64(c.y * c.mass)
		m += c.mass
		s = e
	}
	t.scratch[at] = cell{x: sx / m, y: sy / m, mass: m, crit: t.crit[level], next: next}
	return next
}
