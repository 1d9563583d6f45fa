package picture

import (
	"math"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/layout"
	"github.com/echoes-viz/echoes/gui/render"
)

// Seed is the layout seed of the window and every export, so the same data
// gives the same picture everywhere.
const Seed = 1950

// SettleTicks bounds the layout run for a cold start at one date.
const SettleTicks = 600

// TicksFor scales a tick budget down for big networks, so that opening a
// 50,000-node file shows a first layout in about a second rather than
// minutes; the window keeps refining it as the user moves through time.
func TicksFor(ticks, actors int) int {
	if actors <= 2000 {
		return ticks
	}
	return max(20, ticks*2000/actors)
}

// NewNetwork is the layout every picture uses: seeded, with collision
// radii wide enough for each actor's longest label.
func NewNetwork(ds *graphmodel.Dataset, fonts *render.Fonts) *layout.Network {
	n := layout.NewNetwork(Seed)
	widths := map[string]float64{}
	th := render.Light()
	for _, a := range ds.Actors {
		w := 2 * th.NodeRadius
		for _, nm := range a.Names {
			w = math.Max(w, fonts.Width(nm.Short, th.LabelSize, true)+12)
		}
		widths[a.ID] = w
	}
	n.LabelWidth = func(id string) float64 { return widths[id] }
	return n
}

// Settle runs n toward rest on s cold, as the window does when it opens,
// and returns the positions.
func Settle(n *layout.Network, s *graphmodel.Snapshot) map[string][2]float64 {
	n.Update(s)
	n.Settle(TicksFor(SettleTicks, len(s.Actors)))
	return n.Positions()
}

// ComparePositions lays out day b as the chain does, then places day a's
// actors at b's positions where they share them, so both sides of a
// comparison line up.
func ComparePositions(c *Chain, a, b graphmodel.Day) (pa, pb map[string][2]float64) {
	pb = c.Positions(b)
	net := c.Network(a)
	for id, p := range pb {
		if _, ok := net.Position(id); ok {
			net.Pin(id, p[0], p[1])
		}
	}
	net.Settle(TicksFor(SettleTicks, len(c.ds.At(a).Actors)))
	return net.Positions(), pb
}

// Stop is one date of a timeline with its layout.
type Stop struct {
	Snap *graphmodel.Snapshot
	Pos  map[string][2]float64
}

// Stops lays out from, every event day after it up to to, and to, as the
// chain does, so nodes glide as in the window.
func Stops(ds *graphmodel.Dataset, from, to graphmodel.Day, fonts *render.Fonts) []Stop {
	days := []graphmodel.Day{from}
	for _, e := range ds.Events {
		if d := e.Day(); d > days[len(days)-1] && d <= to {
			days = append(days, d)
		}
	}
	if to > days[len(days)-1] {
		days = append(days, to)
	}
	c := NewChain(ds, fonts)
	out := make([]Stop, 0, len(days))
	for _, d := range days {
		snap := ds.At(d)
		out = append(out, Stop{Snap: snap, Pos: c.PositionsOf(snap)})
	}
	return out
}
