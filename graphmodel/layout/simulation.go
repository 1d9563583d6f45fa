// Package layout is Echoes' force-directed layout: a small simulation core
// with a cooling schedule in the manner of d3-force (Bostock,
// https://github.com/d3/d3-force), whose alpha plays the part of the
// temperature of Fruchterman & Reingold (1991, "Graph drawing by
// force-directed placement"), and pluggable forces: many-body repulsion by
// Barnes–Hut, link springs, collision, centering and soft anchors. Network
// adapts it to graphmodel snapshots.
//
// Results are deterministic: each force computes every node's contribution
// from positions read before the force runs (Jacobi style), so neither the
// order nor the goroutine in which nodes are processed can change a bit, and
// products are rounded before they are added (float64(a*b) + c) so that
// compilers that fuse multiply-adds (arm64, amd64 v3) give the same numbers.
package layout

import (
	"math"
	"runtime"
)

// Node is one body of the simulation.
type Node struct {
	X, Y, VX, VY float64
	// Pinned nodes stay at (FX, FY) and get zero velocity.
	Pinned bool
	FX, FY float64
	// Radius is the collision radius, used by Collide.
	Radius float64
}

// Force moves nodes by changing their velocities (Center moves positions, as
// d3's does).
type Force interface {
	// Init is called when the node set or links change.
	Init(nodes []Node)
	// Apply adds to velocities for one tick at the given alpha.
	Apply(nodes []Node, alpha float64)
}

// Config is the cooling schedule and the parallelism of a Simulation. Zero
// fields take the defaults given, which are d3-force's.
type Config struct {
	// Alpha is the starting temperature; 0 means 1.
	Alpha float64
	// AlphaMin is the temperature under which the simulation counts as
	// settled; 0 means 0.001.
	AlphaMin float64
	// AlphaDecay is the share of the way to AlphaTarget that alpha moves each
	// tick; 0 means 1 - AlphaMin^(1/300), which settles in 300 ticks.
	AlphaDecay float64
	// AlphaTarget is the temperature alpha cools toward.
	AlphaTarget float64
	// VelocityDecay is the share of velocity lost each tick (friction);
	// 0 means 0.4.
	VelocityDecay float64
	// Workers is how many goroutines compute forces on large graphs;
	// 0 means GOMAXPROCS. The result does not depend on it.
	Workers int
}

// withDefaults fills the zero fields.
func (c Config) withDefaults() Config {
	if c.Alpha == 0 {
		c.Alpha = 1
	}
	if c.AlphaMin == 0 {
		c.AlphaMin = 0.001
	}
	if c.AlphaDecay == 0 {
		c.AlphaDecay = 1 - math.Pow(c.AlphaMin, 1.0/300)
		if c.AlphaMin == 0.001 {
			// The same value as a literal, free of math.Pow's last bit.
			c.AlphaDecay = 0.02276277904418933
		}
	}
	if c.VelocityDecay == 0 {
		c.VelocityDecay = 0.4
	}
	c.Workers = workerCount(c.Workers)
	return c
}

// Simulation owns the nodes and the cooling schedule and applies its forces
// each tick. It is not safe for concurrent use; Network adds the locking.
type Simulation struct {
	nodes  []Node
	cfg    Config
	alpha  float64
	forces []Force
	pool   *workers
	move   job // the position update, reused every tick
}

// NewSimulation takes ownership of nodes and initialises the forces on them.
func NewSimulation(nodes []Node, cfg Config, forces ...Force) *Simulation {
	cfg = cfg.withDefaults()
	s := &Simulation{nodes: nodes, cfg: cfg, alpha: cfg.Alpha, forces: forces}
	if cfg.Workers > 1 && len(nodes) >= parallelMin {
		s.pool = newWorkers(cfg.Workers)
		// The goroutines reference only the pool, so s can be collected;
		// then they are stopped.
		runtime.AddCleanup(s, func(w *workers) { w.stop() }, s.pool)
	}
	s.move.fn = s.moveRange
	for i := range nodes {
		if nodes[i].Pinned {
			nodes[i].X, nodes[i].Y = nodes[i].FX, nodes[i].FY
		}
	}
	for _, f := range forces {
		if p, ok := f.(parallelForce); ok {
			p.setWorkers(s.pool)
		}
		f.Init(nodes)
	}
	return s
}

// Nodes returns the simulation's own slice. Between ticks callers may read
// it and change positions, velocities and radii, but not its length.
func (s *Simulation) Nodes() []Node { return s.nodes }

// Config returns the configuration in use, defaults filled in.
func (s *Simulation) Config() Config { return s.cfg }

// Tick advances one step: cool alpha, apply every force, then let velocities
// decay and move the nodes. It does not allocate.
func (s *Simulation) Tick() {
	s.alpha += float64((s.cfg.AlphaTarget - s.alpha) * s.cfg.AlphaDecay)
	for _, f := range s.forces {
		f.Apply(s.nodes, s.alpha)
	}
	runSerial(&s.move, len(s.nodes)) // light: not worth a hand-off
}

// moveRange integrates nodes [lo, hi).
func (s *Simulation) moveRange(lo, hi int) {
	keep := 1 - s.cfg.VelocityDecay
	nodes := s.nodes[lo:hi]
	for i := range nodes {
		n := &nodes[i]
		if n.Pinned {
			n.X, n.Y, n.VX, n.VY = n.FX, n.FY, 0, 0
			continue
		}
		n.VX = float64(n.VX * keep)
		n.VY = float64(n.VY * keep)
		n.X += n.VX
		n.Y += n.VY
	}
}

// Alpha returns the current temperature.
func (s *Simulation) Alpha() float64 { return s.alpha }

// SetAlpha sets the temperature, e.g. to reheat after a change.
func (s *Simulation) SetAlpha(a float64) { s.alpha = a }

// Settled reports whether alpha has fallen below AlphaMin.
func (s *Simulation) Settled() bool { return s.alpha < s.cfg.AlphaMin }

// Pin fixes node i at (x, y) until Unpin.
func (s *Simulation) Pin(i int, x, y float64) {
	n := &s.nodes[i]
	n.Pinned, n.FX, n.FY = true, x, y
	n.X, n.Y, n.VX, n.VY = x, y, 0, 0
}

// Unpin returns node i to the forces, starting from where it was pinned.
func (s *Simulation) Unpin(i int) { s.nodes[i].Pinned = false }
