package resources

import (
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// TestHistoryWithoutHoles checks a tie from each family issue 18 added, on
// days when the old dataset showed nothing.
func TestHistoryWithoutHoles(t *testing.T) {
	ds := load(t)
	at := func(s string) *graphmodel.Snapshot { return ds.At(graphmodel.MustDate(s).First()) }
	check(t, at("1950-06-30"), []want{
		{graphmodel.Occupation, "USA", "JPN", true, true},
		{graphmodel.Backing, "USA", "ROC", true, true},
		{graphmodel.Hostility, "USA", "RUS", false, true},
		{graphmodel.Normalisation, "USA", "ROK", false, true},
	})
	check(t, at("1961-06-30"), []want{
		{graphmodel.Hostility, "PRC", "ROC", false, true},
		{graphmodel.Talks, "PRC", "USA", false, true},
		{graphmodel.Sanctions, "USA", "PRC", true, true},
		{graphmodel.Occupation, "USA", "JPN", true, true}, // Okinawa
	})
	check(t, at("1979-06-30"), []want{
		{graphmodel.Backing, "USA", "ROC", true, true},
		{graphmodel.Normalisation, "USA", "ROC", false, false},
		{graphmodel.Partnership, "JPN", "ROC", false, true},
	})
	check(t, at("2010-11-23"), []want{
		{graphmodel.War, "DPRK", "ROK", false, true},
		{graphmodel.Sanctions, "ROK", "DPRK", true, true},
		{graphmodel.Sanctions, "JPN", "DPRK", true, true},
		{graphmodel.Tension, "PRC", "JPN", false, false},
	})
	check(t, at("2024-06-30"), []want{
		{graphmodel.Sanctions, "USA", "RUS", true, true},
		{graphmodel.Sanctions, "JPN", "RUS", true, true},
		{graphmodel.Sanctions, "ROK", "RUS", true, true},
		{graphmodel.Hostility, "PRC", "ROC", false, true},
		{graphmodel.Partnership, "JPN", "ROK", false, true},
		{graphmodel.Sanctions, "JPN", "ROK", true, false},
	})
}

// TestIssue18Fixes pins the corrected dates.
func TestIssue18Fixes(t *testing.T) {
	ds := load(t)
	for _, c := range []struct{ id, signed, start string }{
		{"r14c", "1952-04-28", "1952-08-05"},
		{"r32b", "", "1994-10-21"},
		{"rN10", "", "2017-06-02"},
	} {
		r := ds.Relation(c.id)
		if r == nil {
			t.Errorf("%s is missing", c.id)
			continue
		}
		if signed := r.Signed.String(); r.Signed.IsZero() && c.signed != "" || !r.Signed.IsZero() && signed != c.signed || r.Start.String() != c.start {
			t.Errorf("%s: signed %q start %q, want %q %q", c.id, r.Signed, r.Start, c.signed, c.start)
		}
	}
}

// TestChapters: the story opens with a chapter, chapters are few enough to
// find one's way, and each has more than one event.
func TestChapters(t *testing.T) {
	ds := load(t)
	if len(ds.Events) == 0 || ds.Events[0].Chapter == "" {
		t.Fatal("the first event does not open a chapter")
	}
	var sizes []int
	for _, e := range ds.Events {
		if e.Chapter != "" {
			sizes = append(sizes, 0)
		}
		sizes[len(sizes)-1]++
	}
	if len(sizes) < 4 || len(sizes) > 8 {
		t.Errorf("%d chapters, want 4 to 8", len(sizes))
	}
	for i, n := range sizes {
		if n < 2 {
			t.Errorf("chapter %d has %d event(s)", i+1, n)
		}
	}
}

// TestOneWayKindsDirected: arms, backing, occupation and sanctions run one
// way, so every such relation says which way.
func TestOneWayKindsDirected(t *testing.T) {
	for _, r := range load(t).Relations {
		switch r.Kind {
		case graphmodel.Arms, graphmodel.Backing, graphmodel.Occupation, graphmodel.Sanctions:
			if !r.Directed {
				t.Errorf("%s (%s) is not directed", r.ID, r.Kind)
			}
		}
	}
}
