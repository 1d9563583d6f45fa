package graphmodel

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// TestValidationErrors breaks the mini dataset one way at a time and checks
// that each problem is found, at the right line, with a way to fix it.
func TestValidationErrors(t *testing.T) {
	good, err := os.ReadFile("testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new string
		line           int
		want           []string
	}{
		{"unknown actor", `"actors": ["C", "A"]`, `"actors": ["C", "Q"]`, 15, []string{`unknown actor "Q"`, "relations[2].actors[1]"}},
		{"end before start", `"start": "1950-04-11", "end": "1980-04-11"`, `"start": "1950-04-11", "end": "1940-04-11"`, 13, []string{"end 1940-04-11 is before start 1950-04-11", "swap"}},
		{"duplicate id", `{"id": "r4"`, `{"id": "r1"`, 16, []string{`duplicate id "r1"`, "relations[3].id"}},
		{"unknown kind", `"kind": "summit"`, `"kind": "sumit"`, 14, []string{`unknown kind "sumit"`, "use one of alliance"}},
		{"signed after start", `"signed": "1950-02-14"`, `"signed": "1951-02-14"`, 13, []string{"signed 1951-02-14 is after start"}},
		{"bad date", `"start": "2000-01-01"`, `"start": "2000-13-01"`, 16, []string{"month 13"}},
		{"unknown source", `"sources": ["S1"]}
  ],
  "groupings"`, `"sources": ["S9"]}
  ],
  "groupings"`, 17, []string{`unknown source "S9"`}},
		{"syntax", `"title": "Mini",`, `"title": "Mini"`, 3, []string{"JSON syntax"}},
		{"unknown field", `"memoryMonths": 12`, `"memoryMonth": 12`, 4, []string{`unknown field "memoryMonth"`}},
		{"wrong type", `"memoryMonths": 12`, `"memoryMonths": "12"`, 4, []string{"memoryMonths: found a string; write a whole number"}},
		{"date as a number", `"start": "1970"`, `"start": 1970`, 15, []string{"relations[2].start", "found a number", `write a date in quotes: "YYYY"`}},
		{"number out of range", `"anchor": [2, 0]`, `"anchor": [1e999, 0]`, 9, []string{"actors[2].anchor[0]", "number 1e999 is out of range", "longitude runs from -180 to 180"}},
		{"list for text", `"name": "C to A"`, `"name": ["C to A"]`, 15, []string{"relations[2].name", "found a list; write text in quotes"}},
		{"year zero", `"start": "1970"`, `"start": "0000"`, 15, []string{"relations[2].start", "year 0", "0001 to 9999"}},
		{"duplicate key", `"actors": [
    {"id": "A"`, `"actors": [], "actors": [
    {"id": "A"`, 6, []string{`duplicate key "actors"`, "remove or rename one"}},
		{"duplicate key in relation", `"id": "r3", "kind": "arms",`, `"id": "r3", "kind": "arms", "kind": "war",`, 15, []string{"relations[2]", `duplicate key "kind"`}},
		{"duplicate key in another case", `"id": "r3", "kind": "arms",`, `"id": "r3", "kind": "arms", "Kind": "war",`, 15, []string{`duplicate key "Kind"`}},
		{"unknown field placed", `"certainty": "alleged"`, `"certainty": "alleged", "weight": 2`, 15, []string{"relations[2]", `unknown field "weight"`}},
		{"extra data", "\n}\n", "\n}\n{}", 27, []string{"extra data after the dataset object"}},
		{"unknown field in a map's value", `{"name": "Beta", "short": "Beta"}`, `{"name": "Beta", "short": "Beta", "localised": {"ko": {"name": "베타", "shrot": "베"}}}`, 8, []string{"actors[1].names[0].localised.ko", `unknown field "shrot"`}},
		{"duplicate key in a map", `{"name": "Beta", "short": "Beta"}`, `{"name": "Beta", "short": "Beta", "localised": {"ko": {"name": "베타"}, "ko": {"name": "비"}}}`, 8, []string{`duplicate key "ko"`}},
		{"echo of later relation", `"echoes": "r1"`, `"echoes": "r5"`, 16, []string{"echoes must name an earlier relation"}},
		{"directed with three", `"actors": ["C", "A"], "directed": true`, `"actors": ["C", "A", "B"], "directed": true`, 15, []string{"exactly two actors"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(string(good), tc.old, tc.new, 1)
			if bad == string(good) {
				t.Fatalf("test did not change the file: %q not found", tc.old)
			}
			_, err := Parse("broken.json", []byte(bad))
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("Parse accepted a broken file (err %v)", err)
			}
			msg := ps[0].Error()
			for _, goName := range []string{"graphmodel.", "float64", "int ", "[]", "json: ", "struct"} {
				if strings.Contains(msg, goName) {
					t.Errorf("message %q names Go's %q; say it in the file's words", msg, goName)
				}
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
			if ps[0].Line != tc.line {
				t.Errorf("line %d, want %d (%s)", ps[0].Line, tc.line, msg)
			}
			if !strings.HasPrefix(msg, "broken.json:") {
				t.Errorf("message %q does not start with the file name", msg)
			}
		})
	}
}

func TestAllProblemsAtOnce(t *testing.T) {
	good, _ := os.ReadFile("testdata/mini.json")
	bad := strings.NewReplacer(`"kind": "summit"`, `"kind": "x"`, `"actors": ["C", "A"]`, `"actors": ["C", "Q"]`).Replace(string(good))
	_, err := Parse("b.json", []byte(bad))
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 2 {
		t.Fatalf("want 2 problems, got %v", err)
	}
}
