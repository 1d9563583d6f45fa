package formats

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// TestGephiCSVShapes reads the tables Gephi's Data Laboratory exports
// ("Export table"): edges with an Interval (Gephi 0.9 and later), Time
// Interval (0.8) or Timestamp column, Infinity for an open bound, and each
// separator Gephi offers: comma, semicolon, tab and space.
func TestGephiCSVShapes(t *testing.T) {
	tests := []struct {
		file, rel  string
		start, end string // "" is open
		name       string
		actors     string
	}{
		// Comma; Infinity and -Infinity are open bounds.
		{"gephi-interval.csv", "0", "1952-04-28", "", "Security treaty", "JP,US"},
		{"gephi-interval.csv", "1", "1950", "1980-04-11", "Sino-Soviet treaty", "CN,SU"}, // no start: the range's
		{"gephi-interval.csv", "3#1", "1950", "1953", "arms", "SU,KP"},
		{"gephi-interval.csv", "3#2", "1961", "1991", "arms", "SU,KP"},
		// Semicolon, CRLF; a Timestamp column: each timestamp a moment.
		{"gephi-timestamp.csv", "0#1", "2023-03-16", "2023-03-16", "summit", "JP,KR"},
		{"gephi-timestamp.csv", "0#2", "2023-05-07", "2023-05-07", "summit", "JP,KR"},
		{"gephi-timestamp.csv", "1", "2018-10-26", "2018-10-26", "", "JP,CN"},
		// Space, with quoted labels and time sets.
		{"gephi-space.csv", "0", "2024-06-19", "", "Comprehensive Strategic Partnership", "KP,RU"},
		{"gephi-space.csv", "2", "1992", "2024", "arms sales", "CN,RU"},
		// Tab, Gephi 0.8's "Time Interval".
		{"gephi-tab.csv", "1", "1953", "2024", "Mutual Defense", "US,KR"},
	}
	cache := map[string]*graphmodel.Dataset{}
	for _, tc := range tests {
		t.Run(tc.file+"/"+tc.rel, func(t *testing.T) {
			ds := cache[tc.file]
			if ds == nil {
				ds = mustRead(t, filepath.Join("testdata", tc.file))
				cache[tc.file] = ds
			}
			r := ds.Relation(tc.rel)
			if r == nil {
				t.Fatalf("no relation %q", tc.rel)
			}
			if got := dateText(r.Start); got != tc.start {
				t.Errorf("start %q, want %q", got, tc.start)
			}
			if got := dateText(r.End); got != tc.end {
				t.Errorf("end %q, want %q", got, tc.end)
			}
			if r.Name != tc.name {
				t.Errorf("name %q, want %q", r.Name, tc.name)
			}
			if got := strings.Join(r.Actors, ","); got != tc.actors {
				t.Errorf("actors %s, want %s", got, tc.actors)
			}
		})
	}
	// Gephi's node table as the actors file: Id, Label, and an Interval
	// that is the actor's span.
	ds := mustRead(t, "testdata/gephi-space.csv")
	if a := ds.Actor("KP"); a == nil || a.Names[0].Name != "North Korea" || a.Span.Start.String() != "1948-09-09" || !a.Span.End.IsZero() {
		t.Errorf("KP from the node table: %+v", a)
	}
}

// TestGephiTimeSetBounds checks the bounds of Gephi's time sets, in every
// time format Gephi prints: open with Infinity, years as doubles, dates and
// date-times.
func TestGephiTimeSetBounds(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<[2016-03-04, Infinity]>", "2016-03-04 "},
		{"<[-Infinity, 1991-12-25]>", " 1991-12-25"},
		{"<[-Infinity, Infinity]>", " "},
		{"<[2000.0, 2004.0]; [2010.0, 2012.0]>", "2000 2004; 2010 2012"},
		{"<[2016-03-04T10:00:00.000+01:00, 2016-03-05T00:00:00.000Z]>", "2016-03-04 2016-03-05"},
	}
	for _, tc := range tests {
		ivs, err := parseIntervals(tc.in)
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		var parts []string
		for _, iv := range ivs {
			parts = append(parts, dateText(iv.start)+" "+dateText(iv.end))
		}
		if got := strings.Join(parts, "; "); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestCSVSeparatorInMessage checks that a quote the CSV reader cannot place
// is reported in words with the separator it used, not as Go's "bare \" in
// non-quoted-field".
func TestCSVSeparatorInMessage(t *testing.T) {
	_, err := ReadBytes("odd.csv", "csv", []byte("source;target;label\nA;B;the \"big\" one\n"))
	var ps graphmodel.Problems
	if !errors.As(err, &ps) || len(ps) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	msg := ps[0].Error()
	for _, want := range []string{"odd.csv:2:", `a " in a field that is not quoted`, "separated by semicolons"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "bare") {
		t.Errorf("%q still words it as Go does", msg)
	}
}

// TestQuotedCSVIDsKeepSpaces checks that an id quoted in the file keeps the
// spaces at its ends, in every column that holds ids (id, actors as a JSON
// list, source and target), that unquoted fields lose theirs, and that such
// ids survive a CSV round trip.
func TestQuotedCSVIDsKeepSpaces(t *testing.T) {
	rel := "id,actors,name\n\" r1\",\"[\"\" A\"\",\"\"B \"\"]\",  spaced name  \n  r2  , C ;  D  ,x\n"
	act := "id,name\n\" A\",Alpha\n\"B \",Beta\n C ,Gamma\nD,Delta\n"
	ds, _, err := readCSV("q.csv", []byte(rel), "q.actors.csv", []byte(act))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{" A", "B ", "C", "D"} {
		if ds.Actor(id) == nil {
			t.Errorf("no actor %q", id)
		}
	}
	if r1 := ds.Relation(" r1"); r1 == nil || strings.Join(r1.Actors, "|") != " A|B " || r1.Name != "spaced name" {
		t.Errorf("relation \" r1\": %+v", r1)
	}
	if r2 := ds.Relation("r2"); r2 == nil || strings.Join(r2.Actors, "|") != "C|D" {
		t.Errorf("relation r2: %+v", r2)
	}
	// Source and target columns keep quoted spaces too.
	ed, _, err := readCSV("e.csv", []byte("source,target\n\" A\",\"B \"\n"), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if ed.Actor(" A") == nil || ed.Actor("B ") == nil {
		t.Errorf("source and target ids: %d actors", len(ed.Actors))
	}
	// A round trip: Echoes writes an id with spaces at its ends quoted.
	src, _, err := readCSV("l.csv", []byte("id,actors\n\" r \",\"[\"\" A\"\",\"\"B \"\"]\"\n"), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	var r, a bytes.Buffer
	if err := encodeRelationsCSV(&r, src); err != nil {
		t.Fatal(err)
	}
	if err := encodeActorsCSV(&a, src); err != nil {
		t.Fatal(err)
	}
	back, _, err := readCSV("back.csv", r.Bytes(), "back.actors.csv", a.Bytes())
	if err != nil {
		t.Fatalf("read back: %v\n%s\n%s", err, r.String(), a.String())
	}
	if want, got := canon(t, src, false), canon(t, back, false); want != got {
		t.Errorf("CSV round trip changed the ids:\n%s", firstDiff(want, got))
	}
}
