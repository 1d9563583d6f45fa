// Package lesson is a teacher's own lesson over a dataset: chosen steps in
// their order, each a date or an event with the teacher's own title,
// caption and notes, an optional view (a date to compare with, kinds to
// hide, actors to focus, a zoom) and an optional predict-then-reveal
// question. Parse reads and checks a lesson file against its dataset with
// the FILE:LINE:COL problems datasets get (see docs/lessons.md).
package lesson

import (
	"github.com/echoes-viz/echoes/graphmodel"
)

// Format is the value of a lesson file's "echoes" key: it tells a lesson
// from a dataset.
const Format = "lesson"

// MaxSteps bounds how many steps a lesson holds: a lesson is what a class
// sees in one sitting.
const MaxSteps = 200

// Lesson is a file of steps over one dataset.
type Lesson struct {
	// Echoes is always Format.
	Echoes string `json:"echoes"`
	// Title names the lesson.
	Title string `json:"title"`
	// Description says what the lesson is for.
	Description string `json:"description,omitempty"`
	// Dataset is the dataset the steps refer to: a path relative to the
	// lesson file, or empty for the dataset embedded in Echoes.
	Dataset string `json:"dataset,omitempty"`
	// Steps are shown in this order.
	Steps []Step `json:"steps"`
}

// Step is one stop of a lesson: a date, or an event of the dataset.
type Step struct {
	// Event is the id of one of the dataset's events; its day is the
	// step's and its title and caption the defaults.
	Event string `json:"event,omitempty"`
	// Date is the step's date when no event is named; a bare year or
	// month means its last day, as everywhere in Echoes.
	Date graphmodel.Date `json:"date,omitzero"`
	// Title, Caption and Notes are in the teacher's words; empty Title
	// and Caption take the event's own text.
	Title   string `json:"title,omitempty"`
	Caption string `json:"caption,omitempty"`
	Notes   string `json:"notes,omitempty"`
	// Predict makes the step a question: the picture first shows the day
	// before with Question as its caption; the next key reveals the day.
	Predict  bool   `json:"predict,omitempty"`
	Question string `json:"question,omitempty"`
	// Compare puts this date beside the step's (compare mode).
	Compare graphmodel.Date `json:"compare,omitzero"`
	// Hide lists relation kinds left out of the picture.
	Hide []graphmodel.Kind `json:"hide,omitempty"`
	// Focus lists actors to highlight; the rest are dimmed.
	Focus []string `json:"focus,omitempty"`
	// Zoom is the view's zoom (0 or 1: the whole network).
	Zoom float64 `json:"zoom,omitempty"`
}

// MinZoom and MaxZoom bound a step's zoom, as the window bounds its own.
const MinZoom, MaxZoom = 0.2, 8.0

// Day is the step's day in ds: its event's day, or the last day of Date.
// The lesson must have been checked against ds.
func (s *Step) Day(ds *graphmodel.Dataset) graphmodel.Day {
	if e := eventByID(ds, s.Event); e != nil {
		return e.Day()
	}
	return s.Date.Last()
}

// Before is the day a predict step shows before its reveal: the day
// before the step's.
func (s *Step) Before(ds *graphmodel.Dataset) graphmodel.Day { return s.Day(ds) - 1 }

// ShownTitle is the step's title as shown: the teacher's, else the
// event's, else the date.
func (s *Step) ShownTitle(ds *graphmodel.Dataset) string {
	if s.Title != "" {
		return s.Title
	}
	if e := eventByID(ds, s.Event); e != nil {
		return e.Title
	}
	return s.Day(ds).Date().Human()
}

// ShownCaption is the step's caption once revealed: the teacher's, else
// the event's own, else the event nearest the day's.
func (s *Step) ShownCaption(ds *graphmodel.Dataset) string {
	if s.Caption != "" {
		return s.Caption
	}
	if e := eventByID(ds, s.Event); e != nil {
		return e.Caption
	}
	if e := ds.LatestEvent(s.Day(ds)); e != nil {
		return e.Caption
	}
	return ""
}

// EventOf is the dataset event the step names, or nil.
func (s *Step) EventOf(ds *graphmodel.Dataset) *graphmodel.Event { return eventByID(ds, s.Event) }

// eventByID finds an event of ds by id, or nil.
func eventByID(ds *graphmodel.Dataset, id string) *graphmodel.Event {
	if id == "" || ds == nil {
		return nil
	}
	for _, e := range ds.Events {
		if e.ID == id {
			return e
		}
	}
	return nil
}

// Clone is a deep copy of l, so an undo history can keep the old one.
func (l *Lesson) Clone() *Lesson {
	c := *l
	c.Steps = make([]Step, len(l.Steps))
	for i, s := range l.Steps {
		s.Hide = append([]graphmodel.Kind(nil), s.Hide...)
		s.Focus = append([]string(nil), s.Focus...)
		c.Steps[i] = s
	}
	return &c
}
