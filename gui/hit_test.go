package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
)

// TestAnyRelationIDHoverable holds that a relation is found by hover and
// tap whatever its id holds: ids are the user's free text, and marks such
// as an event's glow are told apart by type, not by a prefix in the id.
func TestAnyRelationIDHoverable(t *testing.T) {
	for _, id := range []string{"e:1", "glow:x", "echo:r20", "a b/c", "關係"} {
		t.Run(id, func(t *testing.T) {
			ds := &graphmodel.Dataset{Title: "two", Sources: []graphmodel.Source{{ID: "S1", Title: "test"}}}
			ds.Range.Start, ds.Range.End = graphmodel.MustDate("2000"), graphmodel.MustDate("2001")
			for _, a := range []string{"A", "B"} {
				ds.Actors = append(ds.Actors, &graphmodel.Actor{ID: a, Names: []graphmodel.NameSpan{{Name: a, Short: a}}})
			}
			ds.Relations = []*graphmodel.Relation{{ID: id, Kind: graphmodel.Alliance, Name: "The tie", Actors: []string{"A", "B"},
				Start: graphmodel.MustDate("2000"), Certainty: graphmodel.Confirmed, Description: "test", Sources: []string{"S1"}}}
			if err := ds.Validate("two"); err != nil {
				t.Fatal(err)
			}
			a := test.NewTempApp(t)
			w, err := newWindow(a, ds, "Echoes", ds.Last(), false, false, newQueueLoop())
			if err != nil {
				t.Fatal(err)
			}
			w.Win.Resize(fyne.NewSize(900, 600))
			t.Cleanup(w.Win.Close)
			capture(w)
			var mid fyne.Position
			found := false
			for _, e := range w.Network.Built().Edges {
				if e.Mark == render.MarkRelation && e.RelationID == id {
					mid = fyne.NewPos(float32(e.From[0]+e.To[0])/2, float32(e.From[1]+e.To[1])/2)
					found = true
				}
			}
			if !found {
				t.Fatalf("relation %q is not drawn", id)
			}
			w.Network.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: mid}})
			if h := w.Network.Hovered(); h.Kind != render.RelationTarget || h.ID != id {
				t.Errorf("hover at the line's middle found %+v", h)
			}
			test.TapAt(w.Network, mid)
			if text := w.details.text.String(); !contains(text, "The tie") {
				t.Errorf("tap did not show the relation's details:\n%s", text)
			}
		})
	}
}

// TestTooltipGoesWithTheDate holds that a hover tooltip does not outlive
// the picture it was found on: a new date takes it away.
func TestTooltipGoesWithTheDate(t *testing.T) {
	w := newTestWindow(t, "1978-12-31")
	capture(w)
	var at fyne.Position
	for _, n := range w.Network.Built().Nodes {
		if n.ID == "JPN" {
			at = fyne.NewPos(float32(n.X), float32(n.Y))
		}
	}
	w.Network.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	capture(w)
	if w.Network.Hovered().Kind == render.NoTarget {
		t.Fatal("no hover over Japan")
	}
	w.Viewer.SetDay(graphmodel.MustDate("1950").Last())
	capture(w)
	if h := w.Network.Hovered(); h.Kind != render.NoTarget {
		t.Errorf("the hover on %+v outlived the change of date", h)
	}
	for _, p := range w.Network.Built().PanelTexts {
		if contains(p.S, "relations on") {
			t.Errorf("a tooltip is still drawn: %q", p.S)
		}
	}
}
