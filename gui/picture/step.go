package picture

import (
	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/lesson"
	"github.com/echoes-viz/echoes/gui/lang"
	"github.com/echoes-viz/echoes/gui/render"
)

// StepView is how one step of a lesson is drawn, in the window and in a
// handout alike: the day on show, the caption it tells, what glows and
// what the teacher's view leaves out or brings forward.
type StepView struct {
	// Day is the day drawn: the step's, or the day before it while a
	// predict step waits for its reveal.
	Day graphmodel.Day
	// Event is what the title and caption say: the step's title with its
	// question (before a reveal) or its caption.
	Event *graphmodel.Event
	// Waiting is true while a predict step's answer is held back.
	Waiting bool
	// Emphasis, when not nil, is what glows instead of the day's event
	// marks: on a reveal, the ties gained since the day before.
	Emphasis map[string]bool
	// Hide are kinds left out; Focus the actors (and ties among them)
	// highlighted, the rest dimmed.
	Hide  map[graphmodel.Kind]bool
	Focus map[string]bool
	// Zoom is the view's zoom (0: fit).
	Zoom float64
	// Compare, when not 0, is the day set beside Day.
	Compare graphmodel.Day
}

// StepViewOf is the view of step s of a lesson over ds; revealed says
// whether a predict step's answer is shown, tag the language of the words
// Echoes adds (see gui/lang).
func StepViewOf(ds *graphmodel.Dataset, s *lesson.Step, revealed bool, tag string) StepView {
	v := StepView{Day: s.Day(ds), Zoom: s.Zoom}
	caption := s.ShownCaption(ds)
	if s.Predict && !revealed {
		v.Day, v.Waiting, caption = s.Before(ds), true, s.Question
	} else if s.Predict {
		v.Emphasis = map[string]bool{}
		for _, t := range graphmodel.Diff(ds.At(s.Before(ds)), ds.At(v.Day)).Gained {
			v.Emphasis[t.ID] = true
		}
	}
	if !s.Compare.IsZero() && !v.Waiting {
		v.Compare = s.Compare.Last()
	}
	date := v.Day.Date()
	if e := s.EventOf(ds); e != nil && !v.Waiting {
		date = e.Date // "April 1950", as the dataset has it
	}
	title := s.ShownTitle(ds)
	if v.Waiting && s.Title == "" {
		// The event's own title would give the answer away.
		title = lang.Translate(tag, "What happens next?")
	}
	v.Event = &graphmodel.Event{ID: "lesson-step", Date: date, Title: title, Caption: caption}
	if len(s.Hide) > 0 {
		v.Hide = map[graphmodel.Kind]bool{}
		for _, k := range s.Hide {
			v.Hide[k] = true
		}
	}
	if len(s.Focus) > 0 {
		v.Focus = map[string]bool{}
		for _, a := range s.Focus {
			v.Focus[a] = true
		}
		for _, t := range ds.At(v.Day).Ties() {
			in := true
			for _, a := range t.Actors {
				in = in && v.Focus[a]
			}
			if in {
				v.Focus[t.ID] = true
			}
		}
	}
	return v
}

// Apply puts the view on a frame of Day and the options it is built with:
// the step's caption, its glow, its filters and its focus.
func (v StepView) Apply(f *render.Frame, o *render.Options) {
	f.Event = v.Event
	switch {
	case v.Waiting:
		o.Emphasis, f.Ghosts = nil, nil
	case v.Emphasis != nil:
		// A new map: the view is shared by every repaint of the step.
		glow := make(map[string]bool, len(v.Emphasis)+len(o.Emphasis))
		for id := range o.Emphasis {
			glow[id] = true
		}
		for id := range v.Emphasis {
			glow[id] = true
		}
		o.Emphasis = glow
	}
	if len(v.Hide) > 0 {
		keep := func(in []render.FrameTie) []render.FrameTie {
			var out []render.FrameTie
			for _, t := range in {
				if !v.Hide[t.Kind] {
					out = append(out, t)
				}
			}
			return out
		}
		f.Ties, f.Ghosts = keep(f.Ties), keep(f.Ghosts)
	}
	if v.Focus != nil && o.Highlight == nil {
		o.Highlight = v.Focus
	}
}

// Step builds the picture of a lesson step: what the class sees, and a
// handout's page.
func Step(ds *graphmodel.Dataset, s *lesson.Step, revealed bool, o Options, fonts *render.Fonts) render.Built {
	v := StepViewOf(ds, s, revealed, o.Lang)
	if v.Zoom > 0 {
		o.Zoom = v.Zoom
	}
	if v.Compare != 0 {
		o.Event = v.Event
		return Compare(ds, v.Compare, v.Day, o, fonts)
	}
	snap := ds.At(v.Day)
	pos := o.Positions
	if pos == nil {
		pos = o.chain(ds, fonts).PositionsOf(snap)
	}
	f := render.FrameOf(snap, pos)
	f.Pinned = o.Pinned
	ro := o.Render()
	ro.Emphasis, f.Ghosts = EventMarks(snap)
	v.Apply(&f, &ro)
	return render.Build(f, ro, fonts)
}
