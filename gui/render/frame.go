package render

import (
	"math"
	"sort"

	"github.com/echoes-viz/echoes/graphmodel"
)

// Frame is what one picture shows: actors and ties with opacities (so a
// transition can fade them), their positions in layout units, and the day.
type Frame struct {
	Day     graphmodel.Day
	Dataset *graphmodel.Dataset
	Actors  []FrameActor // sorted by ID
	Ties    []FrameTie   // sorted by relation ID
	// Ghosts are relations that just ended, drawn faint so an event can
	// show what it took away.
	Ghosts    []FrameTie
	Groupings []FrameGrouping
	Positions map[string][2]float64
	Pinned    map[string]bool
	Event     *graphmodel.Event // the event the caption tells, or nil

	memo *frameMemo // work shared by every Build of this frame
}

// FrameActor is an actor as drawn: its name on the frame's day.
type FrameActor struct {
	*graphmodel.Actor
	Short   string
	Opacity float64
}

// FrameTie is a tie as drawn.
type FrameTie struct {
	graphmodel.Tie
	Opacity float64
	Ghost   bool
}

// FrameGrouping is an active grouping as drawn.
type FrameGrouping struct {
	*graphmodel.Grouping
	Index   int // the grouping's place in the dataset, for a stable colour
	Opacity float64
}

// EaseInOut is the smoothstep easing of a glide's progress t in [0, 1]:
// nodes start and stop gently.
func EaseInOut(t float64) float64 {
	if t <= 0 {
		return 0
	}
	if t >= 1 {
		return 1
	}
	return t * t * (3 - 2*t)
}

// FrameOf is the still frame of one snapshot.
func FrameOf(s *graphmodel.Snapshot, pos map[string][2]float64) Frame {
	return Between(s, s, 1, pos, pos)
}

// Between is the frame at t in [0,1] of the move from snapshot a to b:
// positions glide linearly (callers pass eased t), what b gains fades in
// and what it loses fades out. The caption is b's.
func Between(a, b *graphmodel.Snapshot, t float64, posA, posB map[string][2]float64) Frame {
	t = math.Max(0, math.Min(1, t))
	f := Frame{Day: a.Day + graphmodel.Day(float64(b.Day-a.Day)*t), Dataset: b.Dataset, Positions: map[string][2]float64{},
		memo: &frameMemo{}}
	f.Event = b.Dataset.LatestEvent(b.Day)

	actors := map[string]*FrameActor{}
	for _, x := range a.Actors {
		_, short := x.NameAt(a.Day)
		actors[x.ID] = &FrameActor{Actor: x, Short: short, Opacity: 1 - t}
	}
	for _, x := range b.Actors {
		_, short := x.NameAt(b.Day)
		if fa, ok := actors[x.ID]; ok {
			fa.Opacity = 1
			if t >= 0.5 {
				fa.Short = short
			}
			continue
		}
		actors[x.ID] = &FrameActor{Actor: x, Short: short, Opacity: t}
	}
	for id, fa := range actors {
		pa, okA := posA[id]
		pb, okB := posB[id]
		switch {
		case okA && okB:
			f.Positions[id] = [2]float64{pa[0] + (pb[0]-pa[0])*t, pa[1] + (pb[1]-pa[1])*t}
		case okB:
			f.Positions[id] = pb
		case okA:
			f.Positions[id] = pa
		default:
			continue
		}
		if fa.Opacity > 0 {
			f.Actors = append(f.Actors, *fa)
		}
	}
	sort.Slice(f.Actors, func(i, j int) bool { return f.Actors[i].ID < f.Actors[j].ID })

	f.Ties = mergeTies(a.Ties(), b.Ties(), t)

	index := map[string]int{}
	for i, g := range b.Dataset.Groupings {
		index[g.ID] = i
	}
	gs := map[string]*FrameGrouping{}
	for _, g := range a.Groupings {
		gs[g.ID] = &FrameGrouping{Grouping: g, Index: index[g.ID], Opacity: 1 - t}
	}
	for _, g := range b.Groupings {
		if fg, ok := gs[g.ID]; ok {
			fg.Opacity = 1
			continue
		}
		gs[g.ID] = &FrameGrouping{Grouping: g, Index: index[g.ID], Opacity: t}
	}
	for _, fg := range gs {
		if fg.Opacity > 0 {
			f.Groupings = append(f.Groupings, *fg)
		}
	}
	sort.Slice(f.Groupings, func(i, j int) bool { return f.Groupings[i].ID < f.Groupings[j].ID })
	return f
}

// WithActorsOf is f with the actors of g that f lacks, placed where g has
// them: a frame to fit one view to two days, never drawn.
func (f Frame) WithActorsOf(g Frame) Frame {
	u := f
	u.memo = &frameMemo{}
	u.Actors = append([]FrameActor(nil), f.Actors...)
	u.Positions = make(map[string][2]float64, len(f.Positions)+len(g.Actors))
	for id, p := range f.Positions {
		u.Positions[id] = p
	}
	in := make(map[string]bool, len(f.Actors))
	for _, a := range f.Actors {
		in[a.ID] = true
	}
	for _, a := range g.Actors {
		if in[a.ID] {
			continue
		}
		if p, ok := g.Positions[a.ID]; ok {
			u.Actors = append(u.Actors, a)
			u.Positions[a.ID] = p
		}
	}
	sort.Slice(u.Actors, func(i, j int) bool { return u.Actors[i].ID < u.Actors[j].ID })
	return u
}

// mergeTies is the frame's ties at t of the move from ties a to ties b,
// both sorted by relation id: in both, fully drawn (b's status from
// halfway); in a alone fading out, in b alone fading in. One pass over
// the two sorted lists, so a still of a million relations needs neither a
// map nor a sort.
func mergeTies(a, b []graphmodel.Tie, t float64) []FrameTie {
	out := make([]FrameTie, 0, max(len(a), len(b)))
	add := func(x graphmodel.Tie, opacity float64) {
		if opacity > 0 {
			out = append(out, FrameTie{Tie: x, Opacity: opacity})
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].ID < b[j].ID):
			add(a[i], 1-t)
			i++
		case i == len(a) || b[j].ID < a[i].ID:
			add(b[j], t)
			j++
		default:
			x := a[i]
			if t >= 0.5 {
				x.Status = b[j].Status
			}
			add(x, 1)
			i, j = i+1, j+1
		}
	}
	return out
}
