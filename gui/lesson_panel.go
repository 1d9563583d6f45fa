package gui

import (
	"fmt"

	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel/lesson"
)

// lessonPanel is the Lesson tab: the steps of the open lesson in order,
// buttons to add the view on show, move, delete, undo, open and save, and
// the texts of the selected step to edit. Every change goes through the
// lesson document, so each can be undone.
type lessonPanel struct {
	w        *Window
	content  fyne.CanvasObject
	list     *widget.List
	selected int // the selected step, -1 for none
	heading  *widget.Label
	name     *widget.Entry // the lesson's title
	title    *widget.Entry
	caption  *widget.Entry
	notes    *widget.Entry
	question *widget.Entry
	predict  *widget.Check
	editor   *fyne.Container
	// filling is true while the editor is filled from the lesson, so its
	// callbacks do not count as edits.
	filling bool
}

func newLessonPanel(w *Window) *lessonPanel {
	p := &lessonPanel{w: w, selected: -1, heading: widget.NewLabel(lang.L("No lesson open."))}
	p.heading.Wrapping = fyne.TextWrapWord
	doc := w.lesson.doc
	p.list = widget.NewList(
		func() int { return doc.steps() },
		func() fyne.CanvasObject { return newLessonRow(p.moveTo) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= doc.steps() {
				return
			}
			s := &doc.l.Steps[i]
			ds := w.Viewer.Dataset()
			row := o.(*lessonRow)
			row.index = i
			if s.Event != "" && s.EventOf(ds) == nil {
				// A lesson over another dataset than the one opened.
				row.label.SetText(lang.L("{{.N}}. {{.Event}} (not in this dataset)", map[string]any{"N": i + 1, "Event": s.Event}))
				return
			}
			mark := ""
			if s.Predict {
				mark = "  [?]"
			}
			date := s.Day(ds).Date()
			if e := s.EventOf(ds); e != nil {
				date = e.Date // "April 1950", as the dataset has it
			}
			row.label.SetText(fmt.Sprintf("%d. %s  %s%s", i+1, dateText(date), s.ShownTitle(ds), mark))
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		if p.selected == i {
			return
		}
		p.selected = i
		p.fill()
		if !w.presenting && i < doc.steps() {
			w.Viewer.SetDay(doc.l.Steps[i].Day(w.Viewer.Dataset()))
		}
	}
	edit := func(field string, set func(s *lesson.Step, text string)) func(string) {
		return func(text string) {
			if p.filling || p.selected < 0 || p.selected >= doc.steps() {
				return
			}
			i := p.selected
			doc.change(fmt.Sprintf("%s %d", field, i), func(l *lesson.Lesson) { set(&l.Steps[i], text) })
		}
	}
	p.name = widget.NewEntry()
	p.name.SetPlaceHolder(lang.L("The lesson's title"))
	p.name.OnChanged = func(text string) {
		if !p.filling && doc.l != nil && text != doc.l.Title {
			doc.change("lesson title", func(l *lesson.Lesson) { l.Title = text })
		}
	}
	p.name.Hide()
	p.title = widget.NewEntry()
	p.title.SetPlaceHolder(lang.L("Title (empty: the event's own)"))
	p.title.OnChanged = edit("title", func(s *lesson.Step, t string) { s.Title = t })
	p.caption = widget.NewMultiLineEntry()
	p.caption.Wrapping = fyne.TextWrapWord
	p.caption.SetMinRowsVisible(3)
	p.caption.SetPlaceHolder(lang.L("Caption, the answer of a predict step (empty: the event's own)"))
	p.caption.OnChanged = edit("caption", func(s *lesson.Step, t string) { s.Caption = t })
	p.notes = widget.NewMultiLineEntry()
	p.notes.Wrapping = fyne.TextWrapWord
	p.notes.SetMinRowsVisible(2)
	p.notes.SetPlaceHolder(lang.L("Presenter notes (N shows them while presenting)"))
	p.notes.OnChanged = edit("notes", func(s *lesson.Step, t string) { s.Notes = t })
	p.question = widget.NewEntry()
	p.question.SetPlaceHolder(lang.L("Question asked before the reveal"))
	p.question.OnChanged = edit("question", func(s *lesson.Step, t string) { s.Question = t })
	p.predict = widget.NewCheck(lang.L("Predict: ask first, reveal on the next key"), func(on bool) {
		if p.filling || p.selected < 0 {
			return
		}
		p.setPredict(on)
	})
	p.editor = container.NewVBox(p.title, p.caption, p.notes, p.predict, p.question)
	p.editor.Hide()

	// Icons only: the side panel must stay as narrow as the other tabs
	// keep it (TestStartRoomMatchesControls); the heading names the keys.
	btn := func(icon fyne.Resource, f func()) *widget.Button { return widget.NewButtonWithIcon("", icon, f) }
	tools := container.NewGridWithColumns(4,
		btn(theme.ContentAddIcon(), w.addStep),
		btn(theme.MoveUpIcon(), func() { p.move(-1) }),
		btn(theme.MoveDownIcon(), func() { p.move(1) }),
		btn(theme.DeleteIcon(), p.deleteStep),
		btn(theme.ContentUndoIcon(), w.undoLesson),
		btn(theme.FolderOpenIcon(), w.showOpenLesson),
		btn(theme.DocumentSaveIcon(), w.saveLesson),
		btn(theme.FileIcon(), w.openBuiltInLesson),
	)
	top := container.NewVBox(p.name, p.heading, tools)
	// The steps over the editor, sharing the panel's height: on a 720-pixel
	// screen the editor alone would leave the list one row.
	split := container.NewVSplit(p.list, container.NewScroll(p.editor))
	split.Offset = 0.5
	p.content = container.NewBorder(top, nil, nil, nil, split)
	p.refresh()
	return p
}

// refresh shows the lesson as it now is.
func (p *lessonPanel) refresh() {
	doc := p.w.lesson.doc
	switch {
	case doc.l == nil:
		p.heading.SetText(lang.L("No lesson open. + adds the view on show as a step (Ctrl+Shift+A); the folder opens a lesson (Ctrl+Shift+O); the page opens the built-in one."))
	default:
		where := lang.L("not saved yet")
		if doc.path != "" {
			where = doc.path
			if doc.dirty {
				where = lang.L("{{.Where}} (changed)", map[string]any{"Where": where})
			}
		}
		p.heading.SetText(lang.L("{{.Count}} steps \u2014 {{.Where}}", map[string]any{"Count": len(doc.l.Steps), "Where": where}))
		if p.name.Text != doc.l.Title {
			p.filling = true
			p.name.SetText(doc.l.Title)
			p.filling = false
		}
	}
	if doc.l == nil {
		p.name.Hide()
	} else {
		p.name.Show()
	}
	if p.selected >= doc.steps() {
		p.selected = doc.steps() - 1
	}
	p.list.Refresh()
	if p.selected >= 0 {
		p.list.Select(p.selected)
	} else {
		p.list.UnselectAll()
	}
	p.fill()
}

// fill puts the selected step's texts in the editor.
func (p *lessonPanel) fill() {
	doc := p.w.lesson.doc
	if p.selected < 0 || p.selected >= doc.steps() {
		p.editor.Hide()
		return
	}
	s := doc.l.Steps[p.selected]
	p.filling = true
	set := func(e *widget.Entry, t string) {
		if e.Text != t {
			e.SetText(t)
		}
	}
	set(p.title, s.Title)
	set(p.caption, s.Caption)
	set(p.notes, s.Notes)
	set(p.question, s.Question)
	p.predict.SetChecked(s.Predict)
	if s.Predict {
		p.question.Show()
	} else {
		p.question.Hide()
	}
	p.filling = false
	p.editor.Show()
}

// selectStep selects step i in the list.
func (p *lessonPanel) selectStep(i int) {
	if i < 0 || i >= p.w.lesson.doc.steps() {
		return
	}
	p.selected = i
	p.list.Select(i)
	p.list.ScrollTo(i)
	p.fill()
}

// move moves the selected step up (-1) or down (+1).
func (p *lessonPanel) move(d int) {
	doc := p.w.lesson.doc
	i, j := p.selected, p.selected+d
	if i < 0 || j < 0 || j >= doc.steps() {
		return
	}
	doc.change("", func(l *lesson.Lesson) { l.Steps[i], l.Steps[j] = l.Steps[j], l.Steps[i] })
	p.selectStep(j)
	p.w.status(lang.L("Step moved to {{.N}}", map[string]any{"N": j + 1}))
}

// moveTo moves step from by delta places (a drag in the list), as one
// change.
func (p *lessonPanel) moveTo(from, delta int) {
	doc := p.w.lesson.doc
	to := max(0, min(doc.steps()-1, from+delta))
	if from < 0 || from >= doc.steps() || to == from {
		return
	}
	doc.change("", func(l *lesson.Lesson) {
		s := l.Steps[from]
		l.Steps = append(l.Steps[:from], l.Steps[from+1:]...)
		l.Steps = append(l.Steps[:to], append([]lesson.Step{s}, l.Steps[to:]...)...)
	})
	p.selectStep(to)
	p.w.status(lang.L("Step moved to {{.N}}", map[string]any{"N": to + 1}))
}

// deleteStep removes the selected step.
func (p *lessonPanel) deleteStep() {
	doc := p.w.lesson.doc
	i := p.selected
	if i < 0 || i >= doc.steps() {
		return
	}
	doc.change("", func(l *lesson.Lesson) { l.Steps = append(l.Steps[:i], l.Steps[i+1:]...) })
	p.selectStep(min(i, doc.steps()-1))
}

// setPredict makes the selected step a predict step or an ordinary one;
// a new predict step gets a question to edit.
func (p *lessonPanel) setPredict(on bool) {
	i := p.selected
	p.w.lesson.doc.change("", func(l *lesson.Lesson) {
		s := &l.Steps[i]
		s.Predict = on
		if on && s.Question == "" {
			s.Question = lang.L("What happens next?")
		}
		if !on {
			s.Question = ""
		}
	})
}

// togglePredict switches the selected step's predict flag (Ctrl+Shift+P).
func (p *lessonPanel) togglePredict() {
	doc := p.w.lesson.doc
	if p.selected < 0 || p.selected >= doc.steps() {
		return
	}
	p.setPredict(!doc.l.Steps[p.selected].Predict)
}

// editCaption puts the cursor in the selected step's caption
// (Ctrl+Shift+E), its text selected so that typing replaces it.
func (p *lessonPanel) editCaption() {
	if p.selected < 0 || p.w.presenting {
		return
	}
	p.w.side.SelectIndex(len(p.w.side.Items) - 1)
	p.w.Win.Canvas().Focus(p.caption)
	p.caption.TypedShortcut(&fyne.ShortcutSelectAll{})
}
