package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// KeyBindings lists the key bindings, for the help dialog and the README.
func KeyBindings() [][2]string {
	return [][2]string{
		{"Left / Right", "previous / next event"},
		{"Home / End", "first / last date"},
		{"Space", "play / pause (steps event to event, holding on each)"},
		{"+ / - / 0", "zoom in / out / reset view"},
		{"Ctrl+arrows", "pan the view"},
		{"P", "presentation mode: fullscreen, projector theme, controls hidden"},
		{"F11", "fullscreen"},
		{"C", "compare: the dataset's comparison date (1950 in the embedded one) beside the date on show"},
		{"L", "show or hide the legend"},
		{"D", "switch light and dark theme"},
		{"Ctrl+O", "open a dataset (JSON, CSV, GEXF, GraphML); or drop a file on the window"},
		{"Ctrl+S", "save the data as JSON, CSV, GEXF, GraphML or DOT"},
		{"Ctrl+E", "export a picture, a comparison or an animation"},
		{"N / V", "presenting a lesson: show or hide the notes strip / the presenter window (current and next step, notes, clock)"},
		{"Ctrl+Shift+A", "add the view on show to the lesson as a step (Alt+Up / Alt+Down move it, Ctrl+Z undoes)"},
		{"Ctrl+Shift+E / Ctrl+Shift+P", "edit the selected step's caption / make it a predict step"},
		{"Ctrl+Shift+O / Ctrl+Shift+S", "open / save a lesson; P presents it, Right reveals and steps"},
		{"Esc", "leave presentation, compare or fullscreen; clear the selection"},
		{"?", "show the keys"},
	}
}

func (w *Window) rune(r rune) {
	switch r {
	case '+', '=':
		w.key(&fyne.KeyEvent{Name: fyne.KeyPlus})
	case '-':
		w.key(&fyne.KeyEvent{Name: fyne.KeyMinus})
	case '?':
		w.showKeys()
	}
}

func (w *Window) key(e *fyne.KeyEvent) {
	v := w.Viewer
	if !w.hinted {
		w.hinted = true
		w.status("")
	}
	if w.lessonKey(e) {
		return
	}
	switch e.Name {
	case fyne.KeyLeft, fyne.KeyPageUp:
		v.PrevEvent()
	case fyne.KeyRight, fyne.KeyPageDown:
		v.NextEvent()
	case fyne.KeyHome:
		v.SetDay(v.Dataset().First())
	case fyne.KeyEnd:
		v.SetDay(v.Dataset().Last())
	case fyne.KeySpace:
		v.TogglePlay()
	case fyne.KeyPlus, fyne.KeyEqual:
		w.Network.ZoomBy(1.25)
	case fyne.KeyMinus:
		w.Network.ZoomBy(0.8)
	case fyne.Key0:
		w.Network.ResetView()
	case fyne.KeyL:
		w.Network.Legend = !w.Network.Legend
		w.Network.Refresh()
	case fyne.KeyD:
		w.dark = !w.dark
		w.applyTheme()
	case fyne.KeyP:
		w.togglePresent()
	case fyne.KeyC:
		w.toggleCompare()
	case fyne.KeyF11:
		w.Win.SetFullScreen(!w.Win.FullScreen())
	case fyne.KeyEscape:
		switch {
		case w.presenting:
			w.togglePresent()
		case w.Network.Compare:
			w.toggleCompare()
		case w.Win.FullScreen():
			w.Win.SetFullScreen(false)
		}
		w.Network.Select(nil)
		w.details.clear()
		w.details.show(v.Snapshot())
	}
}

func (w *Window) showKeys() {
	items := []fyne.CanvasObject{}
	row := func(key, what string) {
		desc := widget.NewLabel(what)
		desc.Wrapping = fyne.TextWrapWord
		items = append(items, widget.NewLabelWithStyle(key, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), desc)
	}
	for _, k := range KeyBindings() {
		row(k[0], lang.L(k[1]))
	}
	row(lang.L("Mouse"), lang.L("hover: summary; tap: details; drag a state: pin it;\ndouble-click: unpin; drag empty space: pan; wheel: zoom"))
	// The keys' column as wide as its widest key, the rest for the words,
	// which wrap: on a 1280x720 projector the list scrolls inside the
	// window instead of running off its edge.
	d := dialog.NewCustom(lang.L("Keys"), lang.L("Close"), container.NewVScroll(container.New(layout.NewFormLayout(), items...)), w.Win)
	size := w.Win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-40, 900), min(size.Height-40, 640)))
	d.Show()
}
