package layout

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// parallelMin is the node count from which a Simulation splits its forces'
// work over goroutines; below it the hand-off costs more than it saves.
const parallelMin = 4096

// chunkSize is how many items a worker claims at a time unless a job says
// otherwise. Work is claimed dynamically for balance; every item's result
// depends only on the item, never on which goroutine ran it, so scheduling
// cannot change the output.
const chunkSize = 256

// blockSize is the fixed block of nodes for partial sums that are combined
// in block order, so a sum does not depend on the number of workers.
const blockSize = 4096

// job is one parallel loop over [0, total), reused every tick so running it
// does not allocate.
type job struct {
	fn    func(lo, hi int)
	chunk int // items claimed at a time; 0 means chunkSize
	total int
	next  atomic.Int64
	wg    sync.WaitGroup
}

// work claims chunks until none are left.
func (j *job) work() {
	c := j.chunk
	if c <= 0 {
		c = chunkSize
	}
	for {
		lo := int(j.next.Add(int64(c))) - c
		if lo >= j.total {
			return
		}
		j.fn(lo, min(lo+c, j.total))
	}
}

// workers is a fixed set of goroutines that run jobs; the caller's
// goroutine works too. The goroutines hold only the channel, so a Simulation
// that becomes unreachable is collected and its cleanup stops them.
type workers struct {
	n    int // goroutines including the caller's
	jobs chan *job
	mu   sync.Mutex // one job at a time
}

// newWorkers starts n-1 goroutines (n >= 2).
func newWorkers(n int) *workers {
	w := &workers{n: n, jobs: make(chan *job, n)}
	for i := 1; i < n; i++ {
		go func(jobs <-chan *job) {
			for j := range jobs {
				j.work()
				j.wg.Done()
			}
		}(w.jobs)
	}
	return w
}

// stop ends the goroutines.
func (w *workers) stop() { close(w.jobs) }

// run calls j.fn over [0, total) in chunks and returns when all are done;
// in parallel when there is a pool (a Simulation makes one only for large
// graphs), else on the caller's goroutine.
func (w *workers) run(j *job, total int) {
	if w == nil {
		c := j.chunk
		if c <= 0 {
			c = total
		}
		for lo := 0; lo < total; lo += c {
			j.fn(lo, min(lo+c, total))
		}
		return
	}
	w.mu.Lock()
	j.total = total
	j.next.Store(0)
	j.wg.Add(w.n - 1)
	for i := 1; i < w.n; i++ {
		w.jobs <- j
	}
	j.work()
	j.wg.Wait()
	w.mu.Unlock()
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
