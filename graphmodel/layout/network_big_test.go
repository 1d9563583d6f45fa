package layout

import (
	"fmt"
	"math"
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
