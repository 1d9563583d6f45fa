package gui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// uiLoop runs work on the goroutine that owns the window's state. Every
// background goroutine of the window (a settling layout, playback, a file
// being read or written) hands its result over through post and touches
// nothing else of the window: the state then has one owner whatever the
// driver does with fyne.Do. Fyne's test driver, for one, runs fyne.Do's
// function at once on the calling goroutine, which would let a background
// goroutine write what the test's goroutine reads.
type uiLoop interface {
	// post queues f to run on the owning goroutine; it never waits for it.
	post(f func())
}

// fyneLoop is the real window's loop: fyne.Do runs f on Fyne's main goroutine.
type fyneLoop struct{}

func (fyneLoop) post(f func()) { fyne.Do(f) }

// queueLoop holds posted work until the owner drains it: the loop of
// windows driven by tests, whose goroutine is the owner.
type queueLoop struct {
	mu    sync.Mutex
	queue []func()
	ready chan struct{} // signalled, without blocking, when work arrives
}

func newQueueLoop() *queueLoop { return &queueLoop{ready: make(chan struct{}, 1)} }

func (q *queueLoop) post(f func()) {
	q.mu.Lock()
	q.queue = append(q.queue, f)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// drain runs what was posted so far, and what that posts in turn, on the
// calling goroutine; it reports how many functions ran.
func (q *queueLoop) drain() int {
	n := 0
	for {
		q.mu.Lock()
		work := q.queue
		q.queue = nil
		q.mu.Unlock()
		if len(work) == 0 {
			return n
		}
		for _, f := range work {
			f()
			n++
		}
	}
}

// wait drains until cond holds or d has passed, and reports whether cond
// held: a test waiting for a background settle or a file to open.
func (q *queueLoop) wait(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for {
		q.drain()
		if cond() {
			return true
		}
		left := time.Until(deadline)
		if left <= 0 {
			return false
		}
		select {
		case <-q.ready:
		case <-time.After(min(left, 20*time.Millisecond)):
		}
	}
}

// afterOn runs f through loop after d.
func afterOn(loop uiLoop) func(d time.Duration, f func()) {
	return func(d time.Duration, f func()) {
		time.AfterFunc(d, func() { loop.post(f) })
	}
}
