package layout

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// gridSnapshot is a side×side lattice of actors as a snapshot, without the
// edges in drop.
func gridSnapshot(side int, drop map[int]bool) *graphmodel.Snapshot {
	s := &graphmodel.Snapshot{}
	id := func(i int) string { return fmt.Sprintf("a%05d", i) }
	for i := range side * side {
		s.Actors = append(s.Actors, &graphmodel.Actor{ID: id(i)})
	}
	for k, l := range gridLinks(side) {
		if !drop[k] {
			s.Edges = append(s.Edges, &graphmodel.Edge{A: id(l.Source), B: id(l.Target)})
		}
	}
	return s
}

func TestNetworkBigIsMultilevel(t *testing.T) {
	const side = 40
	n := NewNetwork(3)
	n.Update(gridSnapshot(side, nil))
	distinct := func() int {
		seen := map[[2]float64]bool{}
		for _, p := range n.Positions() {
			seen[p] = true
		}
		return len(seen)
	}
	// Coarse to fine: at first the actors stand where their groups are.
	n.Step(1)
	if d := distinct(); d >= side*side/4 {
		t.Errorf("%d distinct places after one tick, want the coarsest level's few", d)
	}
	c := n.Clone()
	n.Settle(10)
	if n.Alpha() >= 0.001 {
		t.Errorf("alpha %v after Settle: not at rest", n.Alpha())
	}
	if d := distinct(); d != side*side {
		t.Errorf("%d distinct places at rest, want %d", d, side*side)
	}
	// A clone steps on to the same places.
	for c.Step(7) {
	}
	want, got := n.Positions(), c.Positions()
	for id, p := range want {
		if got[id] != p {
			t.Fatalf("clone: %s at %v, want %v", id, got[id], p)
		}
	}
	// A warm update keeps what did not change where it was.
	n.Update(gridSnapshot(side, map[int]bool{5: true, 900: true}))
	n.Settle(600)
	after := n.Positions()
	var sum float64
	x0, x1 := math.Inf(1), math.Inf(-1)
	for id, p := range want {
		q := after[id]
		sum += math.Hypot(p[0]-q[0], p[1]-q[1])
		x0, x1 = min(x0, p[0]), max(x1, p[0])
	}
	mean := sum / float64(len(want)) / (x1 - x0)
	t.Logf("mean displacement %.4f of the width after removing two of %d edges", mean, len(gridLinks(side)))
	if mean > 0.05 {
		t.Errorf("mean displacement %.3f of the width after removing two edges", mean)
	}
}

// TestNetworkBigStability measures how far actors whose ties did not
// change move from date to date in a big network: a planted-community
// graph of 3,000 actors whose dates each drop a different 1% of the edges,
// laid out warm from date to date as the window does.
func TestNetworkBigStability(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out 3,000 actors at eight dates")
	}
	const n, k, dates = 3000, 40, 8
	r := rand.New(rand.NewPCG(4, 2))
	id := func(i int) string { return fmt.Sprintf("a%05d", i) }
	var all [][2]int
	seen := map[[2]int]bool{}
	for len(all) < 3*n {
		a := r.IntN(n)
		b := a/(n/k)*(n/k) + r.IntN(n/k) // the same community
		if r.IntN(12) == 0 {
			b = r.IntN(n) // anywhere
		}
		e := [2]int{min(a, b), max(a, b)}
		if a != b && !seen[e] {
			seen[e] = true
			all = append(all, e)
		}
	}
	snap := func(date int) (*graphmodel.Snapshot, map[string]bool) {
		s := &graphmodel.Snapshot{}
		for i := range n {
			s.Actors = append(s.Actors, &graphmodel.Actor{ID: id(i)})
		}
		touched := map[string]bool{}
		for j, e := range all {
			if date > 0 && j%100 == date {
				touched[id(e[0])], touched[id(e[1])] = true, true
				continue
			}
			s.Edges = append(s.Edges, &graphmodel.Edge{A: id(e[0]), B: id(e[1])})
		}
		return s, touched
	}
	net := NewNetwork(1)
	s, _ := snap(0)
	net.Update(s)
	net.Settle(600)
	prev := net.Positions()
	var sum float64
	prevTouched := map[string]bool{}
	for date := 1; date < dates; date++ {
		s, touched := snap(date)
		net.Update(s)
		net.Settle(600)
		pos := net.Positions()
		x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
		for _, p := range pos {
			x0, x1, y0, y1 = min(x0, p[0]), max(x1, p[0]), min(y0, p[1]), max(y1, p[1])
		}
		diam := math.Hypot(x1-x0, y1-y0)
		var d float64
		var c int
		for a, p := range pos {
			if touched[a] || prevTouched[a] {
				continue
			}
			d += math.Hypot(p[0]-prev[a][0], p[1]-prev[a][1])
			c++
		}
		sum += d / float64(c) / diam
		prev, prevTouched = pos, touched
	}
	mean := sum / (dates - 1)
	t.Logf("%d transitions, mean displacement of unchanged actors %.4f of the diameter", dates-1, mean)
	if mean > 0.05 {
		t.Errorf("mean displacement %.4f of the diameter, want under 0.05 as for the embedded dataset", mean)
	}
}
