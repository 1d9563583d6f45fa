package gui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel/lesson"
)

// presenter is the presenter's own window for a second screen: the step
// on show and the next one, the notes, and a clock with the time since
// the lesson began. The main window stays full screen on the projector;
// keys typed here drive it. V opens and closes it while a lesson is
// presented (Fyne cannot place a window on a chosen screen: drag it to
// the laptop's).
type presenter struct {
	win     fyne.Window
	now     *widget.Label
	next    *widget.Label
	notes   *widget.Label
	clock   *widget.Label
	started time.Time
	stop    chan struct{}
}

// togglePresenter opens or closes the presenter window.
func (w *Window) togglePresenter() {
	ls := w.lesson
	if ls.presenter != nil {
		ls.presenter.win.Close()
		return
	}
	if !w.presentingLesson() {
		w.status("The presenter window goes with a lesson being presented: open one and press P")
		return
	}
	p := &presenter{win: w.app.NewWindow("Echoes presenter"), now: widget.NewLabel(""), next: widget.NewLabel(""),
		notes: widget.NewLabel(""), clock: widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}),
		started: time.Now(), stop: make(chan struct{})}
	for _, l := range []*widget.Label{p.now, p.next, p.notes} {
		l.Wrapping = fyne.TextWrapWord
	}
	p.now.TextStyle.Bold = true
	btn := func(label string, icon fyne.Resource, k fyne.KeyName) *widget.Button {
		return widget.NewButtonWithIcon(label, icon, func() { w.key(&fyne.KeyEvent{Name: k}) })
	}
	bar := container.NewBorder(nil, nil, container.NewHBox(
		btn("Back", theme.NavigateBackIcon(), fyne.KeyLeft),
		btn("Reveal / next", theme.NavigateNextIcon(), fyne.KeyRight)), nil, p.clock)
	p.win.SetContent(container.NewBorder(bar, nil, nil, nil, container.NewVScroll(container.NewVBox(
		p.now, widget.NewSeparator(), p.notes, widget.NewSeparator(), p.next))))
	p.win.Canvas().SetOnTypedKey(w.key)
	p.win.SetOnClosed(func() {
		close(p.stop)
		ls.presenter = nil
	})
	p.win.Resize(fyne.NewSize(640, 420))
	ls.presenter = p
	p.show(ls.doc.l, ls.step, ls.revealed, w)
	go p.tick(w.loop)
	p.win.Show()
}

// tick shows the clock once a second until the window closes.
func (p *presenter) tick(loop uiLoop) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case now := <-t.C:
			loop.post(func() { p.showClock(now) })
		}
	}
}

func (p *presenter) showClock(now time.Time) {
	d := now.Sub(p.started).Round(time.Second)
	p.clock.SetText(fmt.Sprintf("%s   %02d:%02d", now.Format("15:04"), int(d.Minutes()), int(d.Seconds())%60))
}

// show fills the window for step i of l.
func (p *presenter) show(l *lesson.Lesson, i int, revealed bool, w *Window) {
	ds := w.Viewer.Dataset()
	s := &l.Steps[i]
	now := fmt.Sprintf("Step %d of %d: %s", i+1, len(l.Steps), s.ShownTitle(ds))
	switch {
	case s.Predict && !revealed:
		now += "\nAsking: " + s.Question + "\nAnswer (next key): " + s.ShownCaption(ds)
	case s.Predict:
		now += "\nRevealed: " + s.ShownCaption(ds)
	}
	p.now.SetText(now)
	notes := s.Notes
	if notes == "" {
		notes = "(no notes)"
	}
	p.notes.SetText("Notes: " + notes)
	if i+1 < len(l.Steps) {
		n := &l.Steps[i+1]
		next := "Next: " + n.ShownTitle(ds)
		if n.Predict {
			next += " (a question)"
		}
		p.next.SetText(next)
	} else {
		p.next.SetText("Next: the end of the lesson")
	}
	p.showClock(time.Now())
}
