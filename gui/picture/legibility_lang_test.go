package picture

import (
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
	"github.com/echoes-viz/echoes/resources"
)

// TestLegibleInEveryLanguage holds the pictures of every event date in
// every language Echoes speaks to TestLegibleEverywhere's checks at the
// projector's 1280×720 (desk, presentation and compare): Hangul and Han
// names are wider or narrower than English ones, and Russian ones longer,
// yet no label may land on another, on a disc or on a panel.
func TestLegibleInEveryLanguage(t *testing.T) {
	base, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	const w, h = 1280, 720
	for _, tag := range graphmodel.Languages() {
		t.Run(tag, func(t *testing.T) {
			ds := base.Localised(tag)
			fonts, err := render.NewFontsFor(tag, nil)
			if err != nil {
				t.Fatal(err)
			}
			c := NewChain(ds, fonts)
			var l legibilityRun
			days := eventDays(ds)
			for _, day := range days {
				l.checkModes(t, ds, day, w, h, c, tag)
			}
			l.summary(t, len(days)*3)
		})
	}
}
