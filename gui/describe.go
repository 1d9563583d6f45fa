package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/echoes-viz/echoes/graphmodel"
)

// actorNames joins the relation's actors' short names on day, with an
// arrow for a directed relation.
func actorNames(ds *graphmodel.Dataset, r *graphmodel.Relation, day graphmodel.Day) string {
	names := make([]string, len(r.Actors))
	for i, id := range r.Actors {
		names[i] = id
		if a := ds.Actor(id); a != nil {
			_, names[i] = a.NameAt(day)
		}
	}
	if r.Directed {
		return strings.Join(names, lang.L(" to "))
	}
	return strings.Join(names, " \u2013 ")
}

// spanText says when a relation ran: "signed 19 June 2024, in force 4
// December 2024, still so in 2024".
func spanText(ds *graphmodel.Dataset, r *graphmodel.Relation) string {
	var parts []string
	if !r.Signed.IsZero() {
		parts = append(parts, lang.L("signed {{.Date}}", dated(r.Signed)), lang.L("in force {{.Date}}", dated(r.Start)))
	} else if r.End == r.Start {
		parts = append(parts, dateText(r.Start))
	} else {
		parts = append(parts, lang.L("from {{.Date}}", dated(r.Start)))
	}
	switch {
	case r.End.IsZero():
		parts = append(parts, lang.L("still so in {{.Year}}", map[string]any{"Year": ds.Range.End.Year}))
	case r.End != r.Start:
		parts = append(parts, lang.L("until {{.Date}}", dated(r.End)))
	}
	return strings.Join(parts, ", ")
}

// tieSummary is one line for a tooltip.
func tieSummary(ds *graphmodel.Dataset, t graphmodel.Tie, day graphmodel.Day) string {
	s := fmt.Sprintf("%s: %s (%s)", kindText(t.Kind), actorNames(ds, t.Relation, day), t.Name)
	if t.Status != graphmodel.InForce {
		s += " \u2014 " + t.Status.String()
	}
	if t.Certainty != graphmodel.Confirmed {
		s += " \u2014 " + string(t.Certainty)
	}
	return s
}

// sourceText lists a relation's sources with their titles.
func sourceText(ds *graphmodel.Dataset, ids []string) string {
	var parts []string
	for _, id := range ids {
		if s := ds.Source(id); s != nil {
			p := id + " " + s.Title
			if s.URL != "" {
				p += " <" + s.URL + ">"
			}
			parts = append(parts, p)
		} else {
			parts = append(parts, id)
		}
	}
	return strings.Join(parts, "; ")
}
