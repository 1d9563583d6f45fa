package render

import (
	"math"
)

func (b *Built) addNodes(f Frame, p *edgePlan, th *Theme, sc float64, dim func(string) float64, reserved []box, fonts *Fonts) {
	r := b.View.NodeRadius
	b.labels = grow(b.labels, len(f.Actors))
	labels := b.labels
	for i, a := range f.Actors {
		labels[i] = Text{}
		if !b.has[i] {
			continue
		}
		q := b.px[i]
		fill := th.MutedText
		if c, ok := ParseColor(a.Color); ok {
			fill = c
		}
		op := a.Opacity * dim(a.ID)
		b.Nodes = append(b.Nodes, NodeShape{ID: a.ID, X: q[0], Y: q[1], R: r, Fill: fill,
			Stroke: th.NodeStroke, StrokeWidth: math.Min(2.5*sc, r/3), Opacity: op, Pinned: f.Pinned[a.ID]})
		labels[i] = Text{Of: a.ID, X: q[0], Y: q[1] + r + th.LabelSize*sc*1.05, S: a.Short,
			Size: th.LabelSize * sc, Bold: true, Color: th.Text, Halo: th.Background, Align: Center, Opacity: op}
	}
	if len(f.Actors) <= 60 {
		b.placeLabels(labels, p, th, sc, r, reserved, fonts)
		return
	}
	// Level of detail: label the best-connected nodes first and skip a
	// label that would overlap one already placed or fall outside.
	cell := th.LabelSize * sc * 2
	cols, rows := int(b.Width/cell)+1, int(b.Height/cell)+1
	grid := make([][][4]float64, cols*rows)
	cellsOf := func(bx [4]float64, visit func(c int) bool) bool {
		for gx := int(bx[0] / cell); gx <= int(bx[2]/cell) && gx < cols; gx++ {
			for gy := int(bx[1] / cell); gy <= int(bx[3]/cell) && gy < rows; gy++ {
				if visit(gy*cols + gx) {
					return true
				}
			}
		}
		return false
	}
	for _, i := range p.byDegree {
		t := labels[i]
		if t.S == "" {
			continue
		}
		hw := float64(len(t.S)) * t.Size * 0.3
		bx := [4]float64{t.X - hw, t.Y - t.Size, t.X + hw, t.Y + t.Size*0.3} // descenders too
		if bx[0] < 0 || bx[1] < 0 || bx[2] > b.Width || bx[3] > b.Height {
			continue
		}
		// Room around each label, so a crowd of them stays readable.
		pad := t.Size * 0.6
		bx = [4]float64{bx[0] - pad, bx[1] - pad, bx[2] + pad, bx[3] + pad}
		if cellsOf(bx, func(c int) bool {
			for _, o := range grid[c] {
				if bx[0] < o[2] && o[0] < bx[2] && bx[1] < o[3] && o[1] < bx[3] {
					return true
				}
			}
			return false
		}) {
			continue
		}
		cellsOf(bx, func(c int) bool { grid[c] = append(grid[c], bx); return false })
		b.Texts = append(b.Texts, t)
	}
}

// placeLabels names every actor of a small network where its name covers
// no other name, disc or panel (see placeLabel), best-connected first, and
// draws a leader line to a name set further out. A name with no free spot
// anywhere is left out rather than drawn over another.
func (b *Built) placeLabels(labels []Text, p *edgePlan, th *Theme, sc, r float64, reserved []box, fonts *Fonts) {
	pad := 3 * sc
	discs := make([]box, 0, len(b.Nodes))
	for _, n := range b.Nodes {
		discs = append(discs, box{n.X - n.R - pad, n.Y - n.R - pad, n.X + n.R + pad, n.Y + n.R + pad})
	}
	bounds := box{2 * sc, 2 * sc, b.Width - 2*sc, b.Height - 2*sc}
	var placed []box
	for _, i := range p.byDegree {
		t := labels[i]
		if t.S == "" {
			continue
		}
		q := b.px[i]
		w := fonts.Width(t.S, t.Size, t.Bold)
		taken := func(c box) bool {
			for _, o := range placed {
				if c.overlaps(o) {
					return true
				}
			}
			for k, o := range discs {
				if c.overlaps(o) && !(b.Nodes[k].X == q[0] && b.Nodes[k].Y == q[1]) {
					return true
				}
			}
			for _, o := range reserved {
				if c.overlaps(o) {
					return true
				}
			}
			return false
		}
		x, y, bx, leader, ok := placeLabel(q[0], q[1], r+pad, w, t.Size, bounds, taken)
		if !ok {
			continue
		}
		t.X, t.Y = x, y
		b.Texts = append(b.Texts, t)
		placed = append(placed, bx)
		if leader {
			// From the rim toward the label's nearest point.
			lx := math.Max(bx[0], math.Min(q[0], bx[2]))
			ly := math.Max(bx[1], math.Min(q[1], bx[3]))
			d := math.Hypot(lx-q[0], ly-q[1])
			if d > r {
				from := [2]float64{q[0] + (lx-q[0])/d*r, q[1] + (ly-q[1])/d*r}
				b.Edges = append(b.Edges, EdgeShape{Mark: MarkLeader, From: from, To: [2]float64{lx, ly},
					Style: Style{Color: th.MutedText, Width: 1.2 * sc}, Opacity: t.Opacity})
			}
		}
	}
}
