package lesson

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/resources"
)

func dataset(t *testing.T) *graphmodel.Dataset {
	t.Helper()
	ds, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

const good = `{
  "echoes": "lesson",
  "title": "Two treaties",
  "steps": [
    {"event": "e1950-02-14", "notes": "Ask who signs."},
    {"date": "1961-07-11", "predict": true, "question": "What does Pyongyang get?", "caption": "Two pledges."},
    {"date": "2024", "compare": "1950", "hide": ["sanctions"], "focus": ["RUS", "DPRK"], "zoom": 1.5}
  ]
}
`

func TestParseGood(t *testing.T) {
	ds := dataset(t)
	l, err := Parse("good.json", []byte(good), ds)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Steps) != 3 {
		t.Fatalf("%d steps", len(l.Steps))
	}
	if got := l.Steps[0].ShownTitle(ds); got != "Stalin and Mao sign an alliance" {
		t.Errorf("event title: %q", got)
	}
	if got, want := l.Steps[1].Day(ds), graphmodel.DayOf(1961, 7, 11); got != want || l.Steps[1].Before(ds) != want-1 {
		t.Errorf("day %v, before %v", got, l.Steps[1].Before(ds))
	}
	if got, want := l.Steps[2].Day(ds), graphmodel.DayOf(2024, 12, 31); got != want {
		t.Errorf("a bare year is its last day: %v, want %v", got, want)
	}
	// What Marshal writes reads back the same.
	b, err := l.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	again, err := Parse("again.json", b, ds)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	b2, _ := again.Marshal()
	if string(b) != string(b2) {
		t.Errorf("round trip differs:\n%s\n%s", b, b2)
	}
}

// TestBadLessons: each bad file gives one located line naming what is
// wrong and how to fix it.
func TestBadLessons(t *testing.T) {
	ds := dataset(t)
	head := `{"echoes": "lesson", "title": "T", "steps": [` + "\n"
	tests := []struct {
		name, text, at, says string
	}{
		{"wrong JSON", head + `{"event": "e1950-02-14",}]}`, "2:25", "JSON syntax"},
		{"cut short", head + `{"event": "e1950-02-14"}`, "2:25", "ends too early"},
		{"unknown event", head + `{"event": "e1999-01-01"}]}`, "2:11", `unknown event "e1999-01-01"`},
		{"date out of range", head + `{"date": "1930"}]}`, "2:10", "outside the dataset's range"},
		{"another dataset's actors", head + `{"date": "1950", "focus": ["FRA"]}]}`, "2:28", `actor "FRA" is not in`},
		{"bad date", head + `{"date": "1950-13"}]}`, "2:10", "is not a date"},
		{"unknown key", head + `{"date": "1950", "colour": "red"}]}`, "2:18", `unknown key "colour"`},
		{"predict without question", head + `{"date": "1950", "predict": true}]}`, "2:29", "asks a question"},
		{"no event nor date", head + `{"title": "x"}]}`, "2:1", "neither an event nor a date"},
		{"unknown kind", head + `{"date": "1950", "hide": ["love"]}]}`, "2:27", `unknown relation kind "love"`},
		{"zoom", head + `{"date": "1950", "zoom": 20}]}`, "2:26", "zoom 20 is out of range"},
		{"wrong type", head + `{"date": 1950}]}`, "2:10", "write text in quotes"},
		{"a dataset", `{"title": "x", "range": {"start": "1945"}, "steps": []}`, "1:1", `a lesson starts with "echoes": "lesson"`},
	}
	loc := regexp.MustCompile(`^bad\.json:(\d+:\d+): `)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("bad.json", []byte(tc.text), ds)
			if err == nil {
				t.Fatal("accepted")
			}
			ps, ok := err.(graphmodel.Problems)
			if !ok || len(ps) == 0 {
				t.Fatalf("not Problems: %T %v", err, err)
			}
			first := ps[0].Error()
			m := loc.FindStringSubmatch(first)
			if m == nil || m[1] != tc.at {
				t.Errorf("placed %q, want at %s", first, tc.at)
			}
			if !strings.Contains(first, tc.says) || strings.Contains(first, "\n") {
				t.Errorf("%q does not say %q on one line", first, tc.says)
			}
			if !strings.Contains(first, "; ") {
				t.Errorf("%q says no fix", first)
			}
		})
	}
}

func TestIsLesson(t *testing.T) {
	broken := `{"echoes": "lesson", "title": "T", "steps": [}`
	if !IsLesson([]byte(good)) || !IsLesson([]byte(broken)) || IsLesson(resources.DatasetJSON()) || IsLesson([]byte("not json")) {
		t.Error("IsLesson tells lessons from datasets wrongly")
	}
}

func TestSaveAtomic(t *testing.T) {
	ds := dataset(t)
	l, err := Parse("good.json", []byte(good), ds)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "l.json")
	if err := l.Save(path); err != nil {
		t.Fatal(err)
	}
	// A save into a folder where the file cannot go fails and leaves
	// nothing behind.
	if err := l.Save(filepath.Join(dir, "missing", "l.json")); err == nil {
		t.Error("save into a missing folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left %d files", len(entries))
	}
	data, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(path, data, ds); err != nil {
		t.Error(err)
	}
}

func TestClone(t *testing.T) {
	l := &Lesson{Steps: []Step{{Focus: []string{"RUS"}}}}
	c := l.Clone()
	c.Steps[0].Focus[0] = "PRC"
	c.Steps[0].Title = "x"
	if l.Steps[0].Focus[0] != "RUS" || l.Steps[0].Title != "" {
		t.Error("Clone shares steps")
	}
}
