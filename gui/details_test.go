package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// TestDetailsNameTiesAndTriangles selects North Korea on two days: the
// details panel names, from the snapshot's graph, whom it is tied to and, in
// 2024, the northern triangle the day's ties close; in 1961 the USSR is not
// the grouping's Russia, so no triangle is named.
func TestDetailsNameTiesAndTriangles(t *testing.T) {
	for _, c := range []struct {
		date      string
		want, not []string
	}{
		{"2024", []string{"Tied to: ", "Russia", "China", "In triangles: ", "North Korea–Russia–China"}, nil},
		{"1961-07-31", []string{"Tied to: ", "USSR", "China"}, []string{"In triangles: "}},
	} {
		w := newTestWindow(t, c.date)
		w.selected("DPRK", "")
		text := detailsText(w.details.text)
		for _, s := range c.want {
			if !strings.Contains(text, s) {
				t.Errorf("%s: no %q in the details:\n%s", c.date, s, text)
			}
		}
		for _, s := range c.not {
			if strings.Contains(text, s) {
				t.Errorf("%s: %q in the details of an actor without ties:\n%s", c.date, s, text)
			}
		}
	}
}

// TestStructureOfFollowsTheGraph holds structureOf to the snapshot's own
// graph on every event day: as many names as neighbours, and as many
// triangles as the graph's 3-cliques through the actor that a grouping
// declares.
func TestStructureOfFollowsTheGraph(t *testing.T) {
	w := newTestWindow(t, "2024")
	ds := w.Viewer.Dataset()
	for _, e := range ds.Events {
		s := ds.At(e.Day())
		for _, a := range s.Actors {
			tied, tris := structureOf(s, a.ID)
			if n := s.Degree(a.ID); count(tied, ", ") != n {
				t.Errorf("%s %s: %q names %d actors, degree %d", e.Day(), a.ID, tied, count(tied, ", "), n)
			}
			want := 0
			for _, tr := range s.Triangles() {
				if tr.Grouping != nil && (tr.Members[0] == a.ID || tr.Members[1] == a.ID || tr.Members[2] == a.ID) {
					want++
				}
			}
			if got := count(tris, "; "); got != want {
				t.Errorf("%s %s: %q names %d triangles, the graph has %d", e.Day(), a.ID, tris, got, want)
			}
		}
	}
}

// count counts the items of a list joined by sep.
func count(list, sep string) int {
	if list == "" {
		return 0
	}
	return strings.Count(list, sep) + 1
}

func detailsText(r *widget.RichText) string {
	var b strings.Builder
	for _, s := range r.Segments {
		b.WriteString(s.Textual())
		b.WriteString("\n")
	}
	return b.String()
}
