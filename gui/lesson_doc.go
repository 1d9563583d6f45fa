package gui

import (
	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/lesson"
)

// maxUndo bounds the undo history of a lesson: a lesson is small, and a
// day of edits fits.
const maxUndo = 500

// lessonDoc is the lesson open in the window, where it is saved, and its
// undo history: every change goes through change, which keeps the lesson
// as it was before.
type lessonDoc struct {
	// dataset is the dataset on show (another may be opened while a
	// lesson is open).
	dataset func() *graphmodel.Dataset
	l       *lesson.Lesson // nil: no lesson open
	path    string         // "" until saved or opened
	// dirty is true when the lesson has changes not saved to path.
	dirty bool
	undo  []docState
	// lastKey is the key of the last change: typing in one field makes
	// one undo step, not one per letter.
	lastKey  string
	onChange func()
}

// docState is what an undo brings back.
type docState struct {
	l     *lesson.Lesson
	path  string
	dirty bool
}

// newLesson is an empty lesson over ds, to add steps to.
func newLesson(ds *graphmodel.Dataset) *lesson.Lesson {
	return &lesson.Lesson{Echoes: lesson.Format, Title: "My lesson on " + ds.Title}
}

// change applies f to a copy of the lesson and keeps the old one for
// undo. A change with the same non-empty key as the last one (typing in
// one field) joins its undo step.
func (d *lessonDoc) change(key string, f func(l *lesson.Lesson)) {
	if d.l == nil {
		d.l = newLesson(d.dataset())
		d.undo = append(d.undo, docState{nil, d.path, d.dirty})
		d.lastKey = ""
	}
	if key == "" || key != d.lastKey {
		d.push()
	}
	d.lastKey = key
	l := d.l.Clone()
	f(l)
	d.l, d.dirty = l, true
	d.changed()
}

// replace puts another lesson in the window (opening a file), undoably.
func (d *lessonDoc) replace(l *lesson.Lesson, path string) {
	d.push()
	d.l, d.path, d.dirty, d.lastKey = l, path, false, ""
	d.changed()
}

func (d *lessonDoc) push() {
	d.undo = append(d.undo, docState{d.l, d.path, d.dirty})
	if len(d.undo) > maxUndo {
		d.undo = d.undo[len(d.undo)-maxUndo:]
	}
}

// undoLast brings back the lesson before the last change; it reports
// whether there was one.
func (d *lessonDoc) undoLast() bool {
	if len(d.undo) == 0 {
		return false
	}
	s := d.undo[len(d.undo)-1]
	d.undo = d.undo[:len(d.undo)-1]
	d.l, d.path, d.dirty, d.lastKey = s.l, s.path, s.dirty, ""
	d.changed()
	return true
}

// saved records that the lesson is on disk at path.
func (d *lessonDoc) saved(path string) {
	d.path, d.dirty, d.lastKey = path, false, ""
	d.changed()
}

func (d *lessonDoc) changed() {
	if d.onChange != nil {
		d.onChange()
	}
}

// steps is the number of steps (0 with no lesson).
func (d *lessonDoc) steps() int {
	if d.l == nil {
		return 0
	}
	return len(d.l.Steps)
}
