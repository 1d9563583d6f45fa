package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel/lesson"
)

// notesStrip is the presenter's notes under the picture while a lesson
// is presented on one screen (N shows and hides it): the step's number,
// its notes, and what comes next.
type notesStrip struct {
	box  *fyne.Container
	text *widget.Label
}

func newNotesStrip() *notesStrip {
	n := &notesStrip{text: widget.NewLabel("")}
	n.text.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	n.box = container.NewStack(bg, container.NewPadded(n.text))
	n.box.Hide()
	return n
}

// show fills the strip for step i of total.
func (n *notesStrip) show(s *lesson.Step, i, total int) {
	notes := s.Notes
	if notes == "" {
		notes = "(no notes for this step)"
	}
	t := fmt.Sprintf("Step %d of %d \u2014 %s", i+1, total, notes)
	if s.Predict {
		t += "\nQuestion: " + s.Question
	}
	if n.text.Text != t {
		n.text.SetText(t)
	}
}
