package gui

import (
	"sync/atomic"
	"testing"
	"time"
)

// The trim waits while the window keeps drawing and runs once it stops.
func TestIdleTrimWaitsForStillness(t *testing.T) {
	var runs atomic.Int32
	tr := newIdleTrim(300*time.Millisecond, func() { runs.Add(1) })
	defer tr.stop()
	for range 20 { // busy for 200 ms, a picture every 10 ms
		tr.touch()
		time.Sleep(10 * time.Millisecond)
	}
	if n := runs.Load(); n != 0 {
		t.Fatalf("trimmed %d times while drawing", n)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runs.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	if n := runs.Load(); n != 1 {
		t.Fatalf("trimmed %d times once still, want 1", n)
	}
}
