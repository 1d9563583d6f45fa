package graphmodel

import "testing"

func TestLatestEvent(t *testing.T) {
	ds := &Dataset{Events: []*Event{{ID: "a", Date: MustDate("1950-02-14")}, {ID: "b", Date: MustDate("1953-07-27")}}}
	tests := []struct {
		day  string
		want string // event ID, "" for none
	}{
		{"1945-01-01", ""},
		{"1950-02-13", ""},
		{"1950-02-14", "a"},
		{"1953-07-26", "a"},
		{"1990-01-01", "b"},
	}
	for _, tc := range tests {
		got := ""
		if e := ds.LatestEvent(MustDate(tc.day).First()); e != nil {
			got = e.ID
		}
		if got != tc.want {
			t.Errorf("LatestEvent(%s) = %q, want %q", tc.day, got, tc.want)
		}
	}
}
