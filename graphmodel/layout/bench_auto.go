package layout

import "time"

// benchAuto runs the schedule the app uses for a big network until it is
// at rest: the multilevel layout of BigLayoutConfig, whatever the graph's
// size (the app uses it from MultilevelMin actors). It returns the
// positions, the ticks run, and the load and layout times.
func benchAuto(g *benchGraph, t0 time.Time) (pos [][2]float64, ticks int, load, total time.Duration) {
	m := NewMultilevel(len(g.ids), g.links, BigLayoutConfig(0))
	load = time.Since(t0)
	t1 := time.Now()
	for m.Tick() {
	}
	total = time.Since(t1)
	pos = make([][2]float64, len(g.ids))
	m.Positions(pos)
	return pos, m.Ticks(), load, total
}
