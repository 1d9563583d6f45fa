package graphmodel

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"

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

// Snapshot is the network on one day. Its graph (see Graph) is built on
// first use and kept: a date change that only draws never pays for it.
type Snapshot struct {
	Day       Day
	Dataset   *Dataset
	Actors    []*Actor // present actors, sorted by ID
	Edges     []*Edge  // sorted by A, then B
	Groupings []*Grouping

	ties []Tie // sorted by relation id

	graphOnce sync.Once // a snapshot may be read from two goroutines
	graph     graph.Graph[string, *Actor]
	adj       map[string]map[string]graph.Edge[string]
	triangles []Triangle
}

// Graph is the snapshot as a graph: the present actors as vertices and one
// edge per related pair, whose EdgeData is the *Edge with every tie
// between them. It is built on the first call.
func (s *Snapshot) Graph() graph.Graph[string, *Actor] {
	s.graphOnce.Do(s.buildGraph)
	return s.graph
}

func (s *Snapshot) buildGraph() {
	g := graph.New(func(a *Actor) string { return a.ID })
	for _, a := range s.Actors {
		_ = g.AddVertex(a)
	}
	for _, e := range s.Edges {
		_ = g.AddEdge(e.A, e.B, graph.EdgeData(e))
	}
	s.graph = g
	s.adj, _ = g.AdjacencyMap()
	s.triangles = s.findTriangles()
}

// Neighbours lists the actors tied to id on the day, sorted.
func (s *Snapshot) Neighbours(id string) []string {
	s.Graph()
	out := make([]string, 0, len(s.adj[id]))
	for n := range s.adj[id] {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Degree counts the actors tied to id on the day.
func (s *Snapshot) Degree(id string) int {
	s.Graph()
	return len(s.adj[id])
}

// Triangles lists every 3-clique of the day, each with the declared
// grouping it matches, if any.
func (s *Snapshot) Triangles() []Triangle {
	s.Graph()
	return s.triangles
}

// Tie returns the relation id's tie on this day, if it is in the snapshot.
func (s *Snapshot) Tie(id string) (Tie, bool) {
	i, ok := slices.BinarySearchFunc(s.ties, id, func(t Tie, id string) int { return strings.Compare(t.ID, id) })
	if !ok {
		return Tie{}, false
	}
	return s.ties[i], true
}

// Ties returns every tie in the snapshot, sorted by relation id. The
// slice is the snapshot's own: read it, do not change it.
func (s *Snapshot) Ties() []Tie { return s.ties }

// TiesOf returns the ties that involve actor id, sorted by relation id:
// the ties on the graph's edges from id to each neighbour, a tie of three
// or more actors once.
func (s *Snapshot) TiesOf(id string) []Tie {
	s.Graph()
	var out []Tie
	seen := map[string]bool{}
	for _, e := range s.adj[id] {
		for _, t := range e.Properties.Data.(*Edge).Ties {
			if !seen[t.ID] {
				seen[t.ID] = true
				out = append(out, t)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
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
	s := &Snapshot{Day: day, Dataset: d}
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
		s.ties = append(s.ties, t)
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
	// Relation ids are unique: a sort by id alone is deterministic, and
	// Tie finds one by binary search instead of a map of a million keys.
	slices.SortFunc(s.ties, func(a, b Tie) int { return strings.Compare(a.ID, b.ID) })
	for _, a := range d.Actors {
		if exists[a.ID] && (a.Kind != "organisation" || used[a.ID]) {
			s.Actors = append(s.Actors, a)
		}
	}
	s.Edges = make([]*Edge, 0, len(edges))
	for _, e := range edges {
		if len(e.Ties) > 1 {
			slices.SortFunc(e.Ties, func(a, b Tie) int {
				if c := cmp.Compare(a.Kind.Rank(), b.Kind.Rank()); c != 0 {
					return c
				}
				return strings.Compare(a.ID, b.ID)
			})
		}
		s.Edges = append(s.Edges, e)
	}
	slices.SortFunc(s.Edges, func(x, y *Edge) int {
		if c := strings.Compare(x.A, y.A); c != 0 {
			return c
		}
		return strings.Compare(x.B, y.B)
	})
	for _, g := range d.Groupings {
		if g.ActiveAt(day) {
			s.Groupings = append(s.Groupings, g)
		}
	}
	return s
}
