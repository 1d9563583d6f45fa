package resources

import (
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// TestEveryNameLocalised holds the embedded dataset to naming every actor
// (each of its names over time) and grouping in every language Echoes
// speaks, with a short name for each actor.
func TestEveryNameLocalised(t *testing.T) {
	ds := load(t)
	for _, lang := range graphmodel.Languages() {
		for _, a := range ds.Actors {
			for _, n := range a.Names {
				l := n.Localised[lang]
				if l.Name == "" || l.Short == "" {
					t.Errorf("%s: actor %s's name %q has no %s name and short name", lang, a.ID, n.Name, lang)
				}
			}
		}
		for _, g := range ds.Groupings {
			if g.Localised[lang].Name == "" {
				t.Errorf("%s: grouping %s has no %s name", lang, g.ID, lang)
			}
		}
	}
}
