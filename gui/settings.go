package gui

import (
	"encoding/json"

	"fyne.io/fyne/v2"

	"github.com/echoes-viz/echoes/graphmodel"
)

// settings remembers the theme, the last date, the pins and the window
// size between runs, in Fyne's preferences.
type settings struct {
	p fyne.Preferences
}

func newSettings(a fyne.App) *settings { return &settings{p: a.Preferences()} }

func (s *settings) size(def fyne.Size) fyne.Size {
	w, h := s.p.FloatWithFallback("width", float64(def.Width)), s.p.FloatWithFallback("height", float64(def.Height))
	if w < 400 || h < 300 {
		return def
	}
	return fyne.NewSize(float32(w), float32(h))
}

func (s *settings) save(w *Window) {
	s.p.SetBool("dark", w.dark)
	s.p.SetInt("day", int(w.Viewer.Day()))
	size := w.Win.Canvas().Size()
	if !w.Win.FullScreen() && size.Width > 0 {
		s.p.SetFloat("width", float64(size.Width))
		s.p.SetFloat("height", float64(size.Height))
	}
	pins := map[string][2]float64{}
	for id, p := range w.Viewer.Network().Positions() {
		if w.Viewer.Network().Pinned(id) {
			pins[id] = p
		}
	}
	if b, err := json.Marshal(pins); err == nil {
		s.p.SetString("pins", string(b))
	}
}

// restore applies the saved theme and pins, and the saved day when
// withDay (the command line's --at wins over it).
func (s *settings) restore(w *Window, withDay bool) {
	if s.p.Bool("dark") != w.dark {
		w.dark = s.p.Bool("dark")
		w.applyTheme()
	}
	var pins map[string][2]float64
	if err := json.Unmarshal([]byte(s.p.String("pins")), &pins); err == nil {
		for id, p := range pins {
			if w.Viewer.Dataset().Actor(id) != nil {
				w.Viewer.Pin(id, p)
			}
		}
	}
	if d := graphmodel.Day(s.p.IntWithFallback("day", int(w.Viewer.Day()))); withDay && d != w.Viewer.Day() {
		w.Viewer.SetDay(d)
	} else if len(pins) > 0 {
		w.Viewer.Relayout()
	}
}
