package resources

import (
	"fmt"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

func load(t *testing.T) *graphmodel.Dataset {
	t.Helper()
	ds, err := Dataset()
	if err != nil {
		t.Fatalf("the embedded dataset does not validate:\n%v", err)
	}
	return ds
}

// has reports whether the snapshot holds a tie of kind between a and b in
// force (directed ties from a to b when directed is set).
func has(s *graphmodel.Snapshot, kind graphmodel.Kind, a, b string, directed bool) bool {
	for _, t := range s.Ties() {
		if t.Kind != kind || t.Status != graphmodel.InForce && !t.Kind.Momentary() {
			continue
		}
		in := map[string]int{}
		for i, x := range t.Actors {
			in[x] = i + 1
		}
		if in[a] == 0 || in[b] == 0 {
			continue
		}
		if directed && !(t.Directed && t.Actors[0] == a && t.Actors[1] == b) {
			continue
		}
		return true
	}
	return false
}

type want struct {
	kind     graphmodel.Kind
	a, b     string
	directed bool
	present  bool
}

func (w want) String() string {
	arrow := "–"
	if w.directed {
		arrow = "→"
	}
	return fmt.Sprintf("%s %s%s%s", w.kind, w.a, arrow, w.b)
}

func check(t *testing.T, s *graphmodel.Snapshot, wants []want) {
	t.Helper()
	for _, w := range wants {
		if got := has(s, w.kind, w.a, w.b, w.directed); got != w.present {
			t.Errorf("%s: %v present = %v, want %v", s.Day, w, got, w.present)
		}
	}
}

// TestEndOf1950 is the configuration the article starts from: the
// Sino-Soviet alliance, Soviet and Chinese backing of the North's
// invasion, the war with China in from October, and no defence treaty for
// North Korea.
func TestEndOf1950(t *testing.T) {
	s := load(t).At(graphmodel.MustDate("1950-12-31").First())
	check(t, s, []want{
		{graphmodel.Alliance, "RUS", "PRC", false, true},
		{graphmodel.Backing, "RUS", "DPRK", true, true},
		{graphmodel.Backing, "PRC", "DPRK", true, true},
		{graphmodel.War, "DPRK", "ROK", false, true},
		{graphmodel.War, "DPRK", "USA", false, true},
		{graphmodel.War, "DPRK", "UNC", false, true},
		{graphmodel.War, "PRC", "ROK", false, true},
		{graphmodel.War, "PRC", "USA", false, true},
		{graphmodel.War, "PRC", "UNC", false, true},
		{graphmodel.Alliance, "RUS", "DPRK", false, false},
		{graphmodel.Alliance, "PRC", "DPRK", false, false},
		{graphmodel.Alliance, "USA", "ROK", false, false},
	})
	for _, tie := range s.TiesOf("DPRK") {
		if tie.Kind == graphmodel.Alliance {
			t.Errorf("1950: North Korea has a defence treaty: %s", tie.Name)
		}
	}
	if _, short := load(t).Actor("RUS").NameAt(s.Day); short != "USSR" {
		t.Errorf("1950: RUS is called %q, want USSR", short)
	}
	if !named(s, "North Korea–Russia–China") {
		t.Error("1950: the North Korea–Russia–China triangle is not found and named")
	}
}

// TestEndOf2024 is the configuration the article sees echoing 1950.
func TestEndOf2024(t *testing.T) {
	ds := load(t)
	s := ds.At(graphmodel.MustDate("2024-12-31").First())
	check(t, s, []want{
		{graphmodel.Alliance, "RUS", "DPRK", false, true},
		{graphmodel.Alliance, "PRC", "DPRK", false, true},
		{graphmodel.Partnership, "PRC", "RUS", false, true},
		{graphmodel.Alliance, "PRC", "RUS", false, false},
		{graphmodel.Alliance, "USA", "JPN", false, true},
		{graphmodel.Alliance, "USA", "ROK", false, true},
		{graphmodel.Alliance, "JPN", "ROK", false, false},
		{graphmodel.Partnership, "USA", "JPN", false, true},
		{graphmodel.Partnership, "JPN", "ROK", false, true},
		{graphmodel.Exercise, "USA", "ROK", false, true},
		{graphmodel.Summit, "PRC", "JPN", false, true},
		{graphmodel.Summit, "JPN", "ROK", false, true},
		{graphmodel.Arms, "DPRK", "RUS", true, true},
		{graphmodel.Hostility, "DPRK", "ROK", false, true},
		{graphmodel.War, "DPRK", "ROK", false, false},
	})
	treaty := ds.Relation("r56-a")
	if treaty == nil || treaty.Signed.String() != "2024-06-19" || treaty.Start.String() != "2024-12-04" || treaty.Echoes != "r20" {
		t.Fatalf("the 2024 Russia–North Korea treaty is %+v; want signed 2024-06-19, in force 2024-12-04, echoing r20", treaty)
	}
	if st, _ := ds.StatusAt(treaty, graphmodel.MustDate("2024-07-01").First()); st != graphmodel.Signed {
		t.Errorf("July 2024: the treaty is %v, want signed, not yet in force", st)
	}
	if _, short := ds.Actor("RUS").NameAt(s.Day); short != "Russia" {
		t.Errorf("2024: RUS is called %q", short)
	}
	for _, name := range []string{"North Korea–Russia–China", "US–Japan–South Korea", "China–Japan–South Korea"} {
		if !named(s, name) {
			t.Errorf("2024: the %s triangle is not found and named", name)
		}
	}
}

// TestNoTreatyLinksTooEarly guards the fact sheet's warning: no US–ROK
// treaty before 1953, no Soviet or Chinese one with the North before 1961.
func TestNoTreatyLinksTooEarly(t *testing.T) {
	ds := load(t)
	for _, r := range ds.Relations {
		if r.Kind != graphmodel.Alliance {
			continue
		}
		pair := map[string]bool{}
		for _, a := range r.Actors {
			pair[a] = true
		}
		first := r.Start.First()
		if !r.Signed.IsZero() {
			first = r.Signed.First()
		}
		if pair["USA"] && pair["ROK"] && first < graphmodel.DayOf(1953, 1, 1) {
			t.Errorf("%s: US–ROK alliance before 1953", r.ID)
		}
		if pair["DPRK"] && (pair["RUS"] || pair["PRC"]) && first < graphmodel.DayOf(1961, 1, 1) {
			t.Errorf("%s: alliance with the North before 1961", r.ID)
		}
	}
}

func TestEveryRelationCited(t *testing.T) {
	ds := load(t)
	for _, r := range ds.Relations {
		if len(r.Sources) == 0 || r.Description == "" {
			t.Errorf("%s has no sources or no description", r.ID)
		}
	}
	for _, e := range ds.Events {
		if len(e.Sources) == 0 || e.Caption == "" {
			t.Errorf("event %s has no sources or no caption", e.ID)
		}
	}
}

func named(s *graphmodel.Snapshot, name string) bool {
	for _, tr := range s.Triangles() {
		if tr.Grouping != nil && tr.Name() == name {
			return true
		}
	}
	return false
}
