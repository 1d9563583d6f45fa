package graphmodel

import (
	"os"
	"sort"
	"testing"
)

func mini(t *testing.T) *Dataset {
	t.Helper()
	d, err := Load("testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func tieIDs(s *Snapshot) []string {
	var ids []string
	for _, t := range s.Ties() {
		ids = append(ids, t.ID+":"+t.Status.String())
	}
	return ids
}

func TestAtStatuses(t *testing.T) {
	d := mini(t)
	tests := []struct {
		day    string
		ties   []string
		actors int
	}{
		{"1949-01-01", nil, 2},
		{"1950-03-01", []string{"r1:signed, not yet in force"}, 3},
		{"1950-12-31", []string{"r1:in force"}, 3},
		{"1960-05-31", []string{"r1:in force", "r2:in force"}, 3},
		{"1961-05-31", []string{"r1:in force", "r2:recent"}, 3},
		{"1961-06-01", []string{"r1:in force"}, 3},
		{"1980-04-11", []string{"r1:in force", "r3:in force"}, 3},
		{"1980-04-12", []string{"r3:in force"}, 3},
		{"2010-01-01", []string{"r3:in force", "r4:in force", "r5:in force"}, 4},
	}
	for _, tc := range tests {
		s := d.At(MustDate(tc.day).First())
		got := tieIDs(s)
		if len(got) != len(tc.ties) {
			t.Errorf("%s: ties %v, want %v", tc.day, got, tc.ties)
			continue
		}
		for i := range got {
			if got[i] != tc.ties[i] {
				t.Errorf("%s: ties %v, want %v", tc.day, got, tc.ties)
			}
		}
		if len(s.Actors) != tc.actors {
			t.Errorf("%s: %d actors, want %d", tc.day, len(s.Actors), tc.actors)
		}
		order, _ := s.Graph().Order()
		if order != len(s.Actors) {
			t.Errorf("%s: graph has %d vertices, snapshot %d actors", tc.day, order, len(s.Actors))
		}
	}
}

func TestNameChanges(t *testing.T) {
	a := mini(t).Actor("A")
	for day, want := range map[string]string{"1991-12-25": "Alpha", "1991-12-26": "Alphaf"} {
		if _, short := a.NameAt(MustDate(day).First()); short != want {
			t.Errorf("%s: %s, want %s", day, short, want)
		}
	}
}

func TestTrianglesAndGroupings(t *testing.T) {
	d := mini(t)
	s := d.At(MustDate("1960-05-15").First())
	if len(s.Triangles()) != 1 {
		t.Fatalf("triangles %v, want one", s.Triangles())
	}
	tr := s.Triangles()[0]
	if tr.Members != [3]string{"A", "B", "C"} || tr.Grouping == nil || tr.Name() != "Alpha–Beta–Gamma" {
		t.Errorf("triangle %+v, name %q", tr, tr.Name())
	}
	e, err := s.Graph().Edge("A", "B")
	if err != nil || e.Properties.Data == nil {
		t.Fatalf("edge A-B missing data: %v", err)
	}
	if es := e.Properties.Data.(*Edge); len(es.Ties) != 2 || es.Ties[0].Kind != Alliance {
		t.Errorf("edge A-B ties %v, want alliance first of two", es.Ties)
	}
	s2 := d.At(MustDate("2010").Last())
	if len(s2.Triangles()) != 0 || len(s2.Groupings) != 0 {
		t.Errorf("2010: triangles %v groupings %v, want none", s2.Triangles(), s2.Groupings)
	}
}

func TestDiff(t *testing.T) {
	d := mini(t)
	a := d.At(MustDate("1950-03-01").First())
	b := d.At(MustDate("1960-05-15").First())
	delta := Diff(a, b)
	if len(delta.Gained) != 1 || delta.Gained[0].ID != "r2" {
		t.Errorf("gained %v", delta.Gained)
	}
	if len(delta.Changed) != 1 || delta.Changed[0].From != Signed || delta.Changed[0].To != InForce {
		t.Errorf("changed %v", delta.Changed)
	}
	back := Diff(b, a)
	if len(back.Lost) != 1 || back.Lost[0].ID != "r2" {
		t.Errorf("lost %v", back.Lost)
	}
	if !Diff(b, b).Empty() {
		t.Error("a snapshot differs from itself")
	}
}

func TestEventsSortedAndNear(t *testing.T) {
	d := mini(t)
	if d.Events[0].ID != "e1" {
		t.Fatalf("events not sorted by date: %s first", d.Events[0].ID)
	}
	if e := d.EventNear(MustDate("1955").First()); e.ID != "e1" {
		t.Errorf("near 1955: %s", e.ID)
	}
	if !sort.SliceIsSorted(d.Actors, func(i, j int) bool { return d.Actors[i].ID < d.Actors[j].ID }) {
		t.Error("actors not sorted")
	}
}

func TestLoadMissingFile(t *testing.T) {
	if _, err := Load("testdata/does-not-exist.json"); err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("err = %v", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}
