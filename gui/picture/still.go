package picture

import (
	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
)

// Still builds the picture of ds at day.
func Still(ds *graphmodel.Dataset, day graphmodel.Day, o Options, fonts *render.Fonts) render.Built {
	s := ds.At(day)
	pos := o.Positions
	if pos == nil {
		pos = o.chain(ds, fonts).PositionsOf(s)
	}
	f := render.FrameOf(s, pos)
	f.Pinned = o.Pinned
	ro := o.Render()
	ro.Emphasis, f.Ghosts = EventMarks(s)
	return render.Build(f, ro, fonts)
}

// EventMarks says what the event on the snapshot's day changes, as the
// picture of that day shows it: the relations it concerns (to glow) and
// those that ended the day before (drawn as ghosts). Both are empty
// between events.
func EventMarks(s *graphmodel.Snapshot) (emphasis map[string]bool, ghosts []render.FrameTie) {
	e := s.Dataset.LatestEvent(s.Day)
	if e == nil || e.Day() != s.Day {
		return nil, nil
	}
	emphasis = map[string]bool{}
	for _, id := range e.Relations {
		emphasis[id] = true
	}
	for _, t := range graphmodel.Diff(s.Dataset.At(s.Day-1), s).Lost {
		ghosts = append(ghosts, render.FrameTie{Tie: t, Opacity: 1, Ghost: true})
	}
	return emphasis, ghosts
}
