package layout

// The layout of big networks (MultilevelMin actors or more): a cold start
// is the multilevel layout; a change of date, a pin or an unpin refines the
// finest level from where the actors are (Multilevel with one level, a
// small first step), so actors that nothing moved stay put; the
// simulation's forces, made for small networks, never tick.

// updateBig starts the layout of a big network after Update: cold is the
// first layout of this network (or the first has not come to rest),
// changed that some actor's ties changed.
func (n *Network) updateBig(cold, changed bool) {
	n.ml = nil
	n.big = len(n.ids) >= MultilevelMin
	if !n.big {
		n.base = nil
		return
	}
	n.sim.alpha = n.sim.cfg.AlphaMin / 2
	n.base = baseLevel(len(n.ids), n.links)
	if cold {
		n.ml = NewMultilevel(len(n.ids), n.links, n.bigConfig())
		n.energy = [2]float64{n.ml.cfg.Attraction, n.ml.cfg.Repulsion}
		return
	}
	if changed {
		n.reheatBig()
	}
}

// bigConfig is the multilevel configuration of this network's cold
// layout, which leaves the energy to the graph.
func (n *Network) bigConfig() MultilevelConfig {
	cfg := BigLayoutConfig(0)
	cfg.Seed = uint64(n.seed)
	return cfg
}

// warmConfig is bigConfig with the energy of the cold layout.
func (n *Network) warmConfig() MultilevelConfig {
	cfg := n.bigConfig()
	cfg.Attraction, cfg.Repulsion = n.energy[0], n.energy[1]
	return cfg
}

// reheatBig refines a big network's finest level from where it is, after
// a change, a pin or an unpin; during a cold layout, pins apply at its end.
// A drag pins a node at every step: the refinement under way, or the last
// one, is restarted rather than built anew.
func (n *Network) reheatBig() {
	if !n.big {
		return
	}
	n.sim.alpha = n.sim.cfg.AlphaMin / 2
	if n.ml != nil && n.ml.Level() > 0 {
		return
	}
	if n.ml == nil {
		if n.warm == nil || n.warm.levels[0] != n.base {
			n.warm = newWarmMultilevel(n.base, make([][2]float64, len(n.sim.nodes)), n.warmConfig())
		}
		n.ml = n.warm
		for i, nd := range n.sim.nodes {
			n.ml.pos[i] = [2]float64{nd.X / bigScale, nd.Y / bigScale}
		}
	}
	n.ml.setPins(n.sim.nodes, bigScale)
	n.ml.rewarm()
}

// stepBig runs the multilevel layout for as much work as one tick of the
// finest level (many ticks of a coarse level), so that a Step of the
// window costs about the same at every level; when it is at rest it hands
// its positions, scaled by bigScale, to the simulation, settled.
func (n *Network) stepBig() {
	for work := 0; work < len(n.ids); {
		work += n.ml.levels[n.ml.cur].n
		if !n.ml.Tick() {
			n.endBig()
			return
		}
	}
}

// endBig hands the positions of a multilevel layout at rest to the
// simulation.
func (n *Network) endBig() {
	ml := n.ml
	n.ml = nil
	n.unfolded = true
	for i := range n.sim.nodes {
		nd := &n.sim.nodes[i]
		nd.VX, nd.VY = 0, 0
		if nd.Pinned {
			nd.X, nd.Y = nd.FX, nd.FY
			continue
		}
		p := ml.pos[i] // the finest level: one node per actor
		nd.X, nd.Y = float64(p[0]*bigScale), float64(p[1]*bigScale)
	}
	n.sim.alpha = n.sim.cfg.AlphaMin / 2
}

// keepRefined hands a refinement of the finest level under way its
// positions so far, so that an Update starts from where the actors are
// shown, not from where they were before it.
func (n *Network) keepRefined() {
	if n.ml == nil || n.ml.Level() > 0 {
		return
	}
	for i := range n.sim.nodes {
		nd := &n.sim.nodes[i]
		if !nd.Pinned {
			p := n.ml.pos[i]
			nd.X, nd.Y = float64(p[0]*bigScale), float64(p[1]*bigScale)
		}
	}
}

// Unfold runs a multilevel layout under way to its end; it does nothing
// otherwise.
func (n *Network) Unfold() {
	for {
		n.mu.Lock()
		if n.ml == nil {
			n.mu.Unlock()
			return
		}
		for range settleChunk {
			if n.ml == nil {
				break
			}
			n.stepBig()
		}
		n.mu.Unlock()
	}
}

// position is node i's position now: during a multilevel layout, the
// place of its group at the level being refined (pos, or the finest
// level's own nodes when pos is nil), as at rest.
func (n *Network) position(i int, pos [][2]float64) [2]float64 {
	switch {
	case n.ml == nil:
		return [2]float64{n.sim.nodes[i].X, n.sim.nodes[i].Y}
	case pos == nil:
		p := n.ml.pos[i]
		return [2]float64{float64(p[0] * bigScale), float64(p[1] * bigScale)}
	}
	return [2]float64{float64(pos[i][0] * bigScale), float64(pos[i][1] * bigScale)}
}

// bigPositions is the multilevel layout's progress on a coarse level, or
// nil on the finest level or when none is under way.
func (n *Network) bigPositions() [][2]float64 {
	if n.ml == nil || n.ml.Level() == 0 {
		return nil
	}
	pos := make([][2]float64, len(n.ids))
	n.ml.Positions(pos)
	return pos
}
