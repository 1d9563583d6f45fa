package gui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// lessonRow is one step in the Lesson tab's list. Dragging it up or down
// moves the step by as many rows as it was dragged; a tap still selects
// it (the list's own row takes taps).
type lessonRow struct {
	widget.BaseWidget
	label *widget.Label
	index int     // the step it shows
	moved float32 // how far the current drag has gone, in Fyne units
	// drop moves step from by delta rows.
	drop func(from, delta int)
}

func newLessonRow(drop func(from, delta int)) *lessonRow {
	r := &lessonRow{label: widget.NewLabel("00. 0000-00-00  title"), drop: drop}
	r.label.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer implements fyne.Widget.
func (r *lessonRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.label) }

// Dragged implements fyne.Draggable.
func (r *lessonRow) Dragged(e *fyne.DragEvent) { r.moved += e.Dragged.DY }

// DragEnd implements fyne.Draggable: the step moves by the rows crossed.
func (r *lessonRow) DragEnd() {
	h := r.Size().Height
	moved := r.moved
	r.moved = 0
	if h <= 0 {
		return
	}
	if delta := int(math.Round(float64(moved / h))); delta != 0 && r.drop != nil {
		r.drop(r.index, delta)
	}
}
