package graphmodel

import "sort"

// Triangle is a 3-clique of a snapshot: three actors tied pairwise.
type Triangle struct {
	Members [3]string // sorted
	// Grouping is the declared, active grouping with exactly these members,
	// or nil for a triangle the data does not name.
	Grouping *Grouping
}

// Name is the declared grouping's name, or the members joined by dashes.
func (t Triangle) Name() string {
	if t.Grouping != nil {
		return t.Grouping.Name
	}
	return t.Members[0] + "–" + t.Members[1] + "–" + t.Members[2]
}

// findTriangles lists every 3-clique over the graph's adjacency, in
// member order: for each edge a<b, each c>b adjacent to both.
func (s *Snapshot) findTriangles() []Triangle {
	adj := s.adj
	var out []Triangle
	for _, e := range s.Edges {
		var cs []string
		for c := range adj[e.A] {
			if c > e.B {
				if _, ok := adj[e.B][c]; ok {
					cs = append(cs, c)
				}
			}
		}
		sort.Strings(cs)
		for _, c := range cs {
			t := Triangle{Members: [3]string{e.A, e.B, c}}
			t.Grouping = s.declared(t.Members)
			out = append(out, t)
		}
	}
	return out
}

func (s *Snapshot) declared(m [3]string) *Grouping {
	for _, g := range s.Groupings {
		if len(g.Members) != 3 {
			continue
		}
		gm := append([]string(nil), g.Members...)
		sort.Strings(gm)
		if gm[0] == m[0] && gm[1] == m[1] && gm[2] == m[2] {
			return g
		}
	}
	return nil
}
