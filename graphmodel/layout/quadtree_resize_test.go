package layout

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestQuadtreeResizeWithWorkers rebuilds one tree with a worker pool at
// node counts that change, as a multilevel layout does from level to
// level, and checks each build against a tree built on one goroutine. A
// worker can wake late for a run that is over; resizing must not rewrite
// the job it still reads (the race run of .ci/test catches that).
func TestQuadtreeResizeWithWorkers(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	points := func(n int) [][2]float64 {
		out := make([][2]float64, n)
		for i := range out {
			out[i] = [2]float64{rng.Float64() * 1000, rng.Float64() * 1000}
		}
		return out
	}
	pool := newWorkers(2)
	defer pool.stop()
	par := &quadtree{leafSize: leafSize, theta2: 0.81, pool: pool}
	for i, n := range []int{9000, 5000, 12000, 5000, 9000, 20000, 6000} {
		ns := points(n)
		par.resize(n)
		par.build(ns)
		ser := &quadtree{leafSize: leafSize, theta2: 0.81}
		ser.resize(n)
		ser.build(ns)
		if !reflect.DeepEqual(par.cells, ser.cells) {
			t.Fatalf("build %d (%d nodes): the tree built with workers differs from the serial one", i, n)
		}
	}
}
