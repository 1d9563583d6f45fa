package render

import (
	"reflect"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// TestCrowdedPairShowsFewLines holds a pair to MaxPairLines lines: the
// most telling kinds keep their own line and one combined line stands for
// the rest, listing every relation it folds.
func TestCrowdedPairShowsFewLines(t *testing.T) {
	tie := func(id string, k graphmodel.Kind, ghost bool) FrameTie {
		return FrameTie{Tie: graphmodel.Tie{Relation: &graphmodel.Relation{ID: id, Kind: k, Actors: []string{"A", "B"}}}, Opacity: 1, Ghost: ghost}
	}
	cases := []struct {
		name      string
		ties      []FrameTie
		wantKinds []graphmodel.Kind
		wantMore  []int
		wantLast  []string // members of the last line
	}{
		{"three kinds fit", []FrameTie{tie("s", graphmodel.Summit, false), tie("p", graphmodel.Partnership, false), tie("t", graphmodel.Talks, false)},
			[]graphmodel.Kind{graphmodel.Summit, graphmodel.Partnership, graphmodel.Talks}, []int{0, 0, 0}, []string{"t"}},
		{"five kinds fold into three lines", []FrameTie{tie("s", graphmodel.Summit, false), tie("p", graphmodel.Partnership, false),
			tie("t", graphmodel.Talks, false), tie("a", graphmodel.Alliance, false), tie("x", graphmodel.Exercise, false)},
			[]graphmodel.Kind{graphmodel.Alliance, graphmodel.Partnership, graphmodel.Exercise}, []int{0, 0, 3}, []string{"x", "t", "s"}},
		{"a ghost keeps its own line", []FrameTie{tie("w", graphmodel.War, true), tie("s", graphmodel.Summit, false), tie("p", graphmodel.Partnership, false),
			tie("t", graphmodel.Talks, false), tie("a", graphmodel.Alliance, false)},
			[]graphmodel.Kind{graphmodel.Alliance, graphmodel.Partnership, graphmodel.Talks, graphmodel.War}, []int{0, 0, 2, 0}, []string{"w"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ties, members := bundle(c.ties)
			got, gotM, more := crowd(ties, members)
			var kinds []graphmodel.Kind
			for _, x := range got {
				kinds = append(kinds, x.Kind)
			}
			if !reflect.DeepEqual(kinds, c.wantKinds) || !reflect.DeepEqual(more, c.wantMore) || !reflect.DeepEqual(gotM[len(gotM)-1], c.wantLast) {
				t.Errorf("got kinds %v, more %v, last members %v; want %v, %v, %v", kinds, more, gotM[len(gotM)-1], c.wantKinds, c.wantMore, c.wantLast)
			}
		})
	}
}
