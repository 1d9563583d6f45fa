package gui

import (
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
)

// settledInbox passes positions from a background settle to the UI
// goroutine: the settle puts, the UI takes.
type settledInbox struct {
	mu  sync.Mutex
	gen int64
	pos map[string][2]float64
}

func (b *settledInbox) put(gen int64, pos map[string][2]float64) {
	b.mu.Lock()
	b.gen, b.pos = gen, pos
	b.mu.Unlock()
}

func (b *settledInbox) take() (int64, map[string][2]float64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	gen, pos := b.gen, b.pos
	b.pos = nil
	return gen, pos
}

// relax settles the layout toward its new rest for up to maxTicks: for
// settleBudget here, then, if it still moves, in the background, showing
// its progress every publishEvery. posTo holds the positions so far.
// opened says the dataset was just opened: once at rest, the garbage of
// reading and laying it out is handed back to the system, so the window's
// resident memory is what it uses, not what opening it took. The network
// view's idle trim would do it too, but only once drawing stops; this runs
// as soon as the layout rests, which with 50,000 actors can be before the
// first frame is drawn, and keeps the peak 20 to 40 MB lower.
func (v *Viewer) relax(maxTicks int, opened bool) {
	gen := v.gen.Add(1)
	chunk := 8
	if len(v.snap.Actors) > 2000 {
		chunk = 1 // a tick is long: keep the lock short for a drag
	}
	left := maxTicks
	start := time.Now()
	for left > 0 && time.Since(start) < settleBudget {
		n := min(left, chunk)
		left -= n
		if !v.net.Step(n) {
			left = 0
		}
	}
	v.posTo = v.net.Positions()
	if left <= 0 {
		if opened {
			go debug.FreeOSMemory()
		}
		return
	}
	net := v.net
	go func() {
		last := time.Now()
		// shown is false while a picture is on its way to the UI: a big
		// network draws slower than it steps, and a queue of positions
		// waiting to be drawn would only cost memory.
		var shown atomic.Bool
		shown.Store(true)
		for left > 0 && v.gen.Load() == gen {
			n := min(left, chunk)
			left -= n
			if !net.Step(n) {
				left = 0
			}
			if left > 0 && (time.Since(last) < publishEvery || !shown.Load()) {
				continue
			}
			last = time.Now()
			pos := net.Positions()
			if left <= 0 && opened {
				defer debug.FreeOSMemory()
			}
			shown.Store(false)
			v.settled.put(gen, pos)
			v.loop.post(func() {
				defer shown.Store(true)
				v.takeSettled()
			})
		}
	}()
}

// takeSettled shows what the background settle last handed over, unless
// a newer layout target has replaced it since.
func (v *Viewer) takeSettled() {
	gen, pos := v.settled.take()
	if pos == nil || gen != v.gen.Load() {
		return
	}
	v.posTo = pos
	if v.progress >= 1 {
		v.posFrom = pos
	}
	v.changed()
}
