package layout

import (
	"fmt"
	"hash/fnv"
	"math"
	"testing"
)

// gridLinks is a side×side lattice.
func gridLinks(side int) []Link {
	var links []Link
	for y := range side {
		for x := range side {
			i := y*side + x
			if x+1 < side {
				links = append(links, Link{Source: i, Target: i + 1})
			}
			if y+1 < side {
				links = append(links, Link{Source: i, Target: i + side})
			}
		}
	}
	return links
}

// runMultilevel lays a graph out to rest and returns the positions.
func runMultilevel(n int, links []Link, cfg MultilevelConfig) ([][2]float64, *Multilevel) {
	m := NewMultilevel(n, links, cfg)
	for m.Tick() {
	}
	pos := make([][2]float64, n)
	m.Positions(pos)
	return pos, m
}

func TestMultilevelSameForAnyWorkers(t *testing.T) {
	_, links := randomGraph(6000, 3)
	want, _ := runMultilevel(6000, links, MultilevelConfig{Seed: 5, Workers: 1})
	for _, w := range []int{2, 3} {
		got, _ := runMultilevel(6000, links, MultilevelConfig{Seed: 5, Workers: w})
		for i := range want {
			if math.Float64bits(got[i][0]) != math.Float64bits(want[i][0]) || math.Float64bits(got[i][1]) != math.Float64bits(want[i][1]) {
				t.Fatalf("%d workers: node %d at %v, with 1 worker at %v", w, i, got[i], want[i])
			}
		}
	}
}

func TestMultilevelUnfoldsAGrid(t *testing.T) {
	const side = 40
	pos, m := runMultilevel(side*side, gridLinks(side), MultilevelConfig{Seed: 1})
	if m.Levels() < 3 {
		t.Errorf("%d levels for a %d-node grid", m.Levels(), side*side)
	}
	// Every node's nearest other node is one of its grid neighbours.
	miss := 0
	for i := range pos {
		best, bd := -1, math.Inf(1)
		for j := range pos {
			if d := math.Hypot(pos[i][0]-pos[j][0], pos[i][1]-pos[j][1]); j != i && d < bd {
				best, bd = j, d
			}
		}
		dx, dy := best%side-i%side, best/side-i/side
		if dx*dx+dy*dy != 1 {
			miss++
		}
	}
	if miss > len(pos)/20 {
		t.Errorf("%d of %d nodes have a nearest node that is not a grid neighbour", miss, len(pos))
	}
}

func TestCoarsen(t *testing.T) {
	for _, c := range []struct {
		name  string
		n     int
		links []Link
	}{
		{"grid", 400, gridLinks(20)},
		{"preferential attachment", 1000, func() []Link { _, l := randomGraph(1000, 2); return l }()},
		{"star", 50, func() []Link {
			var l []Link
			for i := 1; i < 50; i++ {
				l = append(l, Link{Source: 0, Target: i})
			}
			return l
		}()},
	} {
		base := baseLevel(c.n, c.links)
		levels := hierarchy(base, 1, 10)
		for k, l := range levels {
			var mass float64
			for _, m := range l.mass {
				mass += m
			}
			if mass != float64(c.n) {
				t.Errorf("%s, level %d: mass %v, want %d", c.name, k, mass, c.n)
			}
			if k+1 < len(levels) && (l.parent == nil || len(l.parent) != l.n) {
				t.Errorf("%s, level %d: no parent map", c.name, k)
			}
		}
		if len(levels) < 2 {
			t.Errorf("%s: not coarsened", c.name)
		}
	}
}

// BenchmarkMultilevel lays out a 100×100 grid to rest: run it with -cpu 1,2
// for the parallel speed-up.
func BenchmarkMultilevel(b *testing.B) {
	links := gridLinks(100)
	for b.Loop() {
		runMultilevel(100*100, links, MultilevelConfig{Seed: 1})
	}
}

// TestMultilevelGolden pins the bits of a multilevel layout, as
// TestGoldenPositions does for the single level: `GOAMD64=v3 go test`
// checks that fused multiply-adds do not change them. Update the hash when
// the layout changes on purpose.
func TestMultilevelGolden(t *testing.T) {
	const want uint64 = 0xeda7ecca3f05d8ca
	_, links := randomGraph(3000, 11)
	pos, _ := runMultilevel(3000, append(links, gridLinks(30)...), BigLayoutConfig(1))
	h := fnv.New64a()
	for _, p := range pos {
		fmt.Fprint(h, math.Float64bits(p[0]), math.Float64bits(p[1]))
	}
	if got := h.Sum64(); got != want {
		t.Errorf("hash %#x, want %#x", got, want)
	}
}
