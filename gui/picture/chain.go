package picture

import (
	"sort"
	"sync"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/layout"
	"github.com/echoes-viz/echoes/gui/render"
)

// ChainLimit is the most actors a dataset may have for its layout to be
// chained along the timeline; a bigger one is laid out cold at each date,
// as a chain of its stops would take minutes.
const ChainLimit = 2000

// Chain is a dataset laid out along its timeline: cold at the first day,
// then at each event day warm from the day before, as a class steps
// through it. The positions at a date are then the same whoever asks and
// whichever dates they saw first, so the window and an export of that
// date draw one picture, and nodes that nothing moved stay put from one
// event to the next. It is safe for concurrent use; stops are laid out
// once, when first asked for.
type Chain struct {
	ds    *graphmodel.Dataset
	fonts *render.Fonts

	mu   sync.Mutex
	days []graphmodel.Day  // the first day, then every later event day
	nets []*layout.Network // settled at days[i]; as far as asked
}

// NewChain returns the chain of ds; nothing is laid out yet.
func NewChain(ds *graphmodel.Dataset, fonts *render.Fonts) *Chain {
	fonts.CheckNames(ds) // say once which names lack a font, whatever draws them
	c := &Chain{ds: ds, fonts: fonts, days: []graphmodel.Day{ds.First()}}
	for _, e := range ds.Events {
		if d := e.Day(); d > c.days[len(c.days)-1] && d <= ds.Last() {
			c.days = append(c.days, d)
		}
	}
	return c
}

// Chained reports whether the dataset is small enough to be chained.
func (c *Chain) Chained() bool { return len(c.ds.Actors) <= ChainLimit }

// Network returns a layout of its own, settled at day: the chain's stop
// at the last stop day on or before day, moved on to day. For a dataset
// over ChainLimit it is a cold layout at day.
func (c *Chain) Network(day graphmodel.Day) *layout.Network { return c.network(day, nil) }

// network is Network with the snapshot of day when the caller has it
// (nil: taken when needed): a snapshot of a million relations is worth
// making once.
func (c *Chain) network(day graphmodel.Day, s *graphmodel.Snapshot) *layout.Network {
	at := func() *graphmodel.Snapshot {
		if s == nil {
			s = c.ds.At(day)
		}
		return s
	}
	if !c.Chained() {
		n := NewNetwork(c.ds, c.fonts)
		Settle(n, at())
		return n
	}
	i := sort.Search(len(c.days), func(i int) bool { return c.days[i] > day }) - 1
	n := c.stop(max(i, 0)).Clone()
	if i < 0 || c.days[i] != day {
		Settle(n, at())
	}
	return n
}

// Positions are the positions of the dataset at day.
func (c *Chain) Positions(day graphmodel.Day) map[string][2]float64 {
	return c.network(day, nil).Positions()
}

// PositionsOf is Positions at the snapshot's day, for a caller that has
// the snapshot already.
func (c *Chain) PositionsOf(s *graphmodel.Snapshot) map[string][2]float64 {
	return c.network(s.Day, s).Positions()
}

// stop returns the network settled at days[i], laying out the stops up to
// it that are not yet.
func (c *Chain) stop(i int) *layout.Network {
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.nets) <= i {
		k := len(c.nets)
		var n *layout.Network
		if k == 0 {
			n = NewNetwork(c.ds, c.fonts)
		} else {
			n = c.nets[k-1].Clone()
		}
		Settle(n, c.ds.At(c.days[k]))
		c.nets = append(c.nets, n)
	}
	return c.nets[i]
}
