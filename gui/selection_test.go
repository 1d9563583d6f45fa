package gui

import (
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// TestSelectionFollowsThePicture selects the 1978 Japan–China treaty in
// 2024 and goes back to 1950, where the treaty is not drawn: the picture
// must not be dimmed around a highlight that lights nothing. An actor
// selected stays lit on any day it is drawn.
func TestSelectionFollowsThePicture(t *testing.T) {
	w := newTestWindow(t, "2024")
	w.Network.Select(map[string]bool{"r26": true, "JPN": true})
	if o := w.Network.options(800, 600, 1); !o.Highlight["r26"] || !o.Highlight["JPN"] {
		t.Fatalf("2024: highlight %v, want the treaty and Japan", o.Highlight)
	}
	w.Viewer.SetDay(graphmodel.MustDate("1950").Last())
	o := w.Network.options(800, 600, 1)
	if o.Highlight["r26"] || !o.Highlight["JPN"] {
		t.Errorf("1950: highlight %v, want Japan alone", o.Highlight)
	}
	w.Network.Select(map[string]bool{"r26": true})
	if o := w.Network.options(800, 600, 1); o.Highlight != nil {
		t.Errorf("1950 with only the 1978 treaty selected: highlight %v dims the picture", o.Highlight)
	}
}
