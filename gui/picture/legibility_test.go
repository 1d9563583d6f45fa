package picture

import (
	"fmt"
	"slices"
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
	var l legibilityRun
	days := eventDays(ds)
	for _, day := range days {
		for _, sz := range screenSizes {
			l.checkModes(t, ds, day, int(sz[0]), int(sz[1]), c, "")
		}
	}
	l.summary(t, len(days)*len(screenSizes)*3)
}

// eventDays lists the days of ds's events and its last day, in order.
func eventDays(ds *graphmodel.Dataset) []graphmodel.Day {
	seen := map[graphmodel.Day]bool{ds.Last(): true}
	days := []graphmodel.Day{ds.Last()}
	for _, e := range ds.Events {
		if d := e.Day(); !seen[d] {
			seen[d] = true
			days = append(days, d)
		}
	}
	slices.Sort(days)
	return days
}

// legibilityRun counts the problems of a run of Legibility checks and
// reports the first of them.
type legibilityRun struct{ problems int }

func (l *legibilityRun) report(t *testing.T, what string, got []string) {
	t.Helper()
	for _, p := range got {
		if l.problems < 40 {
			t.Errorf("%s: %s", what, p)
		}
		l.problems++
	}
}

// checkModes checks the desk, presentation and compare pictures of day on a
// w×h screen in language lang ("" for the dataset's own).
func (l *legibilityRun) checkModes(t *testing.T, ds *graphmodel.Dataset, day graphmodel.Day, w, h int, c *Chain, lang string) {
	t.Helper()
	fonts := c.fonts
	dw, dh := deskArea(float64(w), float64(h))
	desk := Options{Width: dw, Height: dh, Theme: render.Light(), Legend: true, Chain: c, Lang: lang}
	l.report(t, fmt.Sprintf("desk %dx%d %s", dw, dh, day), Legibility(Still(ds, day, desk, fonts), fonts, 0.85))
	pres := Options{Width: w, Height: h, Theme: render.Projector(), Legend: true, Caption: true, Chain: c, Lang: lang}
	l.report(t, fmt.Sprintf("presentation %dx%d %s", w, h, day), Legibility(Still(ds, day, pres, fonts), fonts, 0.85))
	cmp := pres
	cmp.Caption = false
	l.report(t, fmt.Sprintf("compare %dx%d %s", w, h, day), Legibility(Compare(ds, ds.CompareDay(), day, cmp, fonts), fonts, 0))
}

func (l *legibilityRun) summary(t *testing.T, pictures int) {
	t.Helper()
	t.Logf("%d pictures checked", pictures)
	if l.problems > 0 {
		t.Errorf("%d problems in %d pictures", l.problems, pictures)
	}
}
