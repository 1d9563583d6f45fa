package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
)

// Keys lists the key bindings, for the help dialog and the README.
var Keys = [][2]string{
	{"Left / Right", "previous / next event"},
	{"Home / End", "first / last date"},
	{"Space", "play / pause (steps event to event, holding on each)"},
	{"+ / - / 0", "zoom in / out / reset view"},
	{"L", "show or hide the legend"},
	{"D", "switch light and dark theme"},
	{"F11", "fullscreen"},
	{"Esc", "leave fullscreen, clear the selection"},
	{"?", "show the keys"},
}

// Window is Echoes' main window and the widgets in it.
type Window struct {
	Win      fyne.Window
	Viewer   *Viewer
	Network  *NetworkView
	Timeline *Timeline
	app      fyne.App
	caption  *captionPanel
	details  *detailsPanel
	date     *widget.Label
	play     *widget.Button
	dark     bool
	fonts    *render.Fonts
	lastEv   *graphmodel.Event
}

// NewWindow builds the window for ds at day. dark picks the theme.
func NewWindow(a fyne.App, ds *graphmodel.Dataset, title string, day graphmodel.Day, dark bool) (*Window, error) {
	fonts, err := render.NewFonts()
	if err != nil {
		return nil, err
	}
	w := &Window{app: a, Win: a.NewWindow(title), fonts: fonts, dark: dark}
	a.Settings().SetTheme(newVariantTheme(dark, false))
	w.Viewer = NewViewer(ds, day)
	w.Network = NewNetworkView(w.Viewer, fonts, w.renderTheme())
	w.Timeline = NewTimeline(ds)
	w.caption = newCaptionPanel()
	w.details = newDetailsPanel()
	w.date = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})

	w.Timeline.OnChanged = func(d graphmodel.Day) { w.Viewer.SetDay(d) }
	w.Network.OnSelect = func(actor, rel string) {
		switch {
		case actor != "":
			w.details.selectActor(actor)
		case rel != "":
			if r := ds.Relation(rel); r != nil {
				w.details.selectPair(r.Actors[0], r.Actors[1])
			}
		default:
			w.details.clear()
		}
		w.details.show(w.Viewer.Snapshot())
	}
	w.Network.OnKey = w.key
	w.Win.Canvas().SetOnTypedKey(w.key)
	w.Win.Canvas().SetOnTypedRune(func(r rune) {
		switch r {
		case '+', '=':
			w.key(&fyne.KeyEvent{Name: fyne.KeyPlus})
		case '-':
			w.key(&fyne.KeyEvent{Name: fyne.KeyMinus})
		case '?':
			w.showKeys()
		}
	})

	prev := widget.NewButtonWithIcon("", theme.MediaSkipPreviousIcon(), func() { w.Viewer.PrevEvent() })
	next := widget.NewButtonWithIcon("", theme.MediaSkipNextIcon(), func() { w.Viewer.NextEvent() })
	w.play = widget.NewButtonWithIcon("Play", theme.MediaPlayIcon(), func() { w.Viewer.TogglePlay() })
	legend := widget.NewButton("Legend", func() { w.key(&fyne.KeyEvent{Name: fyne.KeyL}) })
	themeBtn := widget.NewButton("Light/Dark", func() { w.key(&fyne.KeyEvent{Name: fyne.KeyD}) })
	help := widget.NewButtonWithIcon("", theme.HelpIcon(), w.showKeys)
	top := container.NewHBox(prev, w.play, next, w.date, layout.NewSpacer(), legend, themeBtn, help)

	detailsScroll := container.NewVScroll(w.details.text)
	detailsScroll.SetMinSize(fyne.NewSize(300, 200))
	split := container.NewHSplit(w.Network, detailsScroll)
	split.Offset = 0.74
	captionScroll := container.NewVScroll(w.caption.text)
	captionScroll.SetMinSize(fyne.NewSize(200, 96))
	bottom := container.NewVBox(w.Timeline, captionScroll)
	w.Win.SetContent(container.NewBorder(top, bottom, nil, nil, split))
	w.Win.Resize(fyne.NewSize(1200, 800))

	w.Viewer.OnChange(w.update)
	w.update()
	w.details.show(w.Viewer.Snapshot())
	w.Win.SetOnClosed(w.Viewer.Close)
	return w, nil
}

func (w *Window) renderTheme() *render.Theme {
	if w.dark {
		return render.Dark()
	}
	return render.Light()
}

// update brings every widget in line with the viewer.
func (w *Window) update() {
	v := w.Viewer
	day := v.Day()
	w.Timeline.SetValue(day)
	w.date.SetText(day.Date().Human())
	if v.Playing() {
		w.play.SetText("Pause")
		w.play.SetIcon(theme.MediaPauseIcon())
	} else {
		w.play.SetText("Play")
		w.play.SetIcon(theme.MediaPlayIcon())
	}
	ev := v.Dataset().EventNear(day)
	w.caption.show(v.Dataset(), ev, day)
	if !w.details.empty() {
		w.details.show(v.Snapshot())
	}
	w.Network.Refresh()
}

func (w *Window) key(e *fyne.KeyEvent) {
	v := w.Viewer
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
		w.app.Settings().SetTheme(newVariantTheme(w.dark, false))
		w.Network.Theme = w.renderTheme()
		w.Network.Refresh()
	case fyne.KeyF11:
		w.Win.SetFullScreen(!w.Win.FullScreen())
	case fyne.KeyEscape:
		if w.Win.FullScreen() {
			w.Win.SetFullScreen(false)
		}
		w.Network.Select(nil)
		w.details.clear()
		w.details.show(v.Snapshot())
	}
}

func (w *Window) showKeys() {
	items := []fyne.CanvasObject{}
	for _, k := range Keys {
		items = append(items, widget.NewLabelWithStyle(k[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), widget.NewLabel(k[1]))
	}
	items = append(items, widget.NewLabelWithStyle("Mouse", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("hover: summary; tap: details; drag a state: pin it; double-click: unpin; drag empty space: pan; wheel: zoom"))
	dialog.ShowCustom("Keys", "Close", container.NewGridWithColumns(2, items...), w.Win)
}
