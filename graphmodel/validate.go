package graphmodel

import (
	"fmt"
	"strings"
)

// validator collects every problem in a decoded dataset, each at its place.
type validator struct {
	file     string
	data     []byte
	idx      jsonIndex
	problems Problems
}

func (v *validator) addf(path, format string, args ...any) {
	if len(v.problems) >= MaxProblems {
		return
	}
	p := Problem{File: v.file, Path: path, Msg: fmt.Sprintf(format, args...)}
	if v.idx != nil {
		p.Line, p.Col = lineCol(v.data, v.idx.find(path))
	}
	v.problems = append(v.problems, p)
	if len(v.problems) == MaxProblems {
		v.problems = append(v.problems, Problem{File: v.file, Msg: fmt.Sprintf("stopped after %d problems; fix these and check again", MaxProblems)})
	}
}

// ids checks that every id is present and unique, and returns the set.
func (v *validator) ids(section string, n int, id func(int) string) map[string]bool {
	seen := make(map[string]bool, n)
	for i := 0; i < n; i++ {
		path := fmt.Sprintf("%s[%d].id", section, i)
		switch s := id(i); {
		case strings.TrimSpace(s) == "":
			v.addf(path, "missing id; give every entry of %s a unique id", section)
		case seen[s]:
			v.addf(path, "duplicate id %q; ids in %s must be unique, rename one", s, section)
		default:
			seen[s] = true
		}
	}
	return seen
}

func (v *validator) span(path string, s Span, required bool) {
	if required && s.Start.IsZero() {
		v.addf(path+".start", "missing start date; add \"start\": \"YYYY-MM-DD\"")
	}
	if !s.Start.IsZero() && !s.End.IsZero() && s.End.Last() < s.Start.First() {
		v.addf(path+".end", "end %s is before start %s; swap them or correct the end", s.End, s.Start)
	}
}

func (v *validator) refs(path string, list []string, known map[string]bool, what string) {
	for i, s := range list {
		if !known[s] {
			v.addf(fmt.Sprintf("%s[%d]", path, i), "unknown %s %q; add it to the %ss list or correct the id", what, s, what)
		}
	}
}

func (v *validator) dataset(d *Dataset) {
	if d.Range.Start.IsZero() || d.Range.End.IsZero() {
		v.addf("range", "missing range; add \"range\": {\"start\": \"YYYY\", \"end\": \"YYYY\"}")
	}
	v.span("range", d.Range, false)
	if d.MemoryMonths < 0 {
		v.addf("memoryMonths", "memoryMonths is %d; use 0 or more", d.MemoryMonths)
	}
	sources := v.ids("sources", len(d.Sources), func(i int) string { return d.Sources[i].ID })
	actors := v.ids("actors", len(d.Actors), func(i int) string { return d.Actors[i].ID })
	relations := v.ids("relations", len(d.Relations), func(i int) string { return d.Relations[i].ID })
	v.ids("groupings", len(d.Groupings), func(i int) string { return d.Groupings[i].ID })
	v.ids("events", len(d.Events), func(i int) string { return d.Events[i].ID })

	for i, a := range d.Actors {
		p := fmt.Sprintf("actors[%d]", i)
		if len(a.Names) == 0 {
			v.addf(p+".names", "actor %q has no names; add \"names\": [{\"name\": \"...\", \"short\": \"...\"}]", a.ID)
		}
		for j, n := range a.Names {
			np := fmt.Sprintf("%s.names[%d]", p, j)
			if strings.TrimSpace(n.Name) == "" {
				v.addf(np+".name", "empty name; give the actor's name")
			}
			if j > 0 && n.From.IsZero() {
				v.addf(np, "a later name needs \"from\": the date the name was taken")
			}
			if j > 1 && !n.From.IsZero() && !a.Names[j-1].From.IsZero() && n.From.First() <= a.Names[j-1].From.First() {
				v.addf(np+".from", "names must be in date order; move this one after the later names")
			}
		}
		v.span(p+".span", a.Span, false)
		if a.Kind != "" && a.Kind != "state" && a.Kind != "organisation" {
			v.addf(p+".kind", "unknown actor kind %q; use \"state\" or \"organisation\"", a.Kind)
		}
		if a.Color != "" && !validColor(a.Color) {
			v.addf(p+".color", "color %q is not #rrggbb", a.Color)
		}
	}

	starts := map[string]Day{}
	for i, r := range d.Relations {
		p := fmt.Sprintf("relations[%d]", i)
		if !r.Kind.Valid() {
			names := make([]string, len(kinds))
			for k, kk := range kinds {
				names[k] = string(kk)
			}
			v.addf(p+".kind", "unknown kind %q; use one of %s", r.Kind, strings.Join(names, ", "))
		}
		if len(r.Actors) < 2 {
			v.addf(p+".actors", "relation %q needs two or more actors", r.ID)
		}
		if r.Directed && len(r.Actors) != 2 {
			v.addf(p+".actors", "a directed relation has exactly two actors, from and to; this one has %d", len(r.Actors))
		}
		seen := map[string]bool{}
		for j, a := range r.Actors {
			ap := fmt.Sprintf("%s.actors[%d]", p, j)
			switch {
			case !actors[a]:
				v.addf(ap, "unknown actor %q; add it to actors or correct the id", a)
			case seen[a]:
				v.addf(ap, "actor %q is listed twice; list each actor once", a)
			}
			seen[a] = true
		}
		v.span(p, Span{Start: r.Start, End: r.End}, true)
		if !r.Signed.IsZero() && !r.Start.IsZero() && r.Signed.First() > r.Start.Last() {
			v.addf(p+".signed", "signed %s is after start %s; start is the day it entered into force", r.Signed, r.Start)
		}
		if r.Certainty == "" {
			r.Certainty = Confirmed
		} else if !r.Certainty.Valid() {
			v.addf(p+".certainty", "unknown certainty %q; use confirmed, reported or alleged", r.Certainty)
		}
		if len(d.Sources) > 0 {
			v.refs(p+".sources", r.Sources, sources, "source")
		}
		if !r.Start.IsZero() {
			starts[r.ID] = r.Start.First()
		}
	}
	for i, r := range d.Relations {
		if r.Echoes == "" {
			continue
		}
		p := fmt.Sprintf("relations[%d].echoes", i)
		switch {
		case !relations[r.Echoes]:
			v.addf(p, "unknown relation %q; echoes names an earlier relation's id", r.Echoes)
		case r.Echoes == r.ID:
			v.addf(p, "a relation cannot echo itself")
		case starts[r.Echoes] > starts[r.ID]:
			v.addf(p, "relation %q starts later; echoes must name an earlier relation", r.Echoes)
		}
	}
	for i, g := range d.Groupings {
		p := fmt.Sprintf("groupings[%d]", i)
		if len(g.Members) < 2 {
			v.addf(p+".members", "grouping %q needs two or more members", g.ID)
		}
		for j, m := range g.Members {
			if !actors[m] {
				v.addf(fmt.Sprintf("%s.members[%d]", p, j), "unknown actor %q; add it to actors or correct the id", m)
			}
		}
		if len(g.Spans) == 0 {
			v.addf(p+".spans", "grouping %q has no spans; add \"spans\": [{\"start\": \"YYYY\"}]", g.ID)
		}
		for j, s := range g.Spans {
			v.span(fmt.Sprintf("%s.spans[%d]", p, j), s, true)
		}
		if len(d.Sources) > 0 {
			v.refs(p+".sources", g.Sources, sources, "source")
		}
	}
	for i, e := range d.Events {
		p := fmt.Sprintf("events[%d]", i)
		if e.Date.IsZero() {
			v.addf(p+".date", "event %q has no date; add \"date\": \"YYYY-MM-DD\"", e.ID)
		}
		if strings.TrimSpace(e.Title) == "" {
			v.addf(p+".title", "event %q has no title", e.ID)
		}
		v.refs(p+".relations", e.Relations, relations, "relation")
		if len(d.Sources) > 0 {
			v.refs(p+".sources", e.Sources, sources, "source")
		}
	}
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
