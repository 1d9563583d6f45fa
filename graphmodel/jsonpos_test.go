package graphmodel

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// TestScanStrings checks that the one-pass scan ends strings where JSON
// does, backslashes and escaped quotes included, so that a key or date
// after them is still checked and placed.
func TestScanStrings(t *testing.T) {
	tests := []struct {
		name, doc string
		want      string // in the first problem; "" for none
	}{
		{"escaped quote", `{"title": "a \"b\" c", "title": 1}`, `duplicate key "title"`},
		{"escaped backslash", `{"title": "a\\", "title": 1}`, `duplicate key "title"`},
		{"three backslashes", `{"title": "a\\\"", "title": 1}`, `duplicate key "title"`},
		{"escaped key", `{"title": "a", "t\u0069tle": "b"}`, `duplicate key "title"`},
		{"bad date after escapes", `{"description": "\\\"", "range": {"start": "19x0"}}`, `date "19x0"`},
		{"no problem", `{"title": "\"", "range": {"start": "1950", "end": "1960"}, "actors": [], "relations": []}`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("s.json", []byte(tc.doc))
			if tc.want == "" {
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Parse = %v, want a problem with %q", err, tc.want)
			}
		})
	}
}

// TestParseLimitedCountsBeforeDecoding protects the limits: a file with
// more relations (or actors) than allowed, or nested too deep, is refused
// at the place the limit is passed, from the scan alone.
func TestParseLimitedCountsBeforeDecoding(t *testing.T) {
	good, err := os.ReadFile("testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data string
		lim  Limits
		want string
		line int
	}{
		{"relations", string(good), Limits{Relations: 3}, "more than 3 relations", 16},
		{"actors", string(good), Limits{Actors: 2}, "more than 2 actors", 9},
		{"within", string(good), Limits{Actors: 4, Relations: 5}, "", 0},
		{"deep", `{"title": ` + strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1) + `}`, Limits{}, "nest more than 64 deep", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseLimited("l.json", []byte(tc.data), tc.lim)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("ParseLimited: %v", err)
				}
				return
			}
			var ps Problems
			if !errors.As(err, &ps) || len(ps) != 1 || !strings.Contains(ps[0].Msg, tc.want) || ps[0].Line != tc.line {
				t.Fatalf("ParseLimited = %v, want one problem %q at line %d", err, tc.want, tc.line)
			}
		})
	}
}

// TestProblemsPlacedInOnePass checks placeAll: problems in any order get
// the line and column of their offsets.
func TestProblemsPlacedInOnePass(t *testing.T) {
	data := []byte("ab\ncdé\nf")
	ps := Problems{{off: 8 + 1}, {off: 0 + 1}, {off: 4 + 1}, {Line: 0}}
	placeAll(data, ps)
	want := [][2]int{{3, 1}, {1, 1}, {2, 2}, {0, 0}}
	for i, p := range ps {
		if p.Line != want[i][0] || p.Col != want[i][1] {
			t.Errorf("problem %d at %d:%d, want %d:%d", i, p.Line, p.Col, want[i][0], want[i][1])
		}
	}
}
