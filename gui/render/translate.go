package render

// Merge draws other on top of s, shifted by (dx, dy): how side-by-side
// pictures are made from two scenes.
func (s *Scene) Merge(other Scene, dx, dy float64) {
	mv := func(p [2]float64) [2]float64 { return [2]float64{p[0] + dx, p[1] + dy} }
	for _, a := range other.Areas {
		pts := make([][2]float64, len(a.Points))
		for i, p := range a.Points {
			pts[i] = mv(p)
		}
		a.Points = pts
		s.Areas = append(s.Areas, a)
	}
	moveEdges := func(es []EdgeShape) []EdgeShape {
		out := make([]EdgeShape, len(es))
		for i, e := range es {
			e.From, e.To = mv(e.From), mv(e.To)
			out[i] = e
		}
		return out
	}
	s.Edges = append(s.Edges, moveEdges(other.Edges)...)
	s.PanelLines = append(s.PanelLines, moveEdges(other.PanelLines)...)
	for _, n := range other.Nodes {
		n.X, n.Y = n.X+dx, n.Y+dy
		s.Nodes = append(s.Nodes, n)
	}
	moveTexts := func(ts []Text) []Text {
		out := make([]Text, len(ts))
		for i, t := range ts {
			t.X, t.Y = t.X+dx, t.Y+dy
			out[i] = t
		}
		return out
	}
	s.Texts = append(s.Texts, moveTexts(other.Texts)...)
	s.PanelTexts = append(s.PanelTexts, moveTexts(other.PanelTexts)...)
	for _, p := range other.Panels {
		p.X, p.Y = p.X+dx, p.Y+dy
		s.Panels = append(s.Panels, p)
	}
}
