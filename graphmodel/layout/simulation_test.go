package layout

import (
	"fmt"
	"math"
	"testing"
)

func TestSimulationDeterministicAcrossWorkers(t *testing.T) {
	// Above parallelMin, so the parallel paths run.
	const n = parallelMin + 1000
	var runs [][]Node
	for _, workers := range []int{1, 2, 3, 1} {
		nodes, links := randomGraph(n, 1)
		s := d3Sim(nodes, links, workers)
		for range 30 {
			s.Tick()
		}
		runs = append(runs, s.Nodes())
	}
	for _, r := range runs[1:] {
		sameNodes(t, runs[0], r)
	}
}

func TestSimulationCools(t *testing.T) {
	nodes, links := randomGraph(100, 2)
	s := d3Sim(nodes, links, 1)
	ticks := 0
	for !s.Settled() {
		s.Tick()
		ticks++
	}
	// d3's schedule: alpha from 1 under 0.001 in about 300 ticks.
	if ticks < 295 || ticks > 305 {
		t.Errorf("settled after %d ticks, want about 300", ticks)
	}
	for _, nd := range s.Nodes() {
		if math.IsNaN(nd.X) || math.IsNaN(nd.Y) {
			t.Fatal("NaN position")
		}
	}
}

func TestSimulationPin(t *testing.T) {
	nodes, links := randomGraph(200, 3)
	s := d3Sim(nodes, links, 1)
	s.Pin(5, 123, -45)
	for range 100 {
		s.Tick()
	}
	if nd := s.Nodes()[5]; nd.X != 123 || nd.Y != -45 || nd.VX != 0 {
		t.Fatalf("pinned node at (%v, %v)", nd.X, nd.Y)
	}
	s.Unpin(5)
	s.SetAlpha(0.5)
	for range 20 {
		s.Tick()
	}
	if nd := s.Nodes()[5]; nd.X == 123 && nd.Y == -45 {
		t.Fatal("unpinned node did not move")
	}
}

func TestLinkRestLength(t *testing.T) {
	nodes := []Node{{X: 0, Y: 0}, {X: 5, Y: 1}}
	s := NewSimulation(nodes, Config{}, NewLinks([]Link{{Source: 0, Target: 1, Distance: 80}}))
	for range 300 {
		s.Tick()
	}
	a, b := s.Nodes()[0], s.Nodes()[1]
	if d := math.Hypot(a.X-b.X, a.Y-b.Y); math.Abs(d-80) > 1 {
		t.Fatalf("distance %v, want 80", d)
	}
}

func TestCollideSeparates(t *testing.T) {
	nodes := make([]Node, 50)
	for i := range nodes {
		nodes[i] = Node{X: float64(i % 7), Y: float64(i / 7), Radius: 10 + float64(i%3)}
	}
	c := NewCollide(2)
	c.Iterations = 2
	s := NewSimulation(nodes, Config{}, c)
	for range 300 {
		s.Tick()
	}
	ns := s.Nodes()
	for i := range ns {
		for j := i + 1; j < len(ns); j++ {
			d := math.Hypot(ns[i].X-ns[j].X, ns[i].Y-ns[j].Y)
			if want := ns[i].Radius + ns[j].Radius + 2; d < want*0.99 {
				t.Fatalf("nodes %d and %d are %.2f apart, want %.2f", i, j, d, want)
			}
		}
	}
}

// TestManyBodyMatchesExact checks the quadtree against the direct O(n²) sum.
func TestManyBodyMatchesExact(t *testing.T) {
	nodes, _ := randomGraph(3000, 4)
	// Spread them and add a few coincident points.
	for i := range nodes {
		nodes[i].X += float64(i%13) * 3
	}
	nodes[10].X, nodes[10].Y = nodes[11].X, nodes[11].Y
	for _, theta := range []float64{0.01, 0.5, 0.9} {
		approx := append([]Node(nil), nodes...)
		m := NewManyBody(-30, theta)
		m.Init(approx)
		m.Apply(approx, 1)
		var errSum, normSum float64
		for i := range nodes {
			var fx, fy float64
			for j := range nodes {
				dx, dy := nodes[j].X-nodes[i].X, nodes[j].Y-nodes[i].Y
				l := dx*dx + dy*dy
				if i == j || l == 0 {
					continue
				}
				if l < 1 {
					l = math.Sqrt(l)
				}
				fx += -30 * dx / l
				fy += -30 * dy / l
			}
			if i == 10 || i == 11 {
				continue // the jiggle adds a push of its own
			}
			errSum += math.Hypot(approx[i].VX-fx, approx[i].VY-fy)
			normSum += math.Hypot(fx, fy)
		}
		rel := errSum / normSum
		t.Logf("theta %.2f: mean relative error %.4f", theta, rel)
		if limit := 0.01 + theta*0.05; rel > limit {
			t.Errorf("theta %.2f: relative error %.4f over %.4f", theta, rel, limit)
		}
	}
}

func TestTickDoesNotAllocate(t *testing.T) {
	for _, workers := range []int{1, 2} {
		nodes, links := randomGraph(parallelMin+500, 5)
		c := NewCollide(1)
		s := NewSimulation(nodes, Config{Workers: workers}, NewManyBody(-30, 0.9), NewLinks(links), NewCenter(0, 0), c,
			NewAnchor([][2]float64{{1, 2}}, []float64{0.1}))
		s.Tick()
		if a := testing.AllocsPerRun(10, s.Tick); a != 0 {
			t.Errorf("workers %d: %v allocations per tick", workers, a)
		}
	}
}

func BenchmarkTick(b *testing.B) {
	for _, n := range []int{1000, 10000, 50000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			nodes, links := randomGraph(n, 6)
			s := d3Sim(nodes, links, 0)
			s.Tick()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				s.Tick()
			}
		})
	}
}
