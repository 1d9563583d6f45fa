package layout

import (
	"hash/fnv"
	"maps"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"

	"github.com/echoes-viz/echoes/graphmodel"
)

// The Network's force settings, in layout units (tied actors ~100 apart).
const (
	defaultRadius  = 30   // collision radius of a node and its label
	charge         = -300 // many-body strength: d3's -30 scaled to 100-unit links
	theta          = 0.9  // Barnes–Hut accuracy, as d3
	collidePadding = 8
	anchorStrength = 0.3 // pull toward the map place, relative to alpha
	// gravityStrength pulls an actor with no map place toward the centre,
	// as d3's forceX/forceY: without it, an actor with no ties (common in
	// imported files) drifts away for ever and the fit shrinks the rest of
	// the network to a dot.
	gravityStrength = 0.02
	// Reheating after an update: a base for any change plus a share for the
	// fraction of actors whose ties changed. A drag reheats to dragAlpha.
	reheatBase  = 0.05
	reheatShare = 0.5
	dragAlpha   = 0.1
	// MultilevelMin is the number of actors from which a cold layout is
	// the multilevel one (Multilevel), which shows the structure of big
	// networks: below it the single-level forces find it on their own.
	MultilevelMin = 1000
	// bigScale turns multilevel layout units, in which the mean edge is
	// about 1 long (1 to 3 with communities), into layout units.
	bigScale = 60
	// settleChunk is how many ticks Settle runs per lock, so a window can
	// read positions while a background goroutine settles.
	settleChunk = 16
)

// Network lays out graphmodel snapshots. Update moves it to a new date with
// a warm start; Step and Settle advance it; Positions hands the result out.
// All methods are safe for concurrent use: a background goroutine can step
// the layout while the window reads positions and pins nodes.
type Network struct {
	// LabelWidth, when set, gives the width in layout units of an actor's
	// node with its label; the collision radius is half of it. It is read by
	// Update. SetRadius overrides it per actor.
	LabelWidth func(id string) float64

	mu   sync.Mutex
	seed int64
	sim  *Simulation
	// A network of MultilevelMin actors or more is big: its layout is the
	// multilevel one (network_big.go), and sim only holds its positions.
	// base is its graph; ml, while set, a layout under way: Step ticks it,
	// Positions shows its progress, coarse to fine, and at rest its
	// positions become the simulation's.
	big  bool
	base *level
	ml   *Multilevel
	// unfolded is set once a cold multilevel layout has come to rest.
	unfolded bool
	// warm is the last refinement of a big network, kept for the next.
	warm *Multilevel
	// energy is the attraction and repulsion exponents its cold layout
	// chose from the graph; refinements keep them.
	energy [2]float64
	ids    []string       // present actors, sorted
	index  map[string]int // id -> node index
	ties   map[string]string
	last   map[string][2]float64 // last position of every actor laid out
	pins   map[string][2]float64
	radius map[string]float64

	// What the forces are built from, kept for Clone.
	links    []Link
	targets  [][2]float64
	strength []float64
}

// NewNetwork returns an empty network; seed decides where new actors start.
func NewNetwork(seed int64) *Network {
	return &Network{
		seed:   seed,
		index:  map[string]int{},
		ties:   map[string]string{},
		last:   map[string][2]float64{},
		pins:   map[string][2]float64{},
		radius: map[string]float64{},
	}
}

// Update moves the layout to snapshot s. Actors kept keep their positions
// and velocities; a returning actor starts where it was last; a new one
// starts between its tied neighbours and its map place (or at its place),
// offset by a seeded jitter; removed ones are dropped. The links are rebuilt
// from the relation kinds, and alpha is raised only as much as the share of
// actors whose ties changed asks.
func (n *Network) Update(s *graphmodel.Snapshot) {
	n.mu.Lock()
	defer n.mu.Unlock()

	n.keepRefined()
	old := map[string]Node{}
	for i, id := range n.ids {
		nd := n.sim.nodes[i]
		old[id] = nd
		n.last[id] = [2]float64{nd.X, nd.Y}
	}

	ids := make([]string, len(s.Actors))
	index := make(map[string]int, len(ids))
	for i, a := range s.Actors {
		ids[i] = a.ID
		index[a.ID] = i
	}
	links, ties := snapshotLinks(s, index)
	targets := make([][2]float64, len(ids))
	strength := make([]float64, len(ids))
	for i, a := range s.Actors {
		if a.Anchor != [2]float64{} { // (0, 0) means no place given
			targets[i], strength[i] = project(a.Anchor), anchorStrength
		} else {
			strength[i] = gravityStrength // toward the map centre, (0, 0)
		}
	}

	// Place the nodes: kept ones first, so that new ones can start near them.
	nodes := make([]Node, len(ids))
	placed := make([]bool, len(ids))
	changed := 0
	for i, id := range ids {
		if nd, ok := old[id]; ok {
			nodes[i], placed[i] = nd, true
			if n.ties[id] != ties[id] {
				changed++
			}
		} else {
			changed++
		}
	}
	neighbours := make([][]int, len(ids))
	for _, l := range links {
		neighbours[l.Source] = append(neighbours[l.Source], l.Target)
		neighbours[l.Target] = append(neighbours[l.Target], l.Source)
	}
	for i, id := range ids {
		if placed[i] {
			continue
		}
		nodes[i] = Node{}
		nodes[i].X, nodes[i].Y = n.start(id, nodes, placed, neighbours[i], targets[i], strength[i] == anchorStrength)
	}
	for i, id := range ids {
		nodes[i].Radius = n.radiusOf(id)
		if p, ok := n.pins[id]; ok {
			nodes[i].Pinned, nodes[i].FX, nodes[i].FY = true, p[0], p[1]
		}
	}
	for id := range n.index {
		if _, ok := index[id]; !ok {
			changed++ // a removal changes its neighbours too, but count it once
		}
	}

	alpha := 1.0
	if n.sim != nil {
		alpha = n.sim.alpha
		if changed > 0 {
			alpha = max(alpha, min(1, reheatBase+reheatShare*float64(changed)/float64(max(len(ids), 1))))
		}
	}
	n.ids, n.index, n.ties = ids, index, ties
	n.links, n.targets, n.strength = links, targets, strength
	n.sim = n.newSim(nodes)
	n.sim.alpha = alpha
	n.updateBig(len(old) == 0 || !n.unfolded, changed > 0)
}

// start picks a new actor's first position.
func (n *Network) start(id string, nodes []Node, placed []bool, neighbours []int, target [2]float64, anchored bool) (x, y float64) {
	// A jitter in a 40-unit square; no trigonometry, whose last bits could
	// differ between platforms.
	r := rand.New(rand.NewPCG(uint64(n.seed), idHash(id)))
	jx, jy := float64(r.Float64()*40)-20, float64(r.Float64()*40)-20
	if p, ok := n.last[id]; ok {
		return p[0] + float64(jx/4), p[1] + float64(jy/4)
	}
	var sx, sy, m float64
	for _, j := range neighbours {
		if placed[j] {
			sx += nodes[j].X
			sy += nodes[j].Y
			m++
		}
	}
	switch {
	case m > 0 && anchored:
		return (sx/m+target[0])/2 + jx, (sy/m+target[1])/2 + jy
	case m > 0:
		return sx/m + jx, sy/m + jy
	case anchored:
		return target[0] + jx, target[1] + jy
	}
	// Nothing to go by: near the middle of what is there.
	for j := range nodes {
		if placed[j] {
			sx += nodes[j].X
			sy += nodes[j].Y
			m++
		}
	}
	if m > 0 {
		sx, sy = sx/m, sy/m
	}
	return sx + float64(3*jx), sy + float64(3*jy)
}

// idHash seeds an actor's own random stream, so where it starts does not
// depend on which other actors came before it.
func idHash(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}

// snapshotLinks turns the snapshot's edges into links and gives every actor
// a signature of its ties, to tell which actors' relations changed.
func snapshotLinks(s *graphmodel.Snapshot, index map[string]int) ([]Link, map[string]string) {
	deg := make([]float64, len(index))
	var links []Link
	sig := map[string][]string{}
	for _, e := range s.Edges {
		a, okA := index[e.A]
		b, okB := index[e.B]
		if !okA || !okB {
			continue
		}
		d, st := edgeSpring(e)
		links = append(links, Link{Source: a, Target: b, Distance: d, Strength: st})
		deg[a]++
		deg[b]++
		var kinds []string
		for _, t := range e.Ties {
			kinds = append(kinds, t.ID+"/"+t.Status.String())
		}
		k := strings.Join(kinds, ",")
		sig[e.A] = append(sig[e.A], e.B+":"+k)
		sig[e.B] = append(sig[e.B], e.A+":"+k)
	}
	// As d3's default, divide by the smaller degree so hubs stay stable.
	for i := range links {
		links[i].Strength /= min(deg[links[i].Source], deg[links[i].Target])
	}
	ties := make(map[string]string, len(sig))
	for id, list := range sig {
		sort.Strings(list)
		ties[id] = strings.Join(list, ";")
	}
	return links, ties
}

// newSim builds the simulation and its forces over nodes.
func (n *Network) newSim(nodes []Node) *Simulation {
	collide := NewCollide(collidePadding)
	collide.Iterations = 2
	return NewSimulation(nodes, Config{},
		NewManyBody(charge, theta),
		NewLinks(n.links),
		NewAnchor(n.targets, n.strength),
		collide,
	)
}

// radiusOf is the collision radius for id.
func (n *Network) radiusOf(id string) float64 {
	if r, ok := n.radius[id]; ok && r > 0 {
		return r
	}
	if n.LabelWidth != nil {
		if w := n.LabelWidth(id); w > 0 {
			return w / 2
		}
	}
	return defaultRadius
}

// SetRadius sets id's collision radius (its node and label), overriding
// LabelWidth; r <= 0 returns to the default.
func (n *Network) SetRadius(id string, r float64) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if r > 0 {
		n.radius[id] = r
	} else {
		delete(n.radius, id)
	}
	if i, ok := n.index[id]; ok {
		n.sim.nodes[i].Radius = n.radiusOf(id)
	}
}

// Step advances up to ticks ticks, stopping early once settled, and reports
// whether the layout is still moving.
func (n *Network) Step(ticks int) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.sim == nil {
		return false
	}
	for i := 0; i < ticks && (n.ml != nil || !n.sim.Settled()); i++ {
		if n.ml != nil {
			n.stepBig()
			continue
		}
		n.sim.Tick()
	}
	return n.ml != nil || !n.sim.Settled()
}

// Settle steps until the layout settles or maxTicks have run; a cold
// multilevel layout under way first runs to its end, whatever maxTicks. It
// takes the lock for a few ticks at a time, so readers are not kept
// waiting.
func (n *Network) Settle(maxTicks int) {
	n.Unfold()
	for maxTicks > 0 {
		c := min(maxTicks, settleChunk)
		if !n.Step(c) {
			return
		}
		maxTicks -= c
	}
}

// Positions returns a copy of every present actor's position.
func (n *Network) Positions() map[string][2]float64 {
	n.mu.Lock()
	defer n.mu.Unlock()
	out := make(map[string][2]float64, len(n.ids))
	pos := n.bigPositions()
	for i, id := range n.ids {
		out[id] = n.position(i, pos)
	}
	return out
}

// Position returns id's position, and false if id is not present.
func (n *Network) Position(id string) ([2]float64, bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	i, ok := n.index[id]
	if !ok {
		return [2]float64{}, false
	}
	if n.ml != nil {
		return n.position(i, n.bigPositions()), true
	}
	return [2]float64{n.sim.nodes[i].X, n.sim.nodes[i].Y}, true
}

// Pin fixes id at (x, y), across updates, until Unpin; the others adjust.
// An actor not present now is pinned when it appears.
func (n *Network) Pin(id string, x, y float64) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.pins[id] = [2]float64{x, y}
	if i, ok := n.index[id]; ok {
		n.sim.Pin(i, x, y)
		n.sim.alpha = max(n.sim.alpha, dragAlpha)
		n.reheatBig()
	}
}

// Unpin returns id to the forces.
func (n *Network) Unpin(id string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	delete(n.pins, id)
	if i, ok := n.index[id]; ok {
		n.sim.Unpin(i)
		n.sim.alpha = max(n.sim.alpha, dragAlpha)
		n.reheatBig()
	}
}

// Pinned reports whether id is pinned.
func (n *Network) Pinned(id string) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	_, ok := n.pins[id]
	return ok
}

// Moving reports whether the layout has work left: a multilevel layout
// under way, or a simulation not yet settled. A big network's temperature
// (Alpha) says nothing while its multilevel layout runs.
func (n *Network) Moving() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.sim != nil && (n.ml != nil || !n.sim.Settled())
}

// Alpha returns the layout's temperature (0 before the first Update).
func (n *Network) Alpha() float64 {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.sim == nil {
		return 0
	}
	return n.sim.alpha
}

// Clone returns a deep copy that steps on independently, to the same
// positions as the original would.
func (n *Network) Clone() *Network {
	n.mu.Lock()
	defer n.mu.Unlock()
	c := &Network{
		LabelWidth: n.LabelWidth,
		seed:       n.seed,
		ids:        append([]string(nil), n.ids...),
		index:      maps.Clone(n.index),
		ties:       maps.Clone(n.ties),
		last:       maps.Clone(n.last),
		pins:       maps.Clone(n.pins),
		radius:     maps.Clone(n.radius),
		links:      append([]Link(nil), n.links...),
		targets:    append([][2]float64(nil), n.targets...),
		strength:   append([]float64(nil), n.strength...),
	}
	c.big, c.base, c.unfolded, c.energy = n.big, n.base, n.unfolded, n.energy
	if n.ml != nil {
		c.ml = n.ml.clone()
	}
	if n.sim != nil {
		c.sim = c.newSim(append([]Node(nil), n.sim.nodes...))
		c.sim.alpha = n.sim.alpha
	}
	return c
}
