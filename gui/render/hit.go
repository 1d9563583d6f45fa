package render

import "math"

// TargetKind says what a hit test found.
type TargetKind int

// The kinds of hit target.
const (
	NoTarget TargetKind = iota
	ActorTarget
	RelationTarget
)

// Target is what lies under a point of the picture: an actor, a relation
// (for a bundle, the line's firmest member), or nothing.
type Target struct {
	Kind TargetKind
	ID   string
}

// TargetAt returns the topmost actor at pixel (x, y), else the nearest
// relation line, else no target.
func (b *Built) TargetAt(x, y float64) Target {
	if id := b.NodeAt(x, y); id != "" {
		return Target{Kind: ActorTarget, ID: id}
	}
	if id := b.EdgeAt(x, y); id != "" {
		return Target{Kind: RelationTarget, ID: id}
	}
	return Target{}
}

// NodeAt returns the id of the topmost node under pixel (x, y), or "".
func (b *Built) NodeAt(x, y float64) string {
	for i := len(b.Nodes) - 1; i >= 0; i-- {
		n := b.Nodes[i]
		if n.Opacity > 0.3 && math.Hypot(x-n.X, y-n.Y) <= n.R+4 {
			return n.ID
		}
	}
	return ""
}

// EdgeAt returns the relation id of the edge nearest pixel (x, y) within a
// few pixels, or "".
func (b *Built) EdgeAt(x, y float64) string {
	best, id := math.Inf(1), ""
	for _, e := range b.Edges {
		if e.Opacity < 0.15 || e.Mark != MarkRelation {
			continue
		}
		d := segDist(x, y, e.From, e.To)
		if d <= math.Max(5, e.Style.Width/2+3) && d < best {
			best, id = d, e.RelationID
		}
	}
	return id
}

func segDist(x, y float64, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l2 := dx*dx + dy*dy
	t := 0.0
	if l2 > 0 {
		t = math.Max(0, math.Min(1, ((x-a[0])*dx+(y-a[1])*dy)/l2))
	}
	return math.Hypot(x-(a[0]+t*dx), y-(a[1]+t*dy))
}
