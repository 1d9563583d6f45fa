package gui

import (
	"fmt"

	"fyne.io/fyne/v2"

	"github.com/echoes-viz/echoes/gui/lang"
	"github.com/echoes-viz/echoes/gui/picture"
)

// presentingLesson reports whether presentation mode is stepping through
// the open lesson rather than the dataset's events.
func (w *Window) presentingLesson() bool {
	return w.presenting && w.lesson != nil && w.lesson.step >= 0
}

// lessonPresentChanged is called when presentation mode starts or ends:
// with a lesson open, P presents it from the step chosen in the Lesson
// tab (or the first); leaving puts the window's own view back.
func (w *Window) lessonPresentChanged() {
	ls := w.lesson
	if ls == nil {
		return
	}
	if w.presenting && ls.doc.steps() > 0 {
		if ps := ls.doc.l.Problems(w.Viewer.Dataset()); len(ps) > 0 {
			w.status("The lesson does not fit this dataset (" + ps[0].Path + ": " + ps[0].Msg + "); presenting its events")
			return
		}
		ls.saveView(w)
		ls.step = max(0, min(ls.panel.selected, ls.doc.steps()-1))
		ls.revealed = false
		w.showStep()
		return
	}
	if ls.step >= 0 {
		ls.step = -1
		ls.restoreView(w)
	}
	w.showNotes(false)
	if ls.presenter != nil {
		ls.presenter.win.Close()
	}
}

// lessonKey handles the keys of a lesson being presented; it reports
// whether it took the key.
func (w *Window) lessonKey(e *fyne.KeyEvent) bool {
	if !w.presentingLesson() {
		return false
	}
	ls := w.lesson
	s := &ls.doc.l.Steps[ls.step]
	switch e.Name {
	case fyne.KeyRight, fyne.KeyPageDown, fyne.KeySpace, fyne.KeyReturn:
		switch {
		case s.Predict && !ls.revealed:
			ls.revealed = true
		case ls.step+1 < ls.doc.steps():
			ls.step++
			ls.revealed = false
		default:
			return true
		}
	case fyne.KeyLeft, fyne.KeyPageUp, fyne.KeyBackspace:
		if ls.step == 0 {
			return true
		}
		// Back goes to the previous step as it was left: answered.
		ls.step--
		ls.revealed = true
	case fyne.KeyHome:
		ls.step, ls.revealed = 0, false
	case fyne.KeyEnd:
		ls.step, ls.revealed = ls.doc.steps()-1, true
	case fyne.KeyN:
		w.showNotes(!ls.notesOn)
		return true
	case fyne.KeyV:
		w.togglePresenter()
		return true
	default:
		return false
	}
	w.showStep()
	return true
}

// showStep puts the step on show: the viewer glides to its day (a reveal
// glides from the day before, so the new ties fade in as they glow), and
// the picture takes the step's caption, filters, focus, zoom and compare.
func (w *Window) showStep() {
	ls := w.lesson
	ds := w.Viewer.Dataset()
	s := &ls.doc.l.Steps[ls.step]
	v := picture.StepViewOf(ds, s, ls.revealed, lang.Current())
	w.Network.Step = &v
	w.Network.Compare = v.Compare != 0
	if v.Compare != 0 {
		w.Network.CompareDay = v.Compare
	}
	w.Network.ResetView()
	if v.Zoom > 0 && v.Zoom != 1 {
		w.Network.ZoomBy(v.Zoom)
	}
	w.Viewer.SetDay(v.Day)
	ls.notes.show(s, ls.step, ls.doc.steps())
	if ls.presenter != nil {
		ls.presenter.show(ls.doc.l, ls.step, ls.revealed, w)
	}
	w.panelFollow()
	w.Network.Refresh()
	w.update()
}

// panelFollow selects the step on show in the Lesson tab.
func (w *Window) panelFollow() {
	if w.lesson.panel != nil && w.lesson.step >= 0 {
		w.lesson.panel.selectStep(w.lesson.step)
	}
}

// showNotes shows or hides the presenter notes strip under the picture.
func (w *Window) showNotes(on bool) {
	ls := w.lesson
	ls.notesOn = on && w.presentingLesson()
	if ls.notesOn == ls.notes.box.Visible() {
		return
	}
	if ls.notesOn {
		ls.notes.box.Show()
	} else {
		ls.notes.box.Hide()
	}
	// Showing a child does not lay its container out again: the strip
	// would have no room, and the picture would not give it any.
	if c := w.Win.Content(); c != nil {
		c.Refresh()
	}
}

// lessonMode names the lesson step on show for the title bar: a test
// driving the window from outside reads it there.
func (w *Window) lessonMode() []string {
	if !w.presentingLesson() {
		return nil
	}
	ls := w.lesson
	m := fmt.Sprintf("lesson step %d/%d", ls.step+1, ls.doc.steps())
	if s := ls.doc.l.Steps[ls.step]; s.Predict {
		if ls.revealed {
			m += ", answer"
		} else {
			m += ", question"
		}
	}
	return []string{m}
}
