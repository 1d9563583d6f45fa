package gui

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
)

// Timeline is the time slider: a track over the dataset's range with a
// mark at every event and a label every decade. Tap or drag to set the
// day; a tap near a mark lands on its event. It takes no focus, so the
// arrow keys stay with the window.
type Timeline struct {
	widget.BaseWidget

	First, Last graphmodel.Day
	Events      []graphmodel.Day
	Value       graphmodel.Day
	// OnChanged is called with the new day when the user moves the slider.
	OnChanged func(graphmodel.Day)
}

// NewTimeline makes a slider over ds's range.
func NewTimeline(ds *graphmodel.Dataset) *Timeline {
	t := &Timeline{First: ds.First(), Last: ds.Last(), Value: ds.First()}
	for _, e := range ds.Events {
		t.Events = append(t.Events, e.Day())
	}
	t.ExtendBaseWidget(t)
	return t
}

// SetValue moves the handle without calling OnChanged.
func (t *Timeline) SetValue(d graphmodel.Day) {
	if d != t.Value {
		t.Value = d
		t.Refresh()
	}
}

const timelinePad = 18

func (t *Timeline) xOf(d graphmodel.Day) float32 {
	w := t.Size().Width - 2*timelinePad
	if t.Last <= t.First {
		return timelinePad
	}
	return timelinePad + w*float32(d-t.First)/float32(t.Last-t.First)
}

func (t *Timeline) dayAt(x float32) graphmodel.Day {
	w := t.Size().Width - 2*timelinePad
	f := math.Max(0, math.Min(1, float64((x-timelinePad)/w)))
	return t.First + graphmodel.Day(math.Round(f*float64(t.Last-t.First)))
}

func (t *Timeline) set(x float32, snap bool) {
	d := t.dayAt(x)
	if snap {
		best := float32(7)
		for _, e := range t.Events {
			if dx := float32(math.Abs(float64(t.xOf(e) - x))); dx < best {
				best, d = dx, e
			}
		}
	}
	t.Value = d
	t.Refresh()
	if t.OnChanged != nil {
		t.OnChanged(d)
	}
}

// Tapped sets the day, snapping to a nearby event.
func (t *Timeline) Tapped(e *fyne.PointEvent) { t.set(e.Position.X, true) }

// Dragged follows the pointer.
func (t *Timeline) Dragged(e *fyne.DragEvent) { t.set(e.Position.X, false) }

// DragEnd implements fyne.Draggable.
func (t *Timeline) DragEnd() {}

// CreateRenderer implements fyne.Widget.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	r := &timelineRenderer{t: t, track: canvas.NewRectangle(color.Gray{Y: 128}),
		fill: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)), handle: canvas.NewCircle(theme.Color(theme.ColorNamePrimary))}
	r.sig = fmt.Sprint(t.First, t.Last, len(t.Events))
	r.rebuild()
	return r
}

type timelineRenderer struct {
	t      *Timeline
	track  *canvas.Rectangle
	fill   *canvas.Rectangle
	handle *canvas.Circle
	marks  []*canvas.Line
	labels []*canvas.Text
	years  []int
	sig    string
}

func (r *timelineRenderer) rebuild() {
	r.marks = r.marks[:0]
	for range r.t.Events {
		r.marks = append(r.marks, canvas.NewLine(theme.Color(theme.ColorNameForeground)))
	}
	r.labels, r.years = nil, nil
	y0, y1 := r.t.First.Year(), r.t.Last.Year()
	for y := (y0 + 9) / 10 * 10; y <= y1; y += 10 {
		r.years = append(r.years, y)
		txt := canvas.NewText(fmt.Sprint(y), theme.Color(theme.ColorNameForeground))
		txt.TextSize = theme.TextSize() * 0.85
		r.labels = append(r.labels, txt)
	}
}

func (r *timelineRenderer) Layout(s fyne.Size) {
	t := r.t
	ty := float32(16)
	r.track.Resize(fyne.NewSize(s.Width-2*timelinePad, 4))
	r.track.Move(fyne.NewPos(timelinePad, ty-2))
	hx := t.xOf(t.Value)
	r.fill.Resize(fyne.NewSize(hx-timelinePad, 4))
	r.fill.Move(fyne.NewPos(timelinePad, ty-2))
	for i, m := range r.marks {
		x := t.xOf(t.Events[i])
		m.Position1 = fyne.NewPos(x, ty-9)
		m.Position2 = fyne.NewPos(x, ty-3)
		m.StrokeWidth = 1.5
	}
	for i, l := range r.labels {
		x := t.xOf(graphmodel.DayOf(r.years[i], 1, 1))
		ms := l.MinSize()
		l.Move(fyne.NewPos(x-ms.Width/2, ty+8))
		l.Resize(ms)
	}
	r.handle.Resize(fyne.NewSize(16, 16))
	r.handle.Move(fyne.NewPos(hx-8, ty-8))
}

func (r *timelineRenderer) MinSize() fyne.Size {
	return fyne.NewSize(200, 16+8+theme.TextSize()*1.2)
}

func (r *timelineRenderer) Refresh() {
	if sig := fmt.Sprint(r.t.First, r.t.Last, len(r.t.Events)); sig != r.sig {
		// A new dataset: new marks and decade labels.
		r.sig = sig
		r.rebuild()
	}
	fg := theme.Color(theme.ColorNameForeground)
	r.track.FillColor = theme.Color(theme.ColorNameInputBorder)
	r.fill.FillColor = theme.Color(theme.ColorNamePrimary)
	r.handle.FillColor = theme.Color(theme.ColorNamePrimary)
	for _, m := range r.marks {
		m.StrokeColor = fg
	}
	for _, l := range r.labels {
		l.Color = fg
	}
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.track, r.fill}
	for _, m := range r.marks {
		objs = append(objs, m)
	}
	for _, l := range r.labels {
		objs = append(objs, l)
	}
	return append(objs, r.handle)
}

func (r *timelineRenderer) Destroy() {}
