package resources

import (
	"fmt"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// alone lists the states present on 30 June of each year from 1946 to 2024
// that have no tie that day. Organisations (the UN Command, the Security
// Council) are drawn only while tied, so they are not checked; and a state
// counts as tied only through another state, so a tie to a UN body alone
// does not hide an isolated state.
func alone(ds *graphmodel.Dataset) []string {
	var out []string
	for y := 1946; y <= 2024; y++ {
		s := ds.At(graphmodel.DayOf(y, 6, 30))
		kinds := map[string]string{}
		for _, a := range s.Actors {
			kinds[a.ID] = a.Kind
		}
		tied := map[string]bool{}
		for _, e := range s.Edges {
			if kinds[e.A] != "organisation" && kinds[e.B] != "organisation" {
				tied[e.A], tied[e.B] = true, true
			}
		}
		for _, a := range s.Actors {
			if a.Kind != "organisation" && !tied[a.ID] {
				_, short := a.NameAt(s.Day)
				out = append(out, fmt.Sprintf("%d %s", y, short))
			}
		}
	}
	return out
}

// TestNoStateAlone: every state on the map has at least one tie to another
// state on 30 June of every year from 1946 to 2024.
func TestNoStateAlone(t *testing.T) {
	if lonely := alone(load(t)); len(lonely) > 0 {
		t.Errorf("%d state-years with no tie on 30 June: %v", len(lonely), lonely)
	}
}

// TestEverySourceBeyondTheArticle: every relation cites at least one source
// other than the article itself (S58), so each tie can be checked elsewhere.
func TestEverySourceBeyondTheArticle(t *testing.T) {
	ds := load(t)
	for _, r := range ds.Relations {
		other := false
		for _, id := range r.Sources {
			if id != "S58" {
				other = true
			}
		}
		if !other {
			t.Errorf("%s cites only the article", r.ID)
		}
	}
}
