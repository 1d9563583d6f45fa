// Package graphmodel holds Echoes' data: actors, the relations between them,
// groupings and the events of the timeline, with At (the network on a day),
// Diff (what changed between two days) and triangle detection.
// It knows nothing of drawing or windows.
package graphmodel

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Dataset is a whole timeline of actors and relations. Build it with Parse or
// Load, which validate it; the slices are sorted by id and must not be
// changed afterwards.
type Dataset struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Range       Span   `json:"range"`
	// MemoryMonths is how long a momentary relation (a summit, an exercise)
	// stays in the snapshot after it ends, so the network remembers it.
	MemoryMonths int `json:"memoryMonths,omitempty"`
	// Credit is the line every picture of the dataset carries to say where
	// its data comes from; empty means "Data: " and the title.
	Credit string `json:"credit,omitempty"`
	// Compare is the date that compare mode puts beside the date on show
	// (a bare year means its last day); empty means the first event's day.
	Compare   Date        `json:"compare,omitzero"`
	Sources   []Source    `json:"sources"`
	Actors    []*Actor    `json:"actors"`
	Relations []*Relation `json:"relations"`
	Groupings []*Grouping `json:"groupings,omitempty"`
	Events    []*Event    `json:"events,omitempty"`

	actorByID  map[string]*Actor
	sourceByID map[string]*Source
	// original is the dataset a Localised copy was made from.
	original *Dataset
}

// Span is a stretch of time; an empty End is open (still so at the range's end).
type Span struct {
	Start Date `json:"start"`
	End   Date `json:"end,omitzero"`
}

// Contains reports whether day falls in the span, partial dates taken widely.
func (s Span) Contains(day Day) bool {
	if !s.Start.IsZero() && day < s.Start.First() {
		return false
	}
	return s.End.IsZero() || day <= s.End.Last()
}

// Source is a reference that relations, events and groupings cite by ID.
type Source struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url,omitempty"`
}

// Actor is a state or organisation. Its name can change over time.
type Actor struct {
	ID    string     `json:"id"`
	Names []NameSpan `json:"names"`
	// Kind is "state" or "organisation".
	Kind string `json:"kind,omitempty"`
	// Span is when the actor exists; an actor outside it is not drawn.
	Span Span `json:"span"`
	// Anchor is a rough map position (longitude, latitude) that the layout
	// pulls toward softly so the picture stays recognisable.
	Anchor [2]float64 `json:"anchor"`
	// Color is the node's fill as #rrggbb; empty means the theme's default.
	Color string `json:"color,omitempty"`
}

// NameSpan is a name an actor bears from a date (the first has no From).
type NameSpan struct {
	Name  string `json:"name"`
	Short string `json:"short"`
	From  Date   `json:"from,omitzero"`
	// Localised holds the name in other languages, by language tag ("ko",
	// "ja", "zh-Hans", "zh-Hant", "ru"); see names.go.
	Localised map[string]LocalName `json:"localised,omitempty"`
}

// NameAt returns the actor's full and short names on day.
func (a *Actor) NameAt(day Day) (name, short string) {
	if len(a.Names) == 0 {
		return a.ID, a.ID
	}
	n := a.Names[0]
	for _, v := range a.Names[1:] {
		if v.From.IsZero() || v.From.First() <= day {
			n = v
		}
	}
	return n.Name, n.Short
}

// Relation is one tie between actors: a treaty, a war, a summit.
type Relation struct {
	ID   string `json:"id"`
	Kind Kind   `json:"kind"`
	Name string `json:"name"`
	// Actors are two or more actor IDs; a directed relation has exactly two
	// and runs from the first to the second.
	Actors   []string `json:"actors"`
	Directed bool     `json:"directed,omitempty"`
	// Signed is set when a treaty was signed before it entered into force.
	Signed Date `json:"signed,omitzero"`
	// Start is when the relation began or the treaty entered into force.
	Start Date `json:"start"`
	// End is when it ended; empty means still so at the dataset's end.
	End         Date      `json:"end,omitzero"`
	Certainty   Certainty `json:"certainty"`
	Description string    `json:"description"`
	Sources     []string  `json:"sources"`
	// Echoes names an earlier relation this one repeats.
	Echoes string `json:"echoes,omitempty"`
	// Ref ties the relation to the fact sheet's row, e.g. "#56".
	Ref string `json:"ref,omitempty"`
}

// Grouping is a named set of actors drawn as a shaded area, such as the
// article's three triangles, over one or more spans.
type Grouping struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Localised holds the name in other languages (Short unused).
	Localised   map[string]LocalName `json:"localised,omitempty"`
	Members     []string             `json:"members"`
	Spans       []Span               `json:"spans"`
	Description string               `json:"description"`
	Sources     []string             `json:"sources"`
}

// ActiveAt reports whether any of the grouping's spans holds day.
func (g *Grouping) ActiveAt(day Day) bool {
	for _, s := range g.Spans {
		if s.Contains(day) {
			return true
		}
	}
	return false
}

// Event is a stop of the timeline with a caption in Echoes' own words.
type Event struct {
	ID      string `json:"id"`
	Date    Date   `json:"date"`
	Title   string `json:"title"`
	Caption string `json:"caption"`
	// Relations are the relations the event starts, ends or concerns.
	Relations []string `json:"relations,omitempty"`
	Sources   []string `json:"sources"`
	// Chapter, when set, opens a chapter of the story with this title: the
	// event and those after it belong to it until the next event that sets
	// one. The story panel shows it as a heading.
	Chapter string `json:"chapter,omitempty"`
}

// Day is the day the event marks (the first day its date covers).
func (e *Event) Day() Day { return e.Date.First() }

// Actor returns the actor with id, or nil.
func (d *Dataset) Actor(id string) *Actor { return d.actorByID[id] }

// Relation returns the relation with id, or nil. Relations are kept sorted
// by id (see index), so it searches them: a map of a million relations
// would cost 50 MB.
func (d *Dataset) Relation(id string) *Relation {
	i, ok := slices.BinarySearchFunc(d.Relations, id, func(r *Relation, id string) int { return strings.Compare(r.ID, id) })
	if !ok {
		return nil
	}
	return d.Relations[i]
}

// Source returns the source with id, or nil.
func (d *Dataset) Source(id string) *Source { return d.sourceByID[id] }

// First and Last are the days the timeline runs between.
func (d *Dataset) First() Day { return d.Range.Start.First() }

// Last is the final day of the timeline.
func (d *Dataset) Last() Day { return d.Range.End.Last() }

// Undated reports whether nothing in the dataset changes over time: no
// events, and every relation starts with the range and never ends (how
// the readers give a static GEXF, GraphML or CSV file).
func (d *Dataset) Undated() bool {
	if len(d.Events) > 0 || d.First() >= d.Last() {
		return len(d.Events) == 0
	}
	for _, r := range d.Relations {
		if r.Start.First() > d.First() || !r.End.IsZero() || !r.Signed.IsZero() {
			return false
		}
	}
	return true
}

// CompareDay is the day compare mode shows beside the date on show: the
// dataset's Compare date, else its first event, else its first day.
func (d *Dataset) CompareDay() Day {
	switch {
	case !d.Compare.IsZero():
		return d.Compare.Last()
	case len(d.Events) > 0:
		return d.Events[0].Day()
	}
	return d.First()
}

// OpenEnded says what a relation with no end is at the range's end:
// "still so in 2024" for a dataset running to 2024.
func (d *Dataset) OpenEnded() string {
	return fmt.Sprintf("still so in %d", d.Range.End.Year)
}

// EventNear returns the latest event on or before day, else the first event;
// nil when there are none.
func (d *Dataset) EventNear(day Day) *Event {
	if len(d.Events) == 0 {
		return nil
	}
	i := sort.Search(len(d.Events), func(i int) bool { return d.Events[i].Day() > day })
	if i == 0 {
		return d.Events[0]
	}
	return d.Events[i-1]
}

// LatestEvent returns the latest event on or before day; nil before the
// first event or when there are none.
func (d *Dataset) LatestEvent(day Day) *Event {
	if e := d.EventNear(day); e != nil && e.Day() <= day {
		return e
	}
	return nil
}

// index sorts the slices and keeps the lookup maps validation built. A
// slice already in order (as Echoes writes them) is not sorted again.
func (d *Dataset) index(maps lookups) {
	byID := func(a, b string) int { return strings.Compare(a, b) }
	if !slices.IsSortedFunc(d.Actors, func(a, b *Actor) int { return byID(a.ID, b.ID) }) {
		slices.SortStableFunc(d.Actors, func(a, b *Actor) int { return byID(a.ID, b.ID) })
	}
	if maps.relationOrder != nil {
		sorted := make([]*Relation, len(d.Relations))
		for k, i := range maps.relationOrder {
			sorted[k] = d.Relations[i]
		}
		d.Relations = sorted
	} else if !slices.IsSortedFunc(d.Relations, func(a, b *Relation) int { return byID(a.ID, b.ID) }) {
		slices.SortStableFunc(d.Relations, func(a, b *Relation) int { return byID(a.ID, b.ID) })
	}
	slices.SortStableFunc(d.Groupings, func(a, b *Grouping) int { return byID(a.ID, b.ID) })
	slices.SortStableFunc(d.Events, func(a, b *Event) int {
		if a.Day() != b.Day() {
			return cmp.Compare(a.Day(), b.Day())
		}
		return byID(a.ID, b.ID)
	})
	d.actorByID = maps.actors
	d.sourceByID = make(map[string]*Source, len(d.Sources))
	for i := range d.Sources {
		d.sourceByID[d.Sources[i].ID] = &d.Sources[i]
	}
}
