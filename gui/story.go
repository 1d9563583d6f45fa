package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
)

// storyPanel lists the events; choosing one goes there, and the list
// follows the date on show.
type storyPanel struct {
	list    *widget.List
	events  []*graphmodel.Event
	current int
	syncing bool
}

func newStoryPanel(ds *graphmodel.Dataset, goTo func(*graphmodel.Event)) *storyPanel {
	s := &storyPanel{events: ds.Events, current: -1}
	s.list = widget.NewList(
		func() int { return len(s.events) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("0000-00-00  title")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			e := s.events[i]
			o.(*widget.Label).SetText(e.Date.String() + "  " + e.Title)
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if s.syncing || i < 0 || i >= len(s.events) {
			return
		}
		s.current = i
		goTo(s.events[i])
	}
	return s
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
	if i < 0 {
		s.list.UnselectAll()
	} else {
		s.list.Select(i)
		s.list.ScrollTo(i)
	}
	s.syncing = false
}
