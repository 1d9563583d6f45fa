package render

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// TestSortByLookIsAStableSort holds the counting sort of a plan's lines to
// what a stable sort by the same order gives, on seeded random lines of
// every kind, status, certainty and ghost.
func TestSortByLookIsAStableSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	kinds := graphmodel.Kinds()
	statuses := []graphmodel.Status{graphmodel.InForce, graphmodel.Signed, graphmodel.Recent}
	certainties := graphmodel.Certainties()
	for _, n := range []int{0, 1, 2, 17, 5000} {
		lines := make([]planLine, n)
		for i := range lines {
			rel := &graphmodel.Relation{ID: "r" + strconv.Itoa(i), Kind: kinds[r.IntN(len(kinds))], Certainty: certainties[r.IntN(len(certainties))]}
			tie := FrameTie{Tie: graphmodel.Tie{Relation: rel, Status: statuses[r.IntN(len(statuses))]}, Ghost: r.IntN(5) == 0}
			lines[i] = planLine{id: rel.ID, kind: rel.Kind, ghost: tie.Ghost, look: look(&tie)}
		}
		want := slices.Clone(lines)
		styles := kindStyles(false)
		slices.SortStableFunc(want, func(x, y planLine) int {
			lx := lineLook{x.ghost, styles[x.kind].Width, x.kind, x.look}
			ly := lineLook{y.ghost, styles[y.kind].Width, y.kind, y.look}
			return lx.compare(ly)
		})
		sortByLook(lines)
		for i := range lines {
			if lines[i].id != want[i].id {
				t.Fatalf("%d lines: place %d holds %s, a stable sort puts %s there", n, i, lines[i].id, want[i].id)
			}
		}
	}
}
