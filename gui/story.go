package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
)

// storyPanel lists the events, with a heading row where an event opens a
// chapter (Event.Chapter); choosing an event goes there, and the list
// follows the date on show.
type storyPanel struct {
	list    *widget.List
	events  []*graphmodel.Event
	current int // index in events, -1 for none
	syncing bool

	// rows is the list as shown: an event, or a chapter heading when
	// event is nil. It is rebuilt whenever events is replaced.
	rows   []storyRow
	rowsOf []*graphmodel.Event
}

type storyRow struct {
	heading string
	event   *graphmodel.Event
}

// layout returns the rows for the current events, rebuilding them when the
// events were replaced (opening a file sets events directly).
func (s *storyPanel) layout() []storyRow {
	if len(s.rowsOf) == len(s.events) && (len(s.events) == 0 || &s.rowsOf[0] == &s.events[0]) {
		return s.rows
	}
	s.rows = s.rows[:0]
	for _, e := range s.events {
		if e.Chapter != "" {
			s.rows = append(s.rows, storyRow{heading: e.Chapter})
		}
		s.rows = append(s.rows, storyRow{event: e})
	}
	s.rowsOf = s.events
	return s.rows
}

func newStoryPanel(ds *graphmodel.Dataset, goTo func(*graphmodel.Event)) *storyPanel {
	s := &storyPanel{events: ds.Events, current: -1}
	s.list = widget.NewList(
		func() int { return len(s.layout()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("0000-00-00  title")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			rows := s.layout()
			if i < 0 || i >= len(rows) {
				return
			}
			l := o.(*widget.Label)
			if r := rows[i]; r.event == nil {
				l.TextStyle = fyne.TextStyle{Bold: true}
				l.SetText(r.heading)
			} else {
				l.TextStyle = fyne.TextStyle{}
				l.SetText(r.event.Date.String() + "  " + r.event.Title)
			}
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		rows := s.layout()
		if s.syncing || i < 0 || i >= len(rows) {
			return
		}
		e := rows[i].event
		if e == nil {
			// A heading is not a stop: keep the selection on the event shown.
			s.syncing = true
			if r := s.rowOf(s.current); r >= 0 {
				s.list.Select(r)
			} else {
				s.list.UnselectAll()
			}
			s.syncing = false
			return
		}
		for k, x := range s.events {
			if x == e {
				s.current = k
			}
		}
		goTo(e)
	}
	return s
}

// rowOf returns the list row of events[i], or -1.
func (s *storyPanel) rowOf(i int) int {
	if i < 0 || i >= len(s.events) {
		return -1
	}
	for r, row := range s.layout() {
		if row.event == s.events[i] {
			return r
		}
	}
	return -1
}

// show selects the event e in the list without moving the date.
func (s *storyPanel) show(e *graphmodel.Event) {
	i := -1
	for k, x := range s.events {
		if x == e {
			i = k
		}
	}
	if i == s.current {
		return
	}
	s.current = i
	s.syncing = true
	if r := s.rowOf(i); r < 0 {
		s.list.UnselectAll()
	} else {
		s.list.Select(r)
		s.list.ScrollTo(r)
	}
	s.syncing = false
}
