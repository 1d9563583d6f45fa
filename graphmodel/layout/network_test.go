package layout

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// settleTicks bounds Settle in the tests: more than a full cooling.
const settleTicks = 600

// walk lays out every event of d in order and returns the positions after
// each, settled.
func walk(d *graphmodel.Dataset, seed int64) (snaps []*graphmodel.Snapshot, pos []map[string][2]float64) {
	n := NewNetwork(seed)
	for _, e := range d.Events {
		s := d.At(e.Day())
		n.Update(s)
		n.Settle(settleTicks)
		snaps = append(snaps, s)
		pos = append(pos, n.Positions())
	}
	return snaps, pos
}

func datasets(t *testing.T) map[string]*graphmodel.Dataset {
	out := map[string]*graphmodel.Dataset{"sketch": sketchDataset(t)}
	t.Run("embedded", func(t *testing.T) { out["embedded"] = embeddedDataset(t) })
	if out["embedded"] == nil {
		delete(out, "embedded")
	}
	return out
}

func TestNetworkDeterministic(t *testing.T) {
	for name, d := range datasets(t) {
		_, a := walk(d, 42)
		_, b := walk(d, 42)
		for k := range a {
			for id, p := range a[k] {
				if q := b[k][id]; math.Float64bits(p[0]) != math.Float64bits(q[0]) || math.Float64bits(p[1]) != math.Float64bits(q[1]) {
					t.Fatalf("%s: event %d, %s: %v then %v", name, k, id, p, q)
				}
			}
		}
	}
}

// TestNetworkGeography: Japan right of both Koreas, Russia above them, at
// every event.
func TestNetworkGeography(t *testing.T) {
	for name, d := range datasets(t) {
		japan, koreas, russia := geoIDs(d)
		if japan == "" || len(koreas) == 0 {
			if name == "sketch" {
				t.Fatalf("%s: no Japan or Korea among the actors", name)
			}
			t.Logf("%s: no actor anchored in Japan or Korea; skipped", name)
			continue
		}
		snaps, pos := walk(d, 1)
		for k, p := range pos {
			jp, ok := p[japan]
			if !ok {
				continue
			}
			for _, ko := range koreas {
				if kp, ok := p[ko]; ok && jp[0] <= kp[0] {
					t.Errorf("%s %s: Japan at x=%.0f is not right of %s at x=%.0f", name, snaps[k].Day, jp[0], ko, kp[0])
				}
				if rp, ok := p[russia]; ok && russia != "" {
					if kp, ok := p[ko]; ok && rp[1] >= kp[1] {
						t.Errorf("%s %s: %s at y=%.0f is not above %s at y=%.0f", name, snaps[k].Day, russia, rp[1], ko, kp[1])
					}
				}
			}
		}
	}
}

// geoIDs finds Japan, the Koreas and Russia by their anchors.
func geoIDs(d *graphmodel.Dataset) (japan string, koreas []string, russia string) {
	for _, a := range d.Actors {
		lon, lat := a.Anchor[0], a.Anchor[1]
		switch {
		case a.Kind == "organisation":
		case lon > 129 && lon < 146 && lat > 30 && lat < 46:
			japan = a.ID
		case lon > 124 && lon < 130 && lat > 33 && lat < 43:
			koreas = append(koreas, a.ID)
		case lat > 50:
			russia = a.ID
		}
	}
	return japan, koreas, russia
}

// TestNetworkStability: between consecutive events, actors whose ties did
// not change move on average less than 5% of the layout's diameter.
func TestNetworkStability(t *testing.T) {
	for name, d := range datasets(t) {
		snaps, pos := walk(d, 7)
		mean, worst, n := stability(snaps, pos)
		t.Logf("%s: %d transitions, mean displacement of unchanged actors %.4f of the diameter (worst transition %.4f)", name, n, mean, worst)
		if mean >= 0.05 {
			t.Errorf("%s: mean displacement %.4f of the diameter, want under 0.05", name, mean)
		}
	}
}

// stability averages, over consecutive pairs of layouts, the mean
// displacement of the actors present in both whose ties are the same, as a
// share of the later layout's diameter.
func stability(snaps []*graphmodel.Snapshot, pos []map[string][2]float64) (mean, worst float64, count int) {
	var sum float64
	for k := 1; k < len(snaps); k++ {
		changed := map[string]bool{}
		delta := graphmodel.Diff(snaps[k-1], snaps[k])
		for _, t := range delta.Gained {
			for _, a := range t.Actors {
				changed[a] = true
			}
		}
		for _, t := range delta.Lost {
			for _, a := range t.Actors {
				changed[a] = true
			}
		}
		for _, c := range delta.Changed {
			for _, a := range c.Relation.Actors {
				changed[a] = true
			}
		}
		var disp float64
		var m int
		for id, p := range pos[k] {
			q, ok := pos[k-1][id]
			if !ok || changed[id] {
				continue
			}
			disp += math.Hypot(p[0]-q[0], p[1]-q[1])
			m++
		}
		if m == 0 {
			continue
		}
		share := disp / float64(m) / diameter(pos[k])
		sum += share
		worst = max(worst, share)
		count++
	}
	if count == 0 {
		return 0, 0, 0
	}
	return sum / float64(count), worst, count
}

func diameter(p map[string][2]float64) float64 {
	var d float64
	for _, a := range p {
		for _, b := range p {
			d = max(d, math.Hypot(a[0]-b[0], a[1]-b[1]))
		}
	}
	return max(d, 1)
}

func TestNetworkNoOverlap(t *testing.T) {
	d := sketchDataset(t)
	n := NewNetwork(3)
	n.LabelWidth = func(id string) float64 { return 40 + 10*float64(len(id)) }
	for _, e := range d.Events {
		n.Update(d.At(e.Day()))
		n.Settle(settleTicks)
		p := n.Positions()
		for a, pa := range p {
			for b, pb := range p {
				if a < b {
					want := (40+10*float64(len(a)))/2 + (40+10*float64(len(b)))/2
					if dd := math.Hypot(pa[0]-pb[0], pa[1]-pb[1]); dd < want*0.98 {
						t.Errorf("%s: %s and %s are %.1f apart, want %.1f", e.Date, a, b, dd, want)
					}
				}
			}
		}
	}
}

func TestNetworkPins(t *testing.T) {
	d := sketchDataset(t)
	n := NewNetwork(1)
	n.Update(d.At(graphmodel.DayOf(1960, 1, 1)))
	n.Settle(settleTicks)
	n.Pin("japan", 500, 300)
	if !n.Pinned("japan") {
		t.Fatal("not pinned")
	}
	n.Settle(settleTicks)
	// The pin holds across dates too.
	n.Update(d.At(graphmodel.DayOf(1975, 1, 1)))
	n.Settle(settleTicks)
	if p, _ := n.Position("japan"); p != [2]float64{500, 300} {
		t.Fatalf("pinned Japan at %v", p)
	}
	n.Unpin("japan")
	if n.Pinned("japan") {
		t.Fatal("still pinned")
	}
	n.Settle(settleTicks)
	if p, _ := n.Position("japan"); p == [2]float64{500, 300} {
		t.Fatal("unpinned Japan did not move")
	}
	// A pin on an absent actor waits for it.
	n.Pin("future", 1, 2)
	if _, ok := n.Position("future"); ok {
		t.Fatal("absent actor has a position")
	}
}

func TestNetworkClone(t *testing.T) {
	d := sketchDataset(t)
	n := NewNetwork(5)
	n.Update(d.At(graphmodel.DayOf(1951, 1, 1)))
	n.Step(10)
	c := n.Clone()
	n.Settle(settleTicks)
	c.Settle(settleTicks)
	a, b := n.Positions(), c.Positions()
	for id, p := range a {
		if b[id] != p {
			t.Fatalf("%s: %v and clone %v", id, p, b[id])
		}
	}
	c.Pin("japan", 0, 0)
	if n.Pinned("japan") {
		t.Fatal("clone shares pins")
	}
}

// TestNetworkConcurrent steps a layout in one goroutine while another
// reads it, and checks what the lock promises even without -race: the
// layout ends exactly where a serial run does, and every read sees a
// state the serial run passed through (one between Settle's chunks), never
// one torn mid-tick. Pins of an absent actor change nothing but the pin
// list, so they race the stepping without changing the result.
func TestNetworkConcurrent(t *testing.T) {
	// Big enough that a tick takes a while and a read lands inside one;
	// a few hundred ticks are enough chunks for reads to fall between.
	const concurrentTicks = 240
	d := ringDataset(t, 1000)
	s := d.At(graphmodel.DayOf(1951, 1, 1))

	// The serial run, one chunk at a time as Settle takes them.
	serial := NewNetwork(5)
	serial.Update(s)
	states := map[string]bool{fingerprint(serial.Positions()): true}
	for left := concurrentTicks; left > 0; left -= settleChunk {
		moving := serial.Step(min(left, settleChunk))
		states[fingerprint(serial.Positions())] = true
		if !moving {
			break
		}
	}
	want := fingerprint(serial.Positions())

	n := NewNetwork(5)
	n.Update(s)
	done := make(chan bool)
	go func() {
		n.Settle(concurrentTicks)
		close(done)
	}()
	reads := 0
	for running := true; running; reads++ {
		select {
		case <-done:
			running = false
		default:
		}
		if got := fingerprint(n.Positions()); !states[got] {
			t.Fatalf("read %d saw positions no serial run has: a read torn mid-tick", reads)
		}
		n.Position("a7")
		n.Alpha()
		if reads%50 == 0 {
			n.Pin("future", 300, 0)
			n.Pinned("future")
			n.Unpin("future")
		}
	}
	if got := fingerprint(n.Positions()); got != want {
		t.Errorf("the concurrent run ended elsewhere than the serial one:\n got %s\nwant %s", got, want)
	}
	t.Logf("%d reads during the run", reads)
}

// fingerprint writes positions in id order, every bit, for comparing states.
func fingerprint(pos map[string][2]float64) string {
	ids := make([]string, 0, len(pos))
	for id := range pos {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	for _, id := range ids {
		p := pos[id]
		fmt.Fprintf(&b, "%s:%x,%x ", id, math.Float64bits(p[0]), math.Float64bits(p[1]))
	}
	return b.String()
}

// ringDataset is n actors in a ring, each also tied to one across it.
func ringDataset(t *testing.T, n int) *graphmodel.Dataset {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"title": "ring", "range": {"start": "1945", "end": "2024"}, "sources": [], "actors": [`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "a%d", "names": [{"name": "A%d", "short": "A%d"}], "anchor": [%d, %d]}`, i, i, i, i%360-180, i%140-70)
	}
	b.WriteString(`], "relations": [`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "r%d", "kind": "partnership", "actors": ["a%d", "a%d"], "start": "1950"},`, i, i, (i+1)%n)
		fmt.Fprintf(&b, `{"id": "c%d", "kind": "alliance", "actors": ["a%d", "a%d"], "start": "1950"}`, i, i, (i+n/2+i%97)%n)
	}
	b.WriteString(`]}`)
	d, err := graphmodel.Parse("ring.json", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return d
}
