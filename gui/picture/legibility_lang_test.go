package picture

import (
	"fmt"
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
			days := map[graphmodel.Day]bool{ds.Last(): true}
			for _, e := range ds.Events {
				days[e.Day()] = true
			}
			problems := 0
			report := func(what string, got []string) {
				for _, p := range got {
					if problems < 20 {
						t.Errorf("%s: %s", what, p)
					}
					problems++
				}
			}
			for day := range days {
				dw, dh := deskArea(w, h)
				desk := Options{Width: dw, Height: dh, Theme: render.Light(), Legend: true, Chain: c, Lang: tag}
				report(fmt.Sprintf("desk %dx%d %s", dw, dh, day), Legibility(Still(ds, day, desk, fonts), fonts, 0.85))
				pres := Options{Width: w, Height: h, Theme: render.Projector(), Legend: true, Caption: true, Chain: c, Lang: tag}
				report(fmt.Sprintf("presentation %dx%d %s", w, h, day), Legibility(Still(ds, day, pres, fonts), fonts, 0.85))
				cmp := pres
				cmp.Caption = false
				report(fmt.Sprintf("compare %dx%d %s", w, h, day), Legibility(Compare(ds, ds.CompareDay(), day, cmp, fonts), fonts, 0))
			}
			if problems > 0 {
				t.Errorf("%d problems in %d pictures", problems, len(days)*3)
			}
		})
	}
}
