package graphmodel

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// validator collects every problem in a decoded dataset, each with its
// path. Paths are formatted only for a problem: a million relations must
// not cost a million strings.
type validator struct {
	file     string
	problems Problems
}

// at is the path of one entry of a section, "relations[3]".
func at(section string, i int) string {
	return section + "[" + strconv.Itoa(i) + "]"
}

func (v *validator) addf(path, format string, args ...any) {
	if len(v.problems) >= MaxProblems {
		return
	}
	p := Problem{File: v.file, Path: path, Msg: fmt.Sprintf(format, args...)}
	v.problems = append(v.problems, p)
	if len(v.problems) == MaxProblems {
		v.problems = append(v.problems, Problem{File: v.file, Msg: fmt.Sprintf("stopped after %d problems; fix these and check again", MaxProblems)})
	}
}

// ids checks that every id is present and unique, and returns each id's
// entry (the first, for a duplicate).
func ids[T any](v *validator, section string, list []T, id func(T) string) map[string]T {
	seen := make(map[string]T, len(list))
	for i, e := range list {
		s := id(e)
		if strings.TrimSpace(s) == "" {
			v.addf(at(section, i)+".id", "missing id; give every entry of %s a unique id", section)
			continue
		}
		if _, dup := seen[s]; dup {
			v.addf(at(section, i)+".id", "duplicate id %q; ids in %s must be unique, rename one", s, section)
			continue
		}
		seen[s] = e
	}
	return seen
}

// lookups are what validation builds and the Dataset keeps: the actors
// by id, and the relations' places in id order.
type lookups struct {
	actors        map[string]*Actor
	relationOrder []int32
}

// relationOrder checks the relations' ids as ids checks a section's
// (every id present and unique, messages in file order) and returns the
// relations' places in id order, stable: equal ids sit together there, so
// a million relations need no map of their ids, and index puts the
// relations in this order.
func relationOrder(v *validator, rs []*Relation) []int32 {
	order := make([]int32, len(rs))
	for i := range order {
		order[i] = int32(i)
	}
	if !slices.IsSortedFunc(rs, func(a, b *Relation) int { return strings.Compare(a.ID, b.ID) }) {
		slices.SortStableFunc(order, func(a, b int32) int { return strings.Compare(rs[a].ID, rs[b].ID) })
	}
	dup := make([]bool, len(rs))
	for k := 1; k < len(order); k++ {
		if id := rs[order[k]].ID; id == rs[order[k-1]].ID && strings.TrimSpace(id) != "" {
			dup[order[k]] = true
		}
	}
	for i, r := range rs {
		switch {
		case strings.TrimSpace(r.ID) == "":
			v.addf(at("relations", i)+".id", "missing id; give every entry of relations a unique id")
		case dup[i]:
			v.addf(at("relations", i)+".id", "duplicate id %q; ids in relations must be unique, rename one", r.ID)
		}
	}
	return order
}

// endsBeforeStart reports a span whose end comes before its start.
func endsBeforeStart(s Span) bool {
	return !s.Start.IsZero() && !s.End.IsZero() && s.End.Last() < s.Start.First()
}

func (v *validator) span(path string, s Span, required bool) {
	if required && s.Start.IsZero() {
		v.addf(path+".start", "missing start date; add \"start\": \"YYYY-MM-DD\"")
	}
	if endsBeforeStart(s) {
		v.addf(path+".end", "end %s is before start %s; swap them or correct the end", s.End, s.Start)
	}
}

func refs(v *validator, path string, list []string, known func(string) bool, what string) {
	for i, s := range list {
		if !known(s) {
			v.addf(at(path, i), "unknown %s %q; add it to the %ss list or correct the id", what, s, what)
		}
	}
}

// dataset checks d and returns the id maps it built, for index.
func (v *validator) dataset(d *Dataset) lookups {
	if d.Range.Start.IsZero() || d.Range.End.IsZero() {
		v.addf("range", "missing range; add \"range\": {\"start\": \"YYYY\", \"end\": \"YYYY\"}")
	}
	v.span("range", d.Range, false)
	if d.MemoryMonths < 0 {
		v.addf("memoryMonths", "memoryMonths is %d; use 0 or more", d.MemoryMonths)
	}
	sourceByID := ids(v, "sources", d.Sources, func(s Source) string { return s.ID })
	sources := func(id string) bool { _, ok := sourceByID[id]; return ok }
	actors := ids(v, "actors", d.Actors, func(a *Actor) string { return a.ID })
	order := relationOrder(v, d.Relations)
	relation := func(id string) *Relation {
		k, ok := slices.BinarySearchFunc(order, id, func(i int32, id string) int { return strings.Compare(d.Relations[i].ID, id) })
		if !ok {
			return nil
		}
		return d.Relations[order[k]]
	}
	ids(v, "groupings", d.Groupings, func(g *Grouping) string { return g.ID })
	ids(v, "events", d.Events, func(e *Event) string { return e.ID })

	for i, a := range d.Actors {
		if len(a.Names) == 0 {
			v.addf(at("actors", i)+".names", "actor %q has no names; add \"names\": [{\"name\": \"...\", \"short\": \"...\"}]", a.ID)
		}
		for j, n := range a.Names {
			np := func() string { return at(at("actors", i)+".names", j) }
			if strings.TrimSpace(n.Name) == "" {
				v.addf(np()+".name", "empty name; give the actor's name")
			}
			if j > 0 && n.From.IsZero() {
				v.addf(np(), "a later name needs \"from\": the date the name was taken")
			}
			if j > 1 && !n.From.IsZero() && !a.Names[j-1].From.IsZero() && n.From.First() <= a.Names[j-1].From.First() {
				v.addf(np()+".from", "names must be in date order; move this one after the later names")
			}
		}
		if endsBeforeStart(a.Span) {
			v.span(at("actors", i)+".span", a.Span, false)
		}
		if a.Kind != "" && a.Kind != "state" && a.Kind != "organisation" {
			v.addf(at("actors", i)+".kind", "unknown actor kind %q; use \"state\" or \"organisation\"", a.Kind)
		}
		if a.Color != "" && !validColor(a.Color) {
			v.addf(at("actors", i)+".color", "color %q is not #rrggbb", a.Color)
		}
	}

	for i, r := range d.Relations {
		p := func() string { return at("relations", i) }
		if !r.Kind.Valid() {
			names := make([]string, len(kinds))
			for k, kk := range kinds {
				names[k] = string(kk)
			}
			v.addf(p()+".kind", "unknown kind %q; use one of %s", r.Kind, strings.Join(names, ", "))
		}
		if len(r.Actors) < 2 {
			v.addf(p()+".actors", "relation %q needs two or more actors", r.ID)
		}
		if r.Directed && len(r.Actors) != 2 {
			v.addf(p()+".actors", "a directed relation has exactly two actors, from and to; this one has %d", len(r.Actors))
		}
		var seen map[string]bool // for a relation among many actors
		if len(r.Actors) > 16 {
			seen = make(map[string]bool, len(r.Actors))
		}
		for j, a := range r.Actors {
			switch {
			case actors[a] == nil:
				v.addf(at(p()+".actors", j), "unknown actor %q; add it to actors or correct the id", a)
			case seen[a] || (seen == nil && listedBefore(r.Actors, j)):
				v.addf(at(p()+".actors", j), "actor %q is listed twice; list each actor once", a)
			}
			if seen != nil {
				seen[a] = true
			}
		}
		if r.Start.IsZero() || endsBeforeStart(Span{Start: r.Start, End: r.End}) {
			v.span(p(), Span{Start: r.Start, End: r.End}, true)
		}
		if !r.Signed.IsZero() && !r.Start.IsZero() && r.Signed.First() > r.Start.Last() {
			v.addf(p()+".signed", "signed %s is after start %s; start is the day it entered into force", r.Signed, r.Start)
		}
		if r.Certainty == "" {
			r.Certainty = Confirmed
		} else if !r.Certainty.Valid() {
			v.addf(p()+".certainty", "unknown certainty %q; use confirmed, reported or alleged", r.Certainty)
		}
		if len(d.Sources) > 0 {
			refs(v, p()+".sources", r.Sources, sources, "source")
		}
	}
	// startOf is a relation's first day; 0 (1970) when it has no start,
	// as validation reports that already.
	startOf := func(r *Relation) Day {
		if r.Start.IsZero() {
			return 0
		}
		return r.Start.First()
	}
	for i, r := range d.Relations {
		if r.Echoes == "" {
			continue
		}
		p := at("relations", i) + ".echoes"
		switch e := relation(r.Echoes); {
		case e == nil:
			v.addf(p, "unknown relation %q; echoes names an earlier relation's id", r.Echoes)
		case r.Echoes == r.ID:
			v.addf(p, "a relation cannot echo itself")
		case startOf(e) > startOf(r):
			v.addf(p, "relation %q starts later; echoes must name an earlier relation", r.Echoes)
		}
	}
	for i, g := range d.Groupings {
		p := at("groupings", i)
		if len(g.Members) < 2 {
			v.addf(p+".members", "grouping %q needs two or more members", g.ID)
		}
		for j, m := range g.Members {
			if actors[m] == nil {
				v.addf(at(p+".members", j), "unknown actor %q; add it to actors or correct the id", m)
			}
		}
		if len(g.Spans) == 0 {
			v.addf(p+".spans", "grouping %q has no spans; add \"spans\": [{\"start\": \"YYYY\"}]", g.ID)
		}
		for j, s := range g.Spans {
			v.span(at(p+".spans", j), s, true)
		}
		if len(d.Sources) > 0 {
			refs(v, p+".sources", g.Sources, sources, "source")
		}
	}
	for i, e := range d.Events {
		p := at("events", i)
		if e.Date.IsZero() {
			v.addf(p+".date", "event %q has no date; add \"date\": \"YYYY-MM-DD\"", e.ID)
		}
		if strings.TrimSpace(e.Title) == "" {
			v.addf(p+".title", "event %q has no title", e.ID)
		}
		refs(v, p+".relations", e.Relations, func(id string) bool { return relation(id) != nil }, "relation")
		if len(d.Sources) > 0 {
			refs(v, p+".sources", e.Sources, sources, "source")
		}
	}
	return lookups{actors: actors, relationOrder: order}
}

// listedBefore reports whether list[j] is also among list[:j]; most
// relations list two actors, where a scan beats a map per relation.
func listedBefore(list []string, j int) bool {
	for _, s := range list[:j] {
		if s == list[j] {
			return true
		}
	}
	return false
}

func validColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}
