// Package gui is Echoes' window: the network canvas, the timeline, the
// caption and details panels, and the keys that drive them.
package gui

import (
	"maps"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/layout"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

// Glide is how long nodes take to move to a new date's positions.
const Glide = 650 * time.Millisecond

// Hold is how long playback rests on each event.
const Hold = 2600 * time.Millisecond

// settleBudget is how long the UI goroutine lets a new layout settle
// before it draws: a small network is at rest by then; a big one shows
// where it is and goes on settling in the background.
const settleBudget = 25 * time.Millisecond

// publishEvery is how often a background settle shows its progress: 30
// pictures a second at most, the drawing target for big networks.
const publishEvery = 33 * time.Millisecond

// Viewer owns what the window shows: the dataset, the day, the layout and
// the transition between days. It runs on the UI goroutine only; listeners
// are called after every change. A layout that does not settle within
// settleBudget goes on in a background goroutine, which steps only the
// layout.Network (safe for concurrent use), leaves each result in the
// settled inbox and asks the UI loop to take it: the goroutine never
// touches the Viewer's own fields.
type Viewer struct {
	ds *graphmodel.Dataset
	// chain gives the layout at each date, the same an export gets; net
	// is the layout on show, which pins and drags change.
	chain *picture.Chain
	net   *layout.Network
	loop  uiLoop
	// settled is the background settle's latest result, handed over.
	settled settledInbox

	day      graphmodel.Day
	snap     *graphmodel.Snapshot // the target of the current glide
	from     *graphmodel.Snapshot
	posFrom  map[string][2]float64
	posTo    map[string][2]float64
	progress float64
	glide    *fyne.Animation

	playing  bool
	playStop chan struct{}

	listeners []func()

	// gen counts layout targets; a background settle stops when it is
	// no longer the newest, and its late results are dropped.
	gen atomic.Int64
	// pins mirrors the network's pinned actors for drawing; pinned holds
	// where each was pinned, for the layouts of other days.
	pins   map[string]bool
	pinned map[string][2]float64
	// still is the frame at rest on snap, kept across repaints: a hover
	// or a zoom only swaps its positions, and its edge plan is reused.
	still     render.Frame
	stillSnap *graphmodel.Snapshot

	// The event marks of marksDay, cached (see EventMarks).
	marksDay graphmodel.Day
	marks    map[string]bool
	ghosts   []render.FrameTie
}

// newViewer opens ds at day; the layout settles as in relax, and loop
// runs what a background settle or playback hands over.
func newViewer(ds *graphmodel.Dataset, day graphmodel.Day, fonts *render.Fonts, loop uiLoop) *Viewer {
	v := &Viewer{ds: ds, chain: picture.NewChain(ds, fonts), loop: loop, pins: map[string]bool{},
		pinned: map[string][2]float64{}}
	v.day = v.clamp(day)
	v.snap = ds.At(v.day)
	if v.chain.Chained() {
		v.net = v.chain.Network(v.day)
		v.posTo = v.net.Positions()
	} else {
		v.net = picture.NewNetwork(ds, fonts)
		v.net.Update(v.snap)
		v.relax(picture.SettleTicks, true)
	}
	v.posFrom = v.posTo
	v.from = v.snap
	v.progress = 1
	return v
}

// Dataset is the data on show.
func (v *Viewer) Dataset() *graphmodel.Dataset { return v.ds }

// Day is the date on show (the glide's target while moving).
func (v *Viewer) Day() graphmodel.Day { return v.day }

// Snapshot is the network on Day.
func (v *Viewer) Snapshot() *graphmodel.Snapshot { return v.snap }

// Chain is the dataset's layout along its timeline, shared with the
// pictures the window makes.
func (v *Viewer) Chain() *picture.Chain { return v.chain }

// Network is the layout, for pins.
func (v *Viewer) Network() *layout.Network { return v.net }

// OnChange registers f to run after every change of day, frame or play state.
func (v *Viewer) OnChange(f func()) { v.listeners = append(v.listeners, f) }

func (v *Viewer) changed() {
	for _, f := range v.listeners {
		f()
	}
}

func (v *Viewer) clamp(d graphmodel.Day) graphmodel.Day {
	if d < v.ds.First() {
		return v.ds.First()
	}
	if d > v.ds.Last() {
		return v.ds.Last()
	}
	return d
}

// Frame is the picture at this instant of the glide.
func (v *Viewer) Frame() render.Frame {
	if v.progress >= 1 {
		if v.stillSnap != v.snap {
			v.still, v.stillSnap = render.FrameOf(v.snap, v.posTo), v.snap
		}
		f := v.still
		f.Positions, f.Pinned = v.posTo, v.pins
		return f
	}
	f := render.Between(v.from, v.snap, render.EaseInOut(v.progress), v.posFrom, v.posTo)
	f.Pinned = v.pins
	return f
}

// SetDay moves to day: the layout warm-starts from where the nodes are,
// and the nodes glide there while ties fade in and out.
func (v *Viewer) SetDay(day graphmodel.Day) {
	day = v.clamp(day)
	if day == v.day && v.progress >= 1 {
		return
	}
	cur := v.Frame()
	v.from = v.snap
	if v.progress < 1 {
		// Mid-glide: start from what is on screen now.
		v.from = v.ds.At(cur.Day)
	}
	v.posFrom = cur.Positions
	v.day = day
	v.snap = v.ds.At(day)
	v.moveLayout()
	v.startGlide(Glide)
}

// moveLayout brings the layout to the new day: for a chained dataset the
// chain's layout of that day, with the user's pins on it (and settled
// around them); else a warm start from where the nodes are.
func (v *Viewer) moveLayout() {
	if !v.chain.Chained() {
		v.net.Update(v.snap)
		v.relax(picture.SettleTicks, false)
		return
	}
	v.gen.Add(1) // a settle of the old layout has nothing more to say
	v.net = v.chain.Network(v.day)
	if len(v.pins) == 0 {
		v.posTo = v.net.Positions()
		return
	}
	old := v.pinned
	for id := range v.pins {
		if p, ok := old[id]; ok {
			v.net.Pin(id, p[0], p[1])
		}
	}
	v.relax(picture.SettleTicks, false)
}

// Relayout glides to the layout's new rest after a pin moved.
func (v *Viewer) Relayout() {
	cur := v.Frame()
	v.from = v.snap
	v.posFrom = cur.Positions
	v.relax(400, false)
	v.startGlide(Glide / 2)
}

// MoveNode pins id at a layout position and shows it there at once.
func (v *Viewer) MoveNode(id string, p [2]float64) {
	v.Pin(id, p)
	v.finishGlide()
	// A copy: the map on show may belong to a frame being drawn.
	pos := maps.Clone(v.posTo)
	pos[id] = p
	v.posTo, v.posFrom = pos, pos
	v.changed()
}

// Pin holds id at a layout position without moving the view.
func (v *Viewer) Pin(id string, p [2]float64) {
	v.net.Pin(id, p[0], p[1])
	v.pins = maps.Clone(v.pins)
	v.pins[id] = true
	v.pinned = maps.Clone(v.pinned)
	v.pinned[id] = p
}

// Unpin returns id to the forces.
func (v *Viewer) Unpin(id string) {
	v.net.Unpin(id)
	v.pins = maps.Clone(v.pins)
	delete(v.pins, id)
	v.pinned = maps.Clone(v.pinned)
	delete(v.pinned, id)
	v.Relayout()
}

func (v *Viewer) finishGlide() {
	if v.glide != nil {
		v.glide.Stop()
		v.glide = nil
	}
	v.progress = 1
	v.from = v.snap
	v.posFrom = v.posTo
}

func (v *Viewer) startGlide(d time.Duration) {
	if v.glide != nil {
		v.glide.Stop()
	}
	if len(v.snap.Actors) > 2000 {
		// A frame of a big network takes longer than a glide lasts: go
		// straight to the new positions.
		v.finishGlide()
		v.changed()
		return
	}
	v.progress = 0
	a := fyne.NewAnimation(d, func(p float32) {
		v.progress = float64(p)
		if p >= 1 {
			v.from = v.snap
			v.posFrom = v.posTo
		}
		v.changed()
	})
	a.Curve = fyne.AnimationLinear
	v.glide = a
	a.Start()
	v.changed()
}

// Close stops playback, the glide and any background settle.
func (v *Viewer) Close() {
	v.gen.Add(1)
	v.stopPlay()
	if v.glide != nil {
		v.glide.Stop()
	}
}

// EventAt returns the event on the day on show, or nil between events.
func (v *Viewer) EventAt() *graphmodel.Event {
	e := v.ds.EventNear(v.day)
	if e == nil || e.Day() != v.day {
		return nil
	}
	return e
}

// EventMarks says what the event on the day changes, as picture.EventMarks
// says, once the glide is over.
func (v *Viewer) EventMarks() (emphasis map[string]bool, ghosts []render.FrameTie) {
	if v.progress < 1 {
		return nil, nil
	}
	// Every repaint (a hover, a zoom) asks; the answer changes only with
	// the day, so it is worked out once per day.
	if v.marksDay != v.day || v.marks == nil {
		v.marks, v.ghosts = picture.EventMarks(v.snap)
		if v.marks == nil {
			v.marks = map[string]bool{}
		}
		v.marksDay = v.day
	}
	return v.marks, v.ghosts
}
