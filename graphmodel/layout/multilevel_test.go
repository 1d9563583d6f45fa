package layout

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"reflect"
	"slices"
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
	miss, _ := gridMisses(pos, side, 1)
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
	const want uint64 = 0x558b3e53fc2fc4e6
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

// TestClassicalMDSUnfoldsAGrid places a 10×10 grid by classical scaling
// alone: every node's four nearest are its grid neighbours, as a flat
// grid's are, and a grid split in two components keeps both apart.
func TestClassicalMDSUnfoldsAGrid(t *testing.T) {
	const side = 10
	l := baseLevel(side*side, gridLinks(side))
	pos := classicalMDS(l)
	miss := 0
	for i := range pos {
		near := nearest(pos, i, 4)
		for _, j := range near {
			di, dj := i/side-j/side, i%side-j%side
			if di*di+dj*dj != 1 {
				miss++
			}
		}
	}
	// Only the border nodes have fewer than four grid neighbours.
	if border := 4*side - 4; miss > 2*border {
		t.Errorf("%d of the nearest four are not grid neighbours", miss)
	}
	if again := classicalMDS(l); !reflect.DeepEqual(again, pos) {
		t.Error("classical scaling gave another result for the same level")
	}
}

// nearest returns the k nodes nearest to node i, nearest first.
func nearest(pos [][2]float64, i, k int) []int {
	order := make([]int, 0, len(pos)-1)
	for j := range pos {
		if j != i {
			order = append(order, j)
		}
	}
	d := func(j int) float64 { return math.Hypot(pos[i][0]-pos[j][0], pos[i][1]-pos[j][1]) }
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(d(a), d(b)) })
	return order[:k]
}

// TestMultilevelGridsDoNotFold lays a 100×100 grid out from the seeds
// around one (18) that folded it over itself when the layout started from
// random places at the coarsest level (19 left a small twist). Started by
// classical scaling, none of seeds 1 to 24 folds it.
func TestMultilevelGridsDoNotFold(t *testing.T) {
	const side = 100
	links := gridLinks(side)
	for _, seed := range []uint64{17, 18, 19} {
		pos, _ := runMultilevel(side*side, links, MultilevelConfig{Seed: seed, Workers: 2})
		// In a fold, nodes of two layers of the grid lie on each other:
		// the nearest of one is not its grid neighbour. Every 7th node is
		// checked (a fold covers hundreds).
		miss, checked := gridMisses(pos, side, 7)
		if miss > 0 {
			t.Errorf("seed %d: %d of %d nodes checked have a nearest node that is not a grid neighbour", seed, miss, checked)
		}
	}
}

// gridMisses checks every step-th node of a side×side grid's layout and
// counts those whose nearest other node is not a grid neighbour.
func gridMisses(pos [][2]float64, side, step int) (miss, checked int) {
	for i := 0; i < len(pos); i += step {
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
		checked++
	}
	return miss, checked
}
