package layout

import "math/rand/v2"

// level is one graph of a multilevel hierarchy: weighted nodes and edges in
// CSR form. Level 0 is the input graph; each coarser level merges groups of
// nodes of the one below into single nodes whose mass is the group's total
// and whose edges sum the weights of the edges between groups.
type level struct {
	n     int
	start []int32   // node i's edges are adj[start[i]:start[i+1]]
	adj   []int32   // the other ends
	w     []float64 // the weights
	mass  []float64
	// parent maps each node of this level to its node in the next coarser
	// level; nil at the coarsest.
	parent []int32
}

// maxGroup is the most nodes of one level a coarse node may gather: a pair
// from the matching plus a leftover neighbour or two.
const maxGroup = 3

// baseLevel builds level 0 from links: unit masses and weights, self-loops,
// out-of-range ends and repeated edges dropped.
func baseLevel(n int, links []Link) *level {
	l := &level{n: n, mass: make([]float64, n)}
	for i := range l.mass {
		l.mass[i] = 1
	}
	es := make([][2]int32, 0, len(links))
	for _, k := range links {
		a, b := k.Source, k.Target
		if a == b || a < 0 || b < 0 || a >= n || b >= n {
			continue
		}
		es = append(es, [2]int32{int32(min(a, b)), int32(max(a, b))})
	}
	l.setEdges(dedup(n, es), nil)
	return l
}

// dedup drops the repeats of edges, keeping each edge's first place in es:
// the edges are listed by their lower end, and a mark per higher end finds
// the repeats, with no map (a map cost the most of building a level).
func dedup(n int, es [][2]int32) [][2]int32 {
	start := make([]int32, n+1)
	for _, e := range es {
		start[e[0]+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	byLow := make([]int32, len(es)) // edge indices, by lower end, in order
	fill := append([]int32(nil), start[:n]...)
	for k, e := range es {
		byLow[fill[e[0]]] = int32(k)
		fill[e[0]]++
	}
	mark := make([]int32, n) // a+1 when a's edge to the node is seen
	repeat := make([]bool, len(es))
	for a := range n {
		for _, k := range byLow[start[a]:start[a+1]] {
			b := es[k][1]
			if mark[b] == int32(a)+1 {
				repeat[k] = true
			}
			mark[b] = int32(a) + 1
		}
	}
	out := es[:0]
	for k, e := range es {
		if !repeat[k] {
			out = append(out, e)
		}
	}
	return out
}

// setEdges fills the CSR arrays from undirected edges with weights (nil
// means 1 each).
func (l *level) setEdges(es [][2]int32, ws []float64) {
	deg := make([]int32, l.n+1)
	for _, e := range es {
		deg[e[0]+1]++
		deg[e[1]+1]++
	}
	for i := 1; i <= l.n; i++ {
		deg[i] += deg[i-1]
	}
	l.start = deg
	l.adj = make([]int32, deg[l.n])
	l.w = make([]float64, deg[l.n])
	fill := append([]int32(nil), deg[:l.n]...)
	for k, e := range es {
		w := 1.0
		if ws != nil {
			w = ws[k]
		}
		a, b := e[0], e[1]
		l.adj[fill[a]], l.w[fill[a]] = b, w
		fill[a]++
		l.adj[fill[b]], l.w[fill[b]] = a, w
		fill[b]++
	}
}

// totalWeight is the sum of the edge weights.
func (l *level) totalWeight() float64 {
	var s float64
	for _, w := range l.w {
		s += w
	}
	return s / 2
}

// coarsen merges l's nodes into groups and returns the coarser level,
// setting l.parent. It is the matching of Walshaw (2000, "A multilevel
// algorithm for force-directed graph drawing") and Hu (2005, sfdp), visited
// in a seeded random order, with two changes so that it respects
// communities and still shrinks graphs with many leaves:
//
//   - a node pairs with the unmatched neighbour of the heaviest weight per
//     unit of mass, w(u,v)/(m(u)·m(v)): pairs inside a dense community win
//     over the few edges between communities, and light nodes merge before
//     heavy ones, so the levels stay balanced (as in Noack and Rotta's
//     multilevel clustering, whose score this is);
//   - a node whose neighbours are all taken joins the group of the best of
//     them, up to maxGroup nodes, as FM³'s solar merger (Hachul & Jünger
//     2004) lets planets join a sun, instead of staying alone; if those are
//     full too, it groups with other such nodes of the same best
//     neighbour, so the leaves of a star merge with each other; nodes
//     without edges group with each other.
func coarsen(l *level, r *rand.Rand) *level {
	group := make([]int32, l.n)
	size := make([]int32, 0, l.n/2+1)
	// stranded[v] is the group of nodes whose neighbours were all taken,
	// gathered around their neighbour v, as the leaves of a star.
	stranded := make([]int32, l.n)
	for i := range group {
		group[i], stranded[i] = -1, -1
	}
	lonely := int32(-1) // the group of nodes without edges being filled
	for _, p := range r.Perm(l.n) {
		u := int32(p)
		if group[u] >= 0 {
			continue
		}
		if l.start[u] == l.start[u+1] {
			if lonely < 0 || size[lonely] >= maxGroup {
				lonely = int32(len(size))
				size = append(size, 0)
			}
			size[lonely]++
			group[u] = lonely
			continue
		}
		best, bestJoin, anchor := int32(-1), int32(-1), int32(-1)
		var score, scoreJoin, scoreAnchor float64
		for k := l.start[u]; k < l.start[u+1]; k++ {
			v := l.adj[k]
			s := l.w[k] / float64(l.mass[u]*l.mass[v])
			if anchor < 0 || s > scoreAnchor {
				anchor, scoreAnchor = v, s
			}
			if g := group[v]; g < 0 {
				if best < 0 || s > score {
					best, score = v, s
				}
			} else if size[g] < maxGroup && (bestJoin < 0 || s > scoreJoin) {
				bestJoin, scoreJoin = v, s
			}
		}
		switch {
		case best >= 0:
			g := int32(len(size))
			size = append(size, 2)
			group[u], group[best] = g, g
		case bestJoin >= 0:
			g := group[bestJoin]
			size[g]++
			group[u] = g
		case anchor >= 0 && stranded[anchor] >= 0 && size[stranded[anchor]] < maxGroup:
			g := stranded[anchor]
			size[g]++
			group[u] = g
		case anchor >= 0:
			stranded[anchor] = int32(len(size))
			group[u] = int32(len(size))
			size = append(size, 1)
		default:
			group[u] = int32(len(size))
			size = append(size, 1)
		}
	}
	// Number the groups by their first node, so the coarse order follows
	// the fine one.
	id := make([]int32, len(size))
	for i := range id {
		id[i] = -1
	}
	var nc int32
	for i := range l.n {
		if g := group[i]; id[g] < 0 {
			id[g] = nc
			nc++
		}
	}
	c := &level{n: int(nc), mass: make([]float64, nc)}
	l.parent = make([]int32, l.n)
	for i := range l.n {
		p := id[group[i]]
		l.parent[i] = p
		c.mass[p] += l.mass[i]
	}
	// Members of each coarse node, to sum their edges node by node.
	mstart := make([]int32, nc+1)
	for _, p := range l.parent {
		mstart[p+1]++
	}
	for i := 1; i <= int(nc); i++ {
		mstart[i] += mstart[i-1]
	}
	members := make([]int32, l.n)
	fill := append([]int32(nil), mstart[:nc]...)
	for i, p := range l.parent {
		members[fill[p]] = int32(i)
		fill[p]++
	}
	slot := make([]int32, nc) // where coarse node q's edge to the current node is, +1
	var es [][2]int32
	var ws []float64
	for a := range nc {
		first := len(es)
		for _, u := range members[mstart[a]:mstart[a+1]] {
			for k := l.start[u]; k < l.start[u+1]; k++ {
				b := l.parent[l.adj[k]]
				if b <= a { // each coarse edge once, from its lower end
					continue
				}
				if s := slot[b]; s > 0 {
					ws[s-1] += l.w[k]
					continue
				}
				es = append(es, [2]int32{a, b})
				ws = append(ws, l.w[k])
				slot[b] = int32(len(es))
			}
		}
		for _, e := range es[first:] {
			slot[e[1]] = 0
		}
	}
	c.setEdges(es, ws)
	return c
}

// hierarchy coarsens l until it has at most coarsestSize nodes or a step
// no longer shrinks it by a sixth; it returns the levels, finest first.
func hierarchy(l *level, seed uint64, coarsestSize int) []*level {
	r := rand.New(rand.NewPCG(seed, 0x6d756c7469))
	levels := []*level{l}
	for l.n > coarsestSize && len(levels) < 60 {
		c := coarsen(l, r)
		if c.n*6 > l.n*5 {
			l.parent = nil
			break
		}
		levels = append(levels, c)
		l = c
	}
	return levels
}

// modularity is the highest modularity (Newman and Girvan 2004) of the
// partitions of level 0 that the coarser levels make (each coarse node is
// a group of fine ones): how clearly the graph falls into communities, as
// far as the coarsening found them.
func modularity(levels []*level) float64 {
	base := levels[0]
	w2 := 2 * base.totalWeight()
	if w2 == 0 {
		return 0
	}
	vol := make([]float64, base.n) // the weighted degree of each group
	for i := range base.n {
		for e := base.start[i]; e < base.start[i+1]; e++ {
			vol[i] += base.w[e]
		}
	}
	best := 0.0
	for k := 1; k < len(levels); k++ {
		next := make([]float64, levels[k].n)
		for i, p := range levels[k-1].parent {
			next[p] += vol[i]
		}
		vol = next
		// The share of the weight inside groups, less what a random graph
		// with the same degrees would put there.
		q := 1 - 2*levels[k].totalWeight()/w2
		for _, v := range vol {
			q -= float64(v/w2) * float64(v/w2)
		}
		best = max(best, q)
	}
	return best
}
