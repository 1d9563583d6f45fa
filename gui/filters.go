package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
)

// filtersPanel holds the relation-kind and certainty filters and the
// actor search.
func (w *Window) filtersPanel() fyne.CanvasObject {
	n := w.Network
	n.HiddenKinds = map[graphmodel.Kind]bool{}
	n.HiddenCertainty = map[graphmodel.Certainty]bool{}
	var kinds []fyne.CanvasObject
	for _, k := range graphmodel.Kinds() {
		k := k
		c := widget.NewCheck(k.Label(), func(on bool) {
			n.HiddenKinds[k] = !on
			n.Refresh()
		})
		c.SetChecked(true)
		kinds = append(kinds, c)
	}
	var certs []fyne.CanvasObject
	for _, c := range []graphmodel.Certainty{graphmodel.Confirmed, graphmodel.Reported, graphmodel.Alleged} {
		c := c
		chk := widget.NewCheck(string(c), func(on bool) {
			n.HiddenCertainty[c] = !on
			n.Refresh()
		})
		chk.SetChecked(true)
		certs = append(certs, chk)
	}
	search := widget.NewEntry()
	search.SetPlaceHolder("Find a state, e.g. Japan")
	result := widget.NewLabel("")
	search.OnSubmitted = func(q string) {
		id := w.findActor(q)
		if id == "" {
			result.SetText("No state matches " + q)
			return
		}
		result.SetText("")
		n.Select(map[string]bool{id: true})
		w.selected(id, "")
		w.focusNetwork()
	}
	reset := widget.NewButton("Reset view", func() { n.ResetView(); w.focusNetwork() })
	return container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle("Search", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), search, result,
		widget.NewLabelWithStyle("Relation kinds", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWithColumns(2, kinds...),
		widget.NewLabelWithStyle("Certainty", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(certs...), reset))
}

// findActor matches q against every name an actor has borne, present on
// the day on show first.
func (w *Window) findActor(q string) string {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return ""
	}
	s := w.Viewer.Snapshot()
	match := func(a *graphmodel.Actor) bool {
		if strings.ToLower(a.ID) == q {
			return true
		}
		for _, n := range a.Names {
			if strings.Contains(strings.ToLower(n.Name), q) || strings.Contains(strings.ToLower(n.Short), q) {
				return true
			}
		}
		return false
	}
	for _, a := range s.Actors {
		if match(a) {
			return a.ID
		}
	}
	return ""
}
