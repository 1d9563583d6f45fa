package graphmodel

import (
	"sort"

	"github.com/dominikbraun/graph"
)

// Tie is a relation as it stands on a snapshot's day.
type Tie struct {
	*Relation
	Status Status
}

// Edge holds every tie between one pair of actors; A < B. Directed ties keep
// their direction in the relation's Actors.
type Edge struct {
	A, B string
	Ties []Tie // sorted by kind rank, then id
}

// Snapshot is the network on one day.
type Snapshot struct {
	Day     Day
	Dataset *Dataset
	// Graph has the present actors as vertices and one edge per related
	// pair, whose EdgeData is the *Edge with every tie between them.
	Graph     graph.Graph[string, *Actor]
	Actors    []*Actor // present actors, sorted by ID
	Edges     []*Edge  // sorted by A, then B
	Groupings []*Grouping
	Triangles []Triangle

	ties map[string]Tie
}

// Tie returns the relation id's tie on this day, if it is in the snapshot.
func (s *Snapshot) Tie(id string) (Tie, bool) {
	t, ok := s.ties[id]
	return t, ok
}

// Ties returns every tie in the snapshot, sorted by relation id.
func (s *Snapshot) Ties() []Tie {
	out := make([]Tie, 0, len(s.ties))
	for _, t := range s.ties {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// TiesOf returns the ties that involve actor id, sorted by relation id.
func (s *Snapshot) TiesOf(id string) []Tie {
	var out []Tie
	for _, t := range s.Ties() {
		for _, a := range t.Actors {
			if a == id {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// Edge returns the edge between a and b in either order, or nil.
func (s *Snapshot) Edge(a, b string) *Edge {
	if a > b {
		a, b = b, a
	}
	i := sort.Search(len(s.Edges), func(i int) bool {
		e := s.Edges[i]
		return e.A > a || (e.A == a && e.B >= b)
	})
	if i < len(s.Edges) && s.Edges[i].A == a && s.Edges[i].B == b {
		return s.Edges[i]
	}
	return nil
}

// StatusAt says where r stands on day, and false when it is not in the
// network then.
func (d *Dataset) StatusAt(r *Relation, day Day) (Status, bool) {
	if !r.Signed.IsZero() && day >= r.Signed.First() && day < r.Start.First() {
		return Signed, true
	}
	if day < r.Start.First() {
		return 0, false
	}
	if r.End.IsZero() || day <= r.End.Last() {
		return InForce, true
	}
	if r.Kind.Momentary() && d.MemoryMonths > 0 {
		until := Day(r.End.Last().Time().AddDate(0, d.MemoryMonths, 0).Unix() / 86400)
		if day <= until {
			return Recent, true
		}
	}
	return 0, false
}

// At returns the network on day: the actors that exist, every relation
// signed or in force (and momentary ones within the memory window), the
// groupings active then and every triangle.
func (d *Dataset) At(day Day) *Snapshot {
	s := &Snapshot{
		Day:     day,
		Dataset: d,
		Graph:   graph.New(func(a *Actor) string { return a.ID }),
		ties:    map[string]Tie{},
	}
	exists := map[string]bool{}
	for _, a := range d.Actors {
		if a.Span.Contains(day) {
			exists[a.ID] = true
		}
	}
	edges := map[[2]string]*Edge{}
	used := map[string]bool{}
	for _, r := range d.Relations {
		st, ok := d.StatusAt(r, day)
		if !ok {
			continue
		}
		present := true
		for _, a := range r.Actors {
			present = present && exists[a]
		}
		if !present {
			continue
		}
		t := Tie{Relation: r, Status: st}
		s.ties[r.ID] = t
		for i, a := range r.Actors {
			used[a] = true
			for _, b := range r.Actors[i+1:] {
				k := [2]string{a, b}
				if b < a {
					k = [2]string{b, a}
				}
				e := edges[k]
				if e == nil {
					e = &Edge{A: k[0], B: k[1]}
					edges[k] = e
				}
				e.Ties = append(e.Ties, t)
			}
		}
	}
	for _, a := range d.Actors {
		if exists[a.ID] && (a.Kind != "organisation" || used[a.ID]) {
			s.Actors = append(s.Actors, a)
			_ = s.Graph.AddVertex(a)
		}
	}
	for _, e := range edges {
		sort.Slice(e.Ties, func(i, j int) bool {
			a, b := e.Ties[i], e.Ties[j]
			if a.Kind.Rank() != b.Kind.Rank() {
				return a.Kind.Rank() < b.Kind.Rank()
			}
			return a.ID < b.ID
		})
		s.Edges = append(s.Edges, e)
	}
	sort.Slice(s.Edges, func(i, j int) bool {
		if s.Edges[i].A != s.Edges[j].A {
			return s.Edges[i].A < s.Edges[j].A
		}
		return s.Edges[i].B < s.Edges[j].B
	})
	for _, e := range s.Edges {
		_ = s.Graph.AddEdge(e.A, e.B, graph.EdgeData(e))
	}
	for _, g := range d.Groupings {
		if g.ActiveAt(day) {
			s.Groupings = append(s.Groupings, g)
		}
	}
	s.Triangles = s.findTriangles()
	return s
}
