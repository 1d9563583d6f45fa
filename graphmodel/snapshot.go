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
	// Actors by their place in id order, so a pair is two numbers and the
	// pairs sort as their ids do: no map of a million string pairs.
	order := make([]int, len(d.Actors))
	for i := range order {
		order[i] = i
	}
	if !slices.IsSortedFunc(d.Actors, func(a, b *Actor) int { return strings.Compare(a.ID, b.ID) }) {
		slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(d.Actors[a].ID, d.Actors[b].ID) })
	}
	rank := make(map[string]int32, len(d.Actors))
	exists := make([]bool, len(d.Actors))
	for r, i := range order {
		a := d.Actors[i]
		rank[a.ID] = int32(r)
		exists[r] = a.Span.Contains(day)
	}
	used := make([]bool, len(d.Actors))
	type pairTie struct {
		lo, hi int32
		tie    int // index into s.ties
	}
	var pairs []pairTie
	var at []int32
	for _, r := range d.Relations {
		st, ok := d.StatusAt(r, day)
		if !ok {
			continue
		}
		at = at[:0]
		present := true
		for _, a := range r.Actors {
			k, ok := rank[a]
			present = present && ok && exists[k]
			at = append(at, k)
		}
		if !present {
			continue
		}
		s.ties = append(s.ties, Tie{Relation: r, Status: st})
		for i, a := range at {
			used[a] = true
			for _, b := range at[i+1:] {
				pairs = append(pairs, pairTie{min(a, b), max(a, b), len(s.ties) - 1})
			}
		}
	}
	byID := func(a, b Tie) int { return strings.Compare(a.ID, b.ID) }
	slices.SortFunc(pairs, func(x, y pairTie) int {
		if c := cmp.Compare(x.lo, y.lo); c != 0 {
			return c
		}
		if c := cmp.Compare(x.hi, y.hi); c != 0 {
			return c
		}
		a, b := s.ties[x.tie], s.ties[y.tie]
		if c := cmp.Compare(a.Kind.Rank(), b.Kind.Rank()); c != 0 {
			return c
		}
		return byID(a, b)
	})
	// One array of edges and one of their ties, each edge a piece of it.
	slab := make([]Tie, len(pairs))
	var edges []Edge
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j].lo == pairs[i].lo && pairs[j].hi == pairs[i].hi {
			slab[j] = s.ties[pairs[j].tie]
			j++
		}
		edges = append(edges, Edge{A: d.Actors[order[pairs[i].lo]].ID, B: d.Actors[order[pairs[i].hi]].ID, Ties: slab[i:j:j]})
		i = j
	}
	s.Edges = make([]*Edge, len(edges))
	for i := range edges {
		s.Edges[i] = &edges[i]
	}
	// Relation ids are unique: a sort by id alone is deterministic, and
	// Tie finds one by binary search instead of a map of a million keys.
	if !slices.IsSortedFunc(s.ties, byID) {
		slices.SortFunc(s.ties, byID)
	}
	for r, i := range order {
		a := d.Actors[i]
		if exists[r] && (a.Kind != "organisation" || used[r]) {
			s.Actors = append(s.Actors, a)
		}
	}
	for _, g := range d.Groupings {
		if g.ActiveAt(day) {
			s.Groupings = append(s.Groupings, g)
		}
	}
	return s
}
