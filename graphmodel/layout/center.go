package layout

// Center moves the free nodes together so that the mean position of all
// nodes is (X, Y), as d3-force's forceCenter: a translation, so it changes
// no distance. Like d3's it moves positions rather than velocities.
type Center struct {
	X, Y float64
	// Strength is the share of the offset removed per tick (default 1).
	Strength float64
}

// NewCenter returns a centering force toward (x, y).
func NewCenter(x, y float64) *Center { return &Center{X: x, Y: y, Strength: 1} }

// Init does nothing: the force keeps no per-node state.
func (c *Center) Init(nodes []Node) {}

// Apply translates the free nodes. The mean is summed in node order on one
// goroutine so it is the same on any machine.
func (c *Center) Apply(nodes []Node, alpha float64) {
	if len(nodes) == 0 {
		return
	}
	var sx, sy float64
	for i := range nodes {
		sx += nodes[i].X
		sy += nodes[i].Y
	}
	n := float64(len(nodes))
	dx, dy := float64((sx/n-c.X)*c.Strength), float64((sy/n-c.Y)*c.Strength)
	for i := range nodes {
		if !nodes[i].Pinned {
			nodes[i].X -= dx
			nodes[i].Y -= dy
		}
	}
}
