package render_test

import (
	"reflect"
	"runtime"
	"testing"

	"github.com/echoes-viz/echoes/gui/render"
)

// TestBigNetworkEdgesOnAnyCores builds a network big enough for the edges
// to be made on two cores, with nothing highlighted (each half written in
// place) and with a highlight (the serial path), and holds each to what
// one core makes. One actor in ten has no place, so some lines make no
// edge and the halves must close up.
func TestBigNetworkEdgesOnAnyCores(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out 3,000 actors")
	}
	f := bigFrame(t, 3000, 12000)
	pos := map[string][2]float64{}
	for i, a := range f.Actors {
		if i%10 != 0 {
			pos[a.ID] = f.Positions[a.ID]
		}
	}
	f.Positions = pos
	fonts, err := render.NewFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, hl := range []map[string]bool{nil, {f.Ties[7].ID: true, f.Actors[3].ID: true}} {
		o := windowOptions()
		o.Highlight = hl
		prev := runtime.GOMAXPROCS(1)
		one := render.Build(f, o, fonts)
		runtime.GOMAXPROCS(2)
		two := render.Build(f, o, fonts)
		runtime.GOMAXPROCS(prev)
		if len(one.Edges) < 8192 {
			t.Fatalf("%d edges: too few for the two-core path", len(one.Edges))
		}
		for i, e := range two.Edges {
			if e.RelationID == "" {
				t.Fatalf("edge %d of %d is empty", i, len(two.Edges))
			}
		}
		if !reflect.DeepEqual(one.Edges, two.Edges) {
			t.Errorf("highlight %v: the edges made on two cores differ from one core's", hl)
		}
	}
}
