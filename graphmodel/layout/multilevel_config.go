package layout

import "cmp"

// MultilevelConfig tunes a Multilevel layout. Zero fields take the defaults
// given.
type MultilevelConfig struct {
	// Seed decides the coarsening order and the starting positions.
	Seed uint64
	// Workers is how many goroutines compute forces on large levels;
	// 0 means GOMAXPROCS. The result does not depend on it.
	Workers int
	// Theta is the Barnes–Hut accuracy of the repulsion; 0 means 1.
	Theta float64
	// FinestTheta is the Barnes–Hut accuracy on the finest level, where a
	// tick costs most; 0 means 1. A coarser 1.5 saved about a third of
	// that level's time but left grids less even: over 8 seeds of
	// grid-10000 the worst np was 0.67 against 0.72 with 1.
	FinestTheta float64
	// Attraction is the exponent r of the attraction energy d^r/r of
	// Noack's r-PolyLog models (2007, "Energy models for graph
	// clustering"): 1 is LinLog, whose minima separate communities; 2 is
	// a spring of zero rest length, whose layouts keep distances truer to
	// the graph's. When Attraction and Repulsion are both 0 the graph
	// chooses them (withEnergy); when only one is, 0 means 1.
	Attraction float64
	// FineAttraction is the exponent r on the FineLevels finest levels;
	// 0 means Attraction.
	FineAttraction float64
	// FineLevels is how many of the finest levels use FineAttraction.
	FineLevels int
	// Repulsion is the exponent p of the repulsive force 1/d^p; 0 means 2
	// when Attraction is set, else see Attraction.
	// p = 1 is the logarithmic energy of LinLog and of Fruchterman and
	// Reingold's model; Hu (2005) uses p > 1 against its peripheral
	// effect, which crowds the boundary of a grid (in LinLog, as charges
	// on a conductor).
	Repulsion float64
	// Gravity is the pull of every node toward the centre of mass, as a
	// share of the repulsion's scale; 0 means 0.75. It keeps parts that
	// are not connected from drifting apart.
	Gravity float64
	// Tolerance ends a level once the step has cooled under this share of
	// the level's natural length; 0 means 0.02.
	Tolerance float64
	// FirstStep is a finer level's starting step as a share of its natural
	// length; 0 means 1. A long first step lets a node placed in the wrong
	// community by the coarsening cross to its own (0.3 left 4% of the
	// nearest of each node on clustered-50000 in another community, 1
	// leaves 1.4%).
	FirstStep float64
	// CoarseStep is FirstStep on the cheap levels (at most a twentieth of
	// the nodes) and on the level the layout starts from: a long first
	// step there lets a twisted or folded start unwind; 0 means 1.
	CoarseStep float64
	// Interpolation is how far a finer level's node starts from its
	// group's place toward its neighbours' groups' places, from 0 to 1;
	// 0 means 0.5 (use a tiny value for none).
	Interpolation float64
	// MaxTicks bounds the ticks of one level (those of at most a
	// twentieth of the nodes get five times as many); 0 means 20.
	MaxTicks int
	// FinestTicks bounds the ticks of the finest level; 0 means three
	// times MaxTicks.
	FinestTicks int
	// CoarsestSize is how few nodes the coarsening stops at; 0 means 10.
	// The levels under mdsMax nodes only measure the graph's modularity:
	// the layout starts above them.
	CoarsestSize int
}

func (c MultilevelConfig) withDefaults() MultilevelConfig {
	c.Theta = cmp.Or(c.Theta, 1)
	c.Gravity = cmp.Or(c.Gravity, 0.75)
	c.Tolerance = cmp.Or(c.Tolerance, 0.02)
	c.FirstStep = cmp.Or(c.FirstStep, 1)
	c.CoarseStep = cmp.Or(c.CoarseStep, 1)
	c.Interpolation = cmp.Or(c.Interpolation, 0.5)
	c.MaxTicks = cmp.Or(c.MaxTicks, 20)
	c.FinestTheta = cmp.Or(c.FinestTheta, 1)
	c.FinestTicks = cmp.Or(c.FinestTicks, 3*c.MaxTicks)
	c.CoarsestSize = cmp.Or(c.CoarsestSize, 10)
	c.Workers = workerCount(c.Workers)
	return c
}

// withEnergy fills in the energy of a graph of n nodes whose coarsening
// found modularity q, unless the configuration sets it:
//
//   - LinLog attraction with 1/d² repulsion (r = 1, p = 2) when the graph
//     falls into communities (q ≥ modularMin) and is big (n ≥ linLogMin):
//     its minima draw the communities apart (Noack 2007), where a spring
//     energy draws one mixed disc (purity10 0.62 on clustered-10000, 0.99
//     with LinLog), and draw a grid evenly to its border;
//   - otherwise Fruchterman and Reingold's energy (1991, "Graph drawing by
//     force-directed placement"; r = 2, p = 1), which sfdp (Hu 2005)
//     uses too: on a graph without communities, or with a few on a
//     thousand nodes, where springs still keep communities together
//     (purity10 0.88 on clustered-1000, 0.83 at 2,000), its distances are
//     truer to the graph's (stress 0.173 on clustered-1000 and 0.181 on
//     ba-10000, against 0.207 and 0.204 with LinLog).
func (c MultilevelConfig) withEnergy(n int, q float64) MultilevelConfig {
	switch {
	case c.Attraction == 0 && c.Repulsion == 0 && q >= modularMin && n >= linLogMin:
		c.Attraction, c.Repulsion = 1, 2
	case c.Attraction == 0 && c.Repulsion == 0:
		c.Attraction, c.Repulsion = 2, 1
	case c.Attraction == 0:
		c.Attraction = 1
	case c.Repulsion == 0:
		c.Repulsion = 2
	}
	return c
}

// modularMin is the modularity from which a graph has communities to draw
// apart: the coarsening finds 0.50 in preferential-attachment and random
// graphs of 1,000 to 10,000 nodes, 0.77–0.80 in the planted partitions of
// the benchmark's clustered graphs and 0.89–0.93 in grids.
const modularMin = 0.65

// linLogMin is the node count from which a graph with communities gets
// the LinLog energy: below it springs keep most of each node's nearest in
// its community (see withEnergy).
const linLogMin = 1500

// isolatedGravity multiplies the gravity on a node without edges: with
// 1/d² repulsion it then rests about √isolatedGravity times nearer.
const isolatedGravity = 25

// BigLayoutConfig is the multilevel configuration the app and layout-bench
// use for big networks.
func BigLayoutConfig(workers int) MultilevelConfig {
	return MultilevelConfig{Seed: 1950, Workers: workers}
}
