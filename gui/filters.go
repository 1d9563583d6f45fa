package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
)

// filtersPanel holds the relation-kind and certainty filters and the
// actor search.
func (w *Window) filtersPanel() fyne.CanvasObject {
	n := w.Network
	var kinds []fyne.CanvasObject
	for _, k := range graphmodel.Kinds() {
		k := k
		c := widget.NewCheck(kindText(k), func(on bool) {
			n.HiddenKinds[k] = !on
			n.Refresh()
			w.focusNetwork()
		})
		c.SetChecked(!n.HiddenKinds[k])
		kinds = append(kinds, c)
	}
	var certs []fyne.CanvasObject
	for _, c := range graphmodel.Certainties() {
		c := c
		chk := widget.NewCheck(string(c), func(on bool) {
			n.HiddenCertainty[c] = !on
			n.Refresh()
			w.focusNetwork()
		})
		chk.SetChecked(!n.HiddenCertainty[c])
		certs = append(certs, chk)
	}
	search := widget.NewEntry()
	search.SetPlaceHolder(lang.L("Find a state, e.g. Japan"))
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
	reset := widget.NewButton(lang.L("Reset view"), func() { n.ResetView(); w.focusNetwork() })
	return container.NewScroll(container.NewVBox(
		widget.NewLabelWithStyle("Search", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), search, result,
		widget.NewLabelWithStyle("Relation kinds", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWithColumns(2, kinds...),
		widget.NewLabelWithStyle("Certainty", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(certs...), reset))
}

// findActor matches q against every name an actor has borne, among the
// actors present on the day on show. Whole names beat whole words, which
// beat prefixes and substrings; the name borne now beats a former one.
func (w *Window) findActor(q string) string {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return ""
	}
	s := w.Viewer.Snapshot()
	score := func(name string) int {
		name = strings.ToLower(name)
		switch {
		case name == q:
			return 10
		case containsWord(name, q):
			return 6
		case strings.HasPrefix(name, q):
			return 4
		case strings.Contains(name, q):
			return 2
		}
		return 0
	}
	best, bestID := 0, ""
	for _, a := range s.Actors {
		cur, curShort := a.NameAt(s.Day)
		bonus := func(v int) int {
			if v > 0 {
				return v + 1
			}
			return 0
		}
		v := max(score(a.ID), bonus(score(cur)), bonus(score(curShort)))
		for _, n := range a.Names {
			v = max(v, score(n.Name), score(n.Short))
		}
		if v > best {
			best, bestID = v, a.ID
		}
	}
	return bestID
}

func containsWord(s, w string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '(' || r == ')' }) {
		if f == w {
			return true
		}
	}
	return false
}
