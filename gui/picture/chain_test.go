package picture

import (
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
	"github.com/echoes-viz/echoes/resources"
)

func testChain(t testing.TB) (*Chain, *graphmodel.Dataset) {
	ds, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	fonts, err := render.NewFonts()
	if err != nil {
		t.Fatal(err)
	}
	return NewChain(ds, fonts), ds
}

// TestChainPathIndependent holds that the positions at a date do not
// depend on which dates were asked for first: the window, which has been
// stepping through the timeline, and an export of that date must agree.
func TestChainPathIndependent(t *testing.T) {
	a, ds := testChain(t)
	b, _ := testChain(t)
	day := graphmodel.MustDate("1961-07-11").First()
	a.Positions(ds.Last()) // a has seen the whole timeline first
	pa, pb := a.Positions(day), b.Positions(day)
	if len(pa) == 0 || len(pa) != len(pb) {
		t.Fatalf("%d and %d positions", len(pa), len(pb))
	}
	for id, p := range pa {
		if pb[id] != p {
			t.Errorf("%s at %v after the whole timeline, %v asked first", id, p, pb[id])
		}
	}
}

func BenchmarkChainWholeTimeline(b *testing.B) {
	for b.Loop() {
		c, ds := testChain(b)
		c.Positions(ds.Last())
	}
}
