package gui

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/lesson"
)

// lessonState is the window's lesson: the document, the Lesson tab, the
// notes strip, and where presentation is in it.
type lessonState struct {
	doc   *lessonDoc
	panel *lessonPanel
	notes *notesStrip
	// step is the step on show while presenting the lesson, -1 otherwise;
	// revealed says whether a predict step's answer is shown.
	step     int
	revealed bool
	notesOn  bool
	// The window's own view, put back when the presentation ends.
	keptCompare    bool
	keptCompareDay graphmodel.Day
	keptDay        graphmodel.Day
	// presenter is the presenter window while it is open.
	presenter *presenter
	// The lesson Echoes ships, when main offers it.
	builtInName string
	builtIn     []byte
}

// lessonPref is the preference that remembers the last lesson's file.
const lessonPref = "lesson"

// initLesson adds the Lesson tab, the notes strip and the lesson keys.
func (w *Window) initLesson() {
	ls := &lessonState{step: -1, doc: &lessonDoc{dataset: func() *graphmodel.Dataset { return w.Viewer.Dataset() }}, notes: newNotesStrip()}
	w.lesson = ls
	ls.panel = newLessonPanel(w)
	ls.doc.onChange = func() {
		ls.panel.refresh()
		if ls.step >= ls.doc.steps() {
			ls.step = ls.doc.steps() - 1
		}
		if w.presentingLesson() {
			w.showStep()
		}
	}
	w.side.Append(container.NewTabItem(lang.L("Lesson"), ls.panel.content))
	short := func(k fyne.KeyName, mod fyne.KeyModifier, f func()) {
		w.Win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod}, func(fyne.Shortcut) { f() })
	}
	ctrlShift := fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift
	short(fyne.KeyS, ctrlShift, w.saveLesson)
	short(fyne.KeyO, ctrlShift, w.showOpenLesson)
	short(fyne.KeyA, ctrlShift, w.addStep)
	short(fyne.KeyE, ctrlShift, func() { ls.panel.editCaption() })
	short(fyne.KeyP, ctrlShift, func() { ls.panel.togglePredict() })
	short(fyne.KeyUp, fyne.KeyModifierAlt, func() { ls.panel.move(-1) })
	short(fyne.KeyDown, fyne.KeyModifierAlt, func() { ls.panel.move(1) })
	// Ctrl+Z reaches the canvas as Fyne's Undo, not as a custom shortcut
	// (a focused text field takes it for its own undo first).
	w.Win.Canvas().AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { w.undoLesson() })
}

// SetLesson opens l (read from path, "" for one not yet saved) in the
// window and remembers it for the next start.
func (w *Window) SetLesson(l *lesson.Lesson, path string) {
	w.lesson.doc.replace(l, path)
	w.rememberLesson(path)
	w.side.SelectIndex(len(w.side.Items) - 1)
	w.status(lang.L("Lesson {{.Title}}: {{.Count}} steps; P presents it", map[string]any{"Title": strconv.Quote(l.Title), "Count": len(l.Steps)}))
}

// NewLessonAt starts an empty lesson that Ctrl+Shift+S saves to path.
func (w *Window) NewLessonAt(path string) {
	w.SetLesson(newLesson(w.Viewer.Dataset()), path)
}

func (w *Window) rememberLesson(path string) {
	if abs, err := filepath.Abs(path); err == nil && path != "" {
		w.app.Preferences().SetString(lessonPref, abs)
	}
}

// ReopenLastLesson opens the lesson the last run had open, when it still
// reads and fits the dataset on show; it reports whether it did.
func (w *Window) ReopenLastLesson() bool {
	path := w.app.Preferences().String(lessonPref)
	if path == "" {
		return false
	}
	data, err := lesson.Read(path)
	if err != nil {
		return false
	}
	l, err := lesson.Parse(path, data, w.Viewer.Dataset())
	if err != nil {
		return false
	}
	w.SetLesson(l, path)
	return true
}

// openLessonFile reads a lesson; a bad one leaves the lesson on screen
// unchanged and shows its problems.
func (w *Window) openLessonFile(path string) {
	data, err := lesson.Read(path)
	var l *lesson.Lesson
	if err == nil {
		l, err = lesson.Parse(path, data, w.Viewer.Dataset())
	}
	if err != nil {
		w.status(strings.SplitN(err.Error(), "\n", 2)[0])
		w.showProblems(path, err)
		return
	}
	w.SetLesson(l, path)
}

// showOpenLesson asks for a lesson file (Ctrl+Shift+O).
func (w *Window) showOpenLesson() { w.askOpen([]string{".json"}, w.openLessonFile) }

// saveLesson writes the lesson where it came from (Ctrl+Shift+S), or asks
// where when it has no file yet.
func (w *Window) saveLesson() {
	doc := w.lesson.doc
	if doc.l == nil {
		w.status(lang.L("No lesson to save: add a step with Ctrl+Shift+A first"))
		return
	}
	if doc.path != "" {
		w.writeLesson(doc.path)
		return
	}
	path := widget.NewEntry()
	path.SetText(filepath.Join(defaultDir(), "lesson.json"))
	dialog.ShowForm(lang.L("Save lesson"), lang.L("Save"), lang.L("Cancel"), []*widget.FormItem{widget.NewFormItem(lang.L("File"), path)}, func(ok bool) {
		if ok {
			w.writeLesson(path.Text)
		}
	}, w.Win)
}

// writeLesson saves the lesson to path atomically.
func (w *Window) writeLesson(path string) {
	doc := w.lesson.doc
	if err := doc.l.Save(path); err != nil {
		dialog.ShowError(fmt.Errorf("the lesson was not saved: %w", err), w.Win)
		return
	}
	doc.saved(path)
	w.rememberLesson(path)
	w.status(lang.L("Saved lesson {{.Path}}", map[string]any{"Path": path}))
}

// undoLesson takes back the last change to the lesson (Ctrl+Z).
func (w *Window) undoLesson() {
	if w.lesson.doc.undoLast() {
		w.status(lang.L("Undone"))
	}
}

// addStep adds the view on show as a step after the selected one
// (Ctrl+Shift+A): its day (or the event of that day), the compare date,
// the hidden kinds, the selected actors and the zoom.
func (w *Window) addStep() {
	ds := w.Viewer.Dataset()
	day := w.Viewer.Day()
	s := lesson.Step{Date: day.Date()}
	if e := w.Viewer.EventAt(); e != nil {
		s = lesson.Step{Event: e.ID}
	}
	if w.Network.Compare {
		s.Compare = w.Network.CompareDay.Date()
	}
	for _, k := range graphmodel.Kinds() {
		if w.Network.HiddenKinds[k] {
			s.Hide = append(s.Hide, k)
		}
	}
	for id := range w.Network.sel {
		if ds.Actor(id) != nil {
			s.Focus = append(s.Focus, id)
		}
	}
	if z := w.Network.Zoom(); z != 1 {
		s.Zoom = max(lesson.MinZoom, min(lesson.MaxZoom, z))
	}
	at := w.lesson.panel.selected + 1
	w.lesson.doc.change("", func(l *lesson.Lesson) {
		at = min(at, len(l.Steps))
		l.Steps = append(l.Steps[:at], append([]lesson.Step{s}, l.Steps[at:]...)...)
	})
	w.lesson.panel.selectStep(at)
	w.side.SelectIndex(len(w.side.Items) - 1)
	w.status(lang.L("Step {{.N}} added: {{.Title}}", map[string]any{"N": at + 1, "Title": s.ShownTitle(ds)}))
}

// saveView keeps the window's view while a lesson is presented.
func (ls *lessonState) saveView(w *Window) {
	ls.keptCompare, ls.keptCompareDay, ls.keptDay = w.Network.Compare, w.Network.CompareDay, w.Viewer.Day()
}

// restoreView puts the window's own view back after a lesson.
func (ls *lessonState) restoreView(w *Window) {
	w.Network.Step = nil
	w.Network.Compare, w.Network.CompareDay = ls.keptCompare, ls.keptCompareDay
	w.Network.ResetView()
	w.Viewer.SetDay(ls.keptDay)
}

// OfferBuiltInLesson gives the window the lesson Echoes ships, for the
// Lesson tab's Built-in button; name is how messages name it.
func (w *Window) OfferBuiltInLesson(name string, data []byte) {
	w.lesson.builtInName, w.lesson.builtIn = name, data
}

// openBuiltInLesson opens the built-in lesson, when it fits the dataset
// on show.
func (w *Window) openBuiltInLesson() {
	ls := w.lesson
	if ls.builtIn == nil {
		w.status("This build has no built-in lesson")
		return
	}
	l, err := lesson.Parse(ls.builtInName, ls.builtIn, w.Viewer.Dataset())
	if err != nil {
		w.status("The built-in lesson is for the embedded dataset; open it first")
		return
	}
	// Saved, it becomes the teacher's own copy: it has no file yet.
	w.SetLesson(l, "")
}
