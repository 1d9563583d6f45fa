package layout

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// TestWorkersRunEveryChunkOnce runs jobs of many sizes back to back and
// with pauses between them, so that helpers are both busy, polling and
// parked when a run is handed out, and the caller both finds the run
// over and waits for it.
func TestWorkersRunEveryChunkOnce(t *testing.T) {
	for _, poll := range []time.Duration{0, helperPoll, time.Second} {
		w := newWorkers(3)
		w.setPoll(poll)
		const most = 5000
		var hits [most]atomic.Int32
		var total int
		j := job{chunk: 7, fn: func(lo, hi int) {
			if hi == total && total > 800 {
				time.Sleep(2 * callerSpin) // outlast the caller's poll
			}
			for i := lo; i < hi; i++ {
				hits[i].Add(1)
			}
		}}
		for round, n := range []int{1, 7, 8, 50, 700, most, 3, most, 900, 900, 901, 902} {
			if round%2 == 1 {
				time.Sleep(3 * time.Millisecond)
			}
			total = n
			w.run(&j, total)
			for i := range most {
				want := int32(0)
				if i < total {
					want = 1
				}
				if got := hits[i].Swap(0); got != want {
					t.Fatalf("helpers polling %v, run %d over %d items: item %d ran %d times, want %d", poll, round, total, i, got, want)
				}
			}
		}
		w.stop()
	}
}

// TestWorkersStopWithTheirLayout drops a layout with a pool and checks
// that its helpers end: they must not hold the layout, whose cleanup stops
// them.
func TestWorkersStopWithTheirLayout(t *testing.T) {
	before := runtime.NumGoroutine()
	m := NewMultilevel(65*65, gridLinks(65), MultilevelConfig{Seed: 1, Workers: 3})
	for range 5 {
		m.Tick()
	}
	if m.pool == nil {
		t.Fatal("the layout has no pool; the test needs one")
	}
	m = nil
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines 5 s after the layout was dropped, %d before it", runtime.NumGoroutine(), before)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}
