package layout

import (
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"testing"
)

// TestGoldenPositions pins the exact bits of two layouts, so that a change
// of platform or compiler that changes a result shows up. Products are
// rounded before they are added (float64(a*b) + c), so compilers that fuse
// multiply-adds give the same bits: `GOAMD64=v3 go test` checks that on
// amd64. Update the hashes when the forces change on purpose.
func TestGoldenPositions(t *testing.T) {
	const wantSim, wantNetwork = 0x3e81ba0c4bf7c741, 0x3baccffca604dd63

	nodes, links := randomGraph(6000, 9)
	s := NewSimulation(nodes, Config{}, NewManyBody(-30, 0.9), NewLinks(links), NewCenter(0, 0), NewCollide(1),
		NewAnchor([][2]float64{{10, 20}}, []float64{0.3}))
	for range 60 {
		s.Tick()
	}
	h := fnv.New64a()
	for _, n := range s.Nodes() {
		fmt.Fprint(h, math.Float64bits(n.X), math.Float64bits(n.Y))
	}
	if got := h.Sum64(); got != wantSim {
		t.Errorf("simulation hash %#x, want %#x", got, wantSim)
	}

	h = fnv.New64a()
	_, pos := walk(sketchDataset(t), 3)
	for _, p := range pos {
		var ids []string
		for id := range p {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			fmt.Fprint(h, id, math.Float64bits(p[id][0]), math.Float64bits(p[id][1]))
		}
	}
	if got := h.Sum64(); got != wantNetwork {
		t.Errorf("network hash %#x, want %#x", got, wantNetwork)
	}
}
