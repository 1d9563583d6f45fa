package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestProgressLine checks the line redrawn in place on a terminal, and
// that nothing is printed elsewhere or for a still.
func TestProgressLine(t *testing.T) {
	for _, tc := range []struct {
		name     string
		terminal bool
		total    int
		want     string
	}{
		{"terminal", true, 4, "\rframe 2 of 4, 0:10 spent, about 0:10 left  \rframe 4 of 4, 0:20 spent, about 0:00 left  \n"},
		{"not a terminal", false, 4, ""},
		{"a still", true, 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			clockNow := time.Unix(0, 0)
			now := func() time.Time { return clockNow }
			p := progressLine(&buf, tc.terminal, now)
			for done := 2; done <= tc.total; done += 2 {
				clockNow = clockNow.Add(10 * time.Second)
				if p != nil {
					p(done, tc.total)
				}
			}
			if tc.total == 1 && p != nil {
				p(1, 1)
			}
			if got := buf.String(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestParseFilmstrip checks the dates and the events keyword.
func TestParseFilmstrip(t *testing.T) {
	ds, _, err := loadData("")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in   string
		n    int
		fail string
	}{
		{"1950,1961,1972,1991,2024", 5, ""},
		{"events", -1, ""},
		{"1950", 0, "give 2 to 12 dates"},
		{"1950,later", 0, `"later" is not a date`},
	} {
		days, err := parseFilmstrip(tc.in, ds)
		switch {
		case tc.fail != "":
			if err == nil || !strings.Contains(err.Error(), tc.fail) {
				t.Errorf("%q: err %v, want %q", tc.in, err, tc.fail)
			}
		case err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.n >= 0 && len(days) != tc.n, tc.n < 0 && len(days) < 2:
			t.Errorf("%q: %d days", tc.in, len(days))
		}
	}
}
