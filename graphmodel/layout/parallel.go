package layout

import (
	"math"
	"runtime"
	"sync/atomic"
	"time"
)

// parallelMin is the node count from which a Simulation splits its forces'
// work over goroutines; below it the hand-off costs more than it saves.
const parallelMin = 4096

// chunkSize is how many items a worker claims at a time unless a job says
// otherwise. Work is claimed dynamically for balance; every item's result
// depends only on the item, never on which goroutine ran it, so scheduling
// cannot change the output.
const chunkSize = 256

// blockSize is the fixed block of nodes for partial results that are
// combined in block order, so they do not depend on the number of workers.
const blockSize = 4096

// job is one parallel loop over [0, total), reused every tick so running it
// does not allocate.
type job struct {
	fn    func(lo, hi int)
	chunk int // items claimed at a time; 0 means chunkSize

	total  int
	epoch  uint32
	chunks atomic.Int64  // in this run; read by late workers too
	claim  atomic.Uint64 // epoch<<32 | next chunk to claim
	left   atomic.Int64  // chunks not yet finished
	// waiting is set while the caller is parked, or about to park, for
	// the run's end; whoever clears it owns finished's one token.
	waiting  atomic.Bool
	finished chan struct{} // receives when left reaches 0 while waiting
}

// ticket is a job handed to a worker for one run (epoch) of it.
type ticket struct {
	j     *job
	epoch uint32
}

// work claims and runs chunks of the given run until none are left. A
// worker that wakes after its run is over finds the epoch changed and
// returns at once.
func (j *job) work(epoch uint32) {
	c := j.chunkLen()
	for {
		s := j.claim.Load()
		if uint32(s>>32) != epoch || int64(uint32(s)) >= j.chunks.Load() {
			return
		}
		if !j.claim.CompareAndSwap(s, s+1) {
			continue
		}
		lo := int(uint32(s)) * c
		j.fn(lo, min(lo+c, j.total))
		if j.left.Add(-1) == 0 && j.waiting.CompareAndSwap(true, false) {
			j.finished <- struct{}{}
		}
	}
}

func (j *job) chunkLen() int {
	if j.chunk > 0 {
		return j.chunk
	}
	return chunkSize
}

// workers is a fixed set of goroutines that help run jobs; the caller's
// goroutine works too. The goroutines hold only the workers, never a job
// after its run, so a Simulation that becomes unreachable is collected and
// its cleanup stops them.
type workers struct {
	n       int // goroutines including the caller's
	tickets chan ticket
	// poll is how long, in nanoseconds, a helper that has finished a run
	// polls for the next one before it parks; 0 parks at once. The owner
	// sets it (Multilevel.setPools says when, and why).
	poll atomic.Int64
}

// newWorkers starts n-1 goroutines (n >= 2).
func newWorkers(n int) *workers {
	w := &workers{n: n, tickets: make(chan ticket, 4*n)}
	for i := 1; i < n; i++ {
		go w.help()
	}
	return w
}

// help runs its share of each run handed out, until stop.
func (w *workers) help() {
	for {
		t, ok := w.next()
		if !ok {
			return
		}
		t.j.work(t.epoch)
	}
}

// next waits for the next ticket, polling for up to w.poll before it
// parks. It reports false once the workers are stopped.
func (w *workers) next() (ticket, bool) {
	if d := time.Duration(w.poll.Load()); d > 0 {
		start := time.Now()
		for time.Since(start) < d {
			select {
			case t, ok := <-w.tickets:
				return t, ok
			default:
			}
			// Any other goroutine that is ready (the window's, in
			// the app) may have this core meanwhile.
			runtime.Gosched()
		}
	}
	t, ok := <-w.tickets
	return t, ok
}

// setPoll sets how long helpers poll for the next run before they park.
func (w *workers) setPoll(d time.Duration) {
	if w != nil {
		w.poll.Store(int64(d))
	}
}

// stop ends the goroutines.
func (w *workers) stop() { close(w.tickets) }

// run calls j.fn over [0, total) in chunks and returns when all are done:
// in parallel when there is a pool (a Simulation makes one only for large
// graphs), else on the caller's goroutine. The caller waits only for
// chunks that are running, never for a worker that has not started (on a
// busy machine it may not get a core for a while), and runs on one
// goroutine at a time.
func (w *workers) run(j *job, total int) {
	c := j.chunkLen()
	if w == nil || total <= c {
		runSerial(j, total)
		return
	}
	if j.finished == nil {
		j.finished = make(chan struct{}, 1)
	}
	// Close the new run before changing its fields, so that a late worker
	// of the last run can neither claim in it nor in this one; then open it.
	j.epoch++
	j.claim.Store(uint64(j.epoch)<<32 | math.MaxUint32)
	j.total = total
	j.chunks.Store(int64((total + c - 1) / c))
	j.left.Store(j.chunks.Load())
	j.claim.Store(uint64(j.epoch) << 32)
	for i := 1; i < w.n; i++ {
		select {
		case w.tickets <- ticket{j, j.epoch}:
		default: // the workers are behind; they would find nothing left
		}
	}
	j.work(j.epoch)
	j.wait()
}

// callerSpin is how long the caller of a run polls for its end before it
// parks. It has nothing else to do meanwhile, and parking is dear for it:
// the app's main goroutine is locked to its thread, and a locked goroutine
// that parks waits for that thread to be woken, tens of microseconds on a
// virtual machine, at each of a tick's runs. The bound is a few of the
// largest chunks: past it, a helper has likely lost its core.
const callerSpin = 500 * time.Microsecond

// wait returns when the run's last chunk is finished: it polls for up to
// callerSpin, then parks until the worker that finishes it sends the token.
func (j *job) wait() {
	// No Gosched while polling: the caller may be locked to its thread
	// (the app's main goroutine is), and a locked goroutine that yields
	// waits for its thread to be woken, as long as parking.
	for start := time.Now(); time.Since(start) < callerSpin; {
		if j.left.Load() == 0 {
			return
		}
	}
	j.waiting.Store(true)
	if j.left.Load() == 0 && j.waiting.CompareAndSwap(true, false) {
		return // finished meanwhile, and no one will send
	}
	<-j.finished
}

// runSerial calls j.fn over [0, total) chunk by chunk on the caller's
// goroutine. Passes too light to repay a hand-off use it even on a pool:
// each hand-off is a point where a worker without a core can delay the
// tick.
func runSerial(j *job, total int) {
	c := j.chunkLen()
	for lo := 0; lo < total; lo += c {
		j.fn(lo, min(lo+c, total))
	}
}

// workerCount resolves Config.Workers.
func workerCount(n int) int {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return n
}

// parallelForce is implemented by the package's forces that can split their
// work; the Simulation hands them its pool (nil for small graphs) before
// Init.
type parallelForce interface {
	setWorkers(w *workers)
}
