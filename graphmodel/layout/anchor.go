package layout

// Anchor pulls each node softly toward its own target point, as d3-force's
// forceX and forceY together: each tick the velocity gains
// (target - position)·strength·alpha. Echoes uses it to keep every actor
// near its rough place on the map, so the picture stays recognisable.
type Anchor struct {
	targets  [][2]float64
	strength []float64
}

// NewAnchor returns the anchor force; targets[i] and strength[i] belong to
// node i, and a node without them, or with strength 0, is not pulled.
func NewAnchor(targets [][2]float64, strength []float64) *Anchor {
	return &Anchor{targets: append([][2]float64(nil), targets...), strength: append([]float64(nil), strength...)}
}

// Init does nothing: targets are given per node index.
func (a *Anchor) Init(nodes []Node) {}

// Apply pulls each node toward its target.
func (a *Anchor) Apply(nodes []Node, alpha float64) {
	n := min(len(nodes), len(a.targets), len(a.strength))
	for i := range n {
		k := a.strength[i] * alpha
		if k == 0 {
			continue
		}
		nodes[i].VX += float64((a.targets[i][0] - nodes[i].X) * k)
		nodes[i].VY += float64((a.targets[i][1] - nodes[i].Y) * k)
	}
}
