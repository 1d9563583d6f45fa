package picture

import (
	"fmt"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
)

// screenSizes are the screens a class and a desk have: the common
// projector, two laptops, full HD, 4K, and the smallest window Echoes
// allows (TestSmallestWindowUsable holds the window to 640×480 or less).
var screenSizes = [][2]float64{{1280, 720}, {1366, 768}, {1920, 1080}, {3840, 2160}, {640, 480}}

// deskArea is the network's part of a window of size w×h in desk mode:
// the split's share beside the side panel, under the toolbar and over the
// timeline and caption (see gui's startContent).
func deskArea(w, h float64) (int, int) { return int(w*0.72 - 4), int(h - 44 - 185) }

// TestLegibleEverywhere draws every event date of the embedded dataset in
// desk, presentation and compare mode at every screen size and finds no
// label on another label, a disc or a panel, nothing outside the picture,
// and (desk and presentation) a network spanning at least 85% of its free
// canvas in the direction that binds it.
func TestLegibleEverywhere(t *testing.T) {
	c, ds := testChain(t)
	fonts := c.fonts
	days := map[graphmodel.Day]bool{ds.Last(): true}
	for _, e := range ds.Events {
		days[e.Day()] = true
	}
	problems := 0
	report := func(what string, got []string) {
		for _, p := range got {
			if problems < 40 {
				t.Errorf("%s: %s", what, p)
			}
			problems++
		}
	}
	for day := range days {
		for _, sz := range screenSizes {
			dw, dh := deskArea(sz[0], sz[1])
			desk := Options{Width: dw, Height: dh, Theme: render.Light(), Legend: true, Chain: c}
			report(fmt.Sprintf("desk %dx%d %s", dw, dh, day), Legibility(Still(ds, day, desk, fonts), fonts, 0.85))
			pres := Options{Width: int(sz[0]), Height: int(sz[1]), Theme: render.Projector(), Legend: true, Caption: true, Chain: c}
			report(fmt.Sprintf("presentation %.0fx%.0f %s", sz[0], sz[1], day), Legibility(Still(ds, day, pres, fonts), fonts, 0.85))
			cmp := pres
			cmp.Caption = false
			report(fmt.Sprintf("compare %.0fx%.0f %s", sz[0], sz[1], day), Legibility(Compare(ds, ds.CompareDay(), day, cmp, fonts), fonts, 0))
		}
	}
	if problems > 0 {
		t.Errorf("%d problems in %d pictures", problems, len(days)*len(screenSizes)*3)
	}
}
