package gui

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
)

// ringDataset is n actors in a ring, each tied to its next two: a network
// whose layout takes far longer than settleBudget to come to rest.
func ringDataset(t *testing.T, n int) *graphmodel.Dataset {
	t.Helper()
	ds := &graphmodel.Dataset{Sources: []graphmodel.Source{{ID: "S1", Title: "test"}}}
	ds.Range.Start, ds.Range.End = graphmodel.MustDate("2000"), graphmodel.MustDate("2001")
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("a%d", i)
		ds.Actors = append(ds.Actors, &graphmodel.Actor{ID: id, Names: []graphmodel.NameSpan{{Name: id, Short: id}}})
	}
	for i := 0; i < n; i++ {
		for _, d := range []int{1, 2} {
			ds.Relations = append(ds.Relations, &graphmodel.Relation{ID: fmt.Sprintf("r%d-%d", i, d), Kind: graphmodel.Partnership,
				Actors: []string{ds.Actors[i].ID, ds.Actors[(i+d)%n].ID}, Start: graphmodel.MustDate("2000"),
				Certainty: graphmodel.Confirmed, Description: "test", Sources: []string{"S1"}})
		}
	}
	if err := ds.Validate("ring"); err != nil {
		t.Fatal(err)
	}
	return ds
}

// A big network opens without waiting for its layout: NewViewer returns
// after its head start, the layout goes on moving in the background, and
// closing the viewer stops that goroutine (and, once the viewer is gone,
// the layout's own workers).
func TestViewerSettlesInBackground(t *testing.T) {
	test.NewTempApp(t)
	fonts, err := render.NewFonts()
	if err != nil {
		t.Fatal(err)
	}
	ds := ringDataset(t, 5000)
	before := settledGoroutines(0)
	// Not a wall-clock bound (a loaded or race-built run is many times
	// slower): the layout must still have work left when NewViewer returns.
	v := newViewer(ds, ds.Last(), fonts, newQueueLoop())
	if !v.Network().Moving() {
		t.Errorf("the layout is already at rest: nothing was left for the background")
	}
	time.Sleep(200 * time.Millisecond)
	if n := runtime.NumGoroutine(); n <= before {
		t.Errorf("no background settle is running (%d goroutines, %d before)", n, before)
	}
	v.Close()
	// The settle stops at once; the layout's worker pool goes with the
	// network, once nothing holds it.
	time.Sleep(100 * time.Millisecond)
	v = nil
	runtime.GC()
	runtime.GC()
	if after := settledGoroutines(before); after > before {
		t.Errorf("%d goroutines after Close, %d before: the settle goes on\n%s", after, before, allStacks())
	}
}
