package gui

import (
	"runtime/debug"
	"time"
)

// trimAfter is how long the window waits, once nothing is drawn, before
// handing memory back to the system.
const trimAfter = 1500 * time.Millisecond

// idleTrim hands the garbage of a burst of drawing (playback, a drag, a
// settling layout) back to the system once the window has been still for
// a while. Without it the heap stays at its last collection's goal,
// up to twice what is live, for as long as the window sits idle, which on
// a classroom laptop may be all lesson.
type idleTrim struct {
	t     *time.Timer
	after time.Duration
}

// newIdleTrim runs trim (debug.FreeOSMemory when nil) once the window
// has not been touched for after.
func newIdleTrim(after time.Duration, trim func()) *idleTrim {
	if trim == nil {
		trim = debug.FreeOSMemory
	}
	t := time.AfterFunc(time.Hour, trim)
	t.Stop()
	return &idleTrim{t: t, after: after}
}

// touch says the window is busy: the trim waits for the next still spell.
func (i *idleTrim) touch() { i.t.Reset(i.after) }

// stop cancels a pending trim.
func (i *idleTrim) stop() { i.t.Stop() }
