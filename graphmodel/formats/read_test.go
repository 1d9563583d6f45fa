package formats

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

func mustRead(t *testing.T, path string) *graphmodel.Dataset {
	t.Helper()
	ds, err := Read(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return ds
}

// TestIntervals reads GEXF, GraphML and CSV files written as their specs
// and Gephi describe them, static and dynamic, and checks that relations
// come out with the right actors and times.
func TestIntervals(t *testing.T) {
	tests := []struct {
		file, rel  string
		start, end string // "" is open
		directed   bool
		kind       graphmodel.Kind
	}{
		// The GEXF 1.3 primer's dynamics example: timeformat date, open
		// intervals, edges without ids.
		{"dynamics.gexf", "e0", "2009-03-01", "", true, "partnership"},
		{"dynamics.gexf", "e1", "2009-03-01", "2009-03-10", true, "partnership"},
		{"dynamics.gexf", "e3", "2009-03-01", "2009-03-10", true, "partnership"}, // no start: the range's
		// Spells: one relation per spell.
		{"spells.gexf", "sino-soviet#1", "1950-04-11", "1960-07-16", false, "alliance"},
		{"spells.gexf", "sino-soviet#2", "1961-07-01", "1980-04-11", false, "alliance"},
		{"spells.gexf", "prc-dprk", "1961-09-10", "", false, "alliance"},
		// timeformat integer: years; the edge's kind attribute (GEXF 1.3).
		{"integer.gexf", "war", "1950", "1953", false, "war"},
		{"integer.gexf", "alliance", "1953", "", false, "partnership"},
		// timeformat double and GEXF 1.2's exclusive startopen/endopen.
		{"double.gexf", "a", "2000-07", "2005", true, "partnership"},
		{"double.gexf", "b", "2006", "2009", true, "partnership"},
		// timeformat dateTime: the day, whatever the hour and zone.
		{"datetime.gexf", "camp-david", "2023-08-18", "2023-08-18", false, "partnership"},
		{"datetime.gexf", "normalisation", "1965-12-18", "", false, "partnership"},
		// GEXF 1.3 timestamps: each a one-moment relation.
		{"timestamps.gexf", "meet#1", "2001", "2001", false, "partnership"},
		{"timestamps.gexf", "meet#2", "2003", "2003", false, "partnership"},
		{"timestamps.gexf", "once", "2005", "2005", false, "partnership"},
		{"timestamps.gexf", "spell", "2007", "2007", false, "partnership"},
		// GEXF 1.3 intervals attribute, inclusive and exclusive bounds.
		{"intervals.gexf", "e#1", "2000", "2005", false, "partnership"},
		{"intervals.gexf", "e#2", "2011", "2014", false, "partnership"},
		// Static GEXF: no dates, the undated year.
		{"static.gexf", "0", "2000", "", true, "partnership"},
		// Dynamic names, a kind default, an unknown kind.
		{"names.gexf", "split", "1960", "1989-05", false, "hostility"},
		{"names.gexf", "odd", "1950-02-14", "", false, "partnership"},
		// GraphML: static, hyperedges, yEd labels, start/end data.
		{"simple.graphml", "e2", "2000", "", true, "partnership"},
		{"simple.graphml", "e0", "2000", "", false, "alliance"},
		{"yed.graphml", "e0", "1952-04-28", "1960-06-23", true, "partnership"},
		// CSV: an actors column, and Gephi's edge table with timesets.
		{"alliances.csv", "us-jp", "1960-06-23", "", false, "alliance"},
		{"alliances.csv", "arms", "1950", "1953", true, "arms"},
		{"gephi-edges.csv", "1#2", "2005", "2006", true, "partnership"},
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
			if r.Directed != tc.directed {
				t.Errorf("directed %v, want %v", r.Directed, tc.directed)
			}
			if r.Kind != tc.kind {
				t.Errorf("kind %q, want %q", r.Kind, tc.kind)
			}
		})
	}
}

// TestMapping checks what else comes across: names over time, spans,
// colours, multi-actor relations, unknown attributes kept in descriptions.
func TestMapping(t *testing.T) {
	names := mustRead(t, "testdata/names.gexf")
	ru := names.Actor("RU")
	if len(ru.Names) != 2 || ru.Names[0].Name != "Soviet Union" || ru.Names[1].Name != "Russia" || ru.Names[1].From.String() != "1991-12-26" {
		t.Errorf("RU names %+v, want Soviet Union then Russia from 1991-12-26", ru.Names)
	}
	if d := names.Relation("friendship").Description; d != "Renewed in 2021\n\nTreaty: 2001 treaty" {
		t.Errorf("friendship description %q", d)
	}
	if d := names.Relation("odd").Description; d != "kind: friendship" {
		t.Errorf("odd description %q, want the unknown kind kept", d)
	}
	spells := mustRead(t, "testdata/spells.gexf")
	if a := spells.Actor("USSR"); a.Span.Start.String() != "1945-01-01" || a.Span.End.String() != "1991-12-25" || a.Color != "#cc0000" {
		t.Errorf("USSR span %v color %q", a.Span, a.Color)
	}
	if spells.Range.Start.String() != "1945-01-01" || spells.Range.End.String() != "2024-12-31" {
		t.Errorf("range %v, want the graph's start and end", spells.Range)
	}
	dyn := mustRead(t, "testdata/dynamics.gexf")
	if dyn.Range.Start.String() != "2009-03-01" || dyn.Range.End.String() != "2009-03-10" {
		t.Errorf("range %v, want the data's first and last dates", dyn.Range)
	}
	if a := dyn.Actor("2"); !a.Span.Start.IsZero() || a.Span.End.String() != "2009-03-10" {
		t.Errorf("node 2 span %v, want open start to 2009-03-10 (its spells' hull)", a.Span)
	}
	gml := mustRead(t, "testdata/simple.graphml")
	if h := gml.Relation("h0"); strings.Join(h.Actors, ",") != "n0,n1,n4" {
		t.Errorf("hyperedge actors %v", h.Actors)
	}
	if n := gml.Actor("n0"); n.Names[0].Name != "Zero" || n.Color != "" {
		t.Errorf("n0 %+v: want label Zero and no colour (green is not #rrggbb)", n)
	}
	csv := mustRead(t, "testdata/alliances.csv")
	if su := csv.Actor("SU"); len(su.Names) != 2 || su.Names[1].Name != "Russia" || su.Anchor != [2]float64{37.6, 55.8} {
		t.Errorf("SU %+v", su)
	}
	if r := csv.Relation("six"); len(r.Actors) != 6 || r.Start.String() != "2003-08" || !strings.Contains(r.Description, `"North Korean"`) {
		t.Errorf("six %+v", r)
	}
	edges := mustRead(t, "testdata/gephi-edges.csv")
	if len(edges.Actors) != 3 || edges.Relation("2") != nil {
		t.Errorf("Gephi edge table: %d actors (want 3, made from the edges), self-loop kept: %v", len(edges.Actors), edges.Relation("2") != nil)
	}
}

// TestSmallDatasets opens datasets with no dates, one actor, or none.
func TestSmallDatasets(t *testing.T) {
	tests := []struct {
		name, format, data string
		actors, relations  int
		rangeText          string
	}{
		{"no dates", "gexf", `<gexf version="1.3"><graph><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b"/></edges></graph></gexf>`, 2, 1, "2000 2000"},
		{"one actor", "gexf", `<gexf version="1.3"><graph><nodes><node id="a" label="Alone"/></nodes></graph></gexf>`, 1, 0, "2000 2000"},
		{"no actors", "gexf", `<gexf version="1.3"><graph><nodes/><edges/></graph></gexf>`, 0, 0, "2000 2000"},
		{"one dated actor", "gexf", `<gexf version="1.3"><graph timeformat="date"><nodes><node id="a" start="1950-05"/></nodes></graph></gexf>`, 1, 0, "1950-05 1950-05"},
		{"graph start only", "gexf", `<gexf version="1.3"><graph timeformat="integer" start="1990"><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b" end="1995"/></edges></graph></gexf>`, 2, 1, "1990 1995"},
		{"graphml no actors", "graphml", `<graphml><graph edgedefault="undirected"/></graphml>`, 0, 0, "2000 2000"},
		{"csv header only", "csv", "id,kind,name,actors,start,end\n", 0, 0, "2000 2000"},
		{"json empty", "json", `{"title": "E", "range": {"start": "2000", "end": "2000"}, "sources": [], "actors": [], "relations": []}`, 0, 0, "2000 2000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := ReadBytes("small."+tc.format, tc.format, []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if len(ds.Actors) != tc.actors || len(ds.Relations) != tc.relations {
				t.Errorf("%d actors, %d relations; want %d, %d", len(ds.Actors), len(ds.Relations), tc.actors, tc.relations)
			}
			if got := ds.Range.Start.String() + " " + ds.Range.End.String(); got != tc.rangeText {
				t.Errorf("range %s, want %s", got, tc.rangeText)
			}
			for _, ext := range []string{".json", ".gexf", ".graphml", ".csv", ".dot"} {
				if err := Write(filepath.Join(t.TempDir(), "out"+ext), ds); err != nil {
					t.Errorf("write %s: %v", ext, err)
				}
			}
		})
	}
}

// problemAt is a problem expected at a line, with words its message holds.
type problemAt struct {
	line int
	want string
}

// TestBrokenFiles checks that every problem in a broken file is reported,
// at the right line, with a way to fix it.
func TestBrokenFiles(t *testing.T) {
	tests := []struct {
		file string
		want []problemAt
	}{
		{"broken-unclosed.gexf", []problemAt{{7, "element <node> closed by </nodes>"}}},
		{"broken-syntax.gexf", []problemAt{{5, "write & as &amp;"}}},
		{"broken-entity.gexf", []problemAt{{2, "DOCTYPE declares entities"}}},
		{"broken-dates.gexf", []problemAt{
			{7, `"1950-13-01" is not a date`},
			{12, `"1335090239" is not a year`},
			{13, `duplicate id "e1"`},
			{10, "end 1950-01-01 is before start 1960-01-01"},
			{11, `unknown actor "q"`},
		}},
		{"broken.graphml", []problemAt{
			{7, "<node> has no id"},
			{10, `"yesterday" is neither a date nor a number`},
			{8, `unknown actor "z"`},
		}},
		{"broken.csv", []problemAt{{3, `extraneous or missing " in quoted-field`}}},
		{"broken-fields.csv", []problemAt{
			{2, `"1950-13" is not a date`},
			{5, `"19x0" is neither a date nor a number`},
			{5, `duplicate id "r1"`},
			{3, `needs two or more actors`},
		}},
		{"broken.json", []problemAt{{9, `unknown actor "B"`}}},
		{"broken-actors.csv", []problemAt{
			{2, `broken-actors.actors.csv:2:12: start: time "1949-02-30" is not a date`},
			{3, `broken-actors.actors.csv:3:12: longitude "east" is not a number`},
			{4, `broken-actors.actors.csv:4:1: actor "A" has a second row without a from date`},
			{3, `broken-actors.csv:3:17: relation "r2" actors[1]: unknown actor "Z"`},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", tc.file)
			_, err := Read(path)
			var ps graphmodel.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("want Problems, got %v", err)
			}
			if len(ps) != len(tc.want) {
				t.Errorf("%d problems, want %d:\n%v", len(ps), len(tc.want), err)
			}
			for i, w := range tc.want {
				if i >= len(ps) {
					break
				}
				msg := ps[i].Error()
				if ps[i].Line != w.line || !strings.Contains(msg, w.want) {
					t.Errorf("problem %d is %q; want line %d with %q", i, msg, w.line, w.want)
				}
				if !strings.HasPrefix(msg, strings.TrimSuffix(path, ".csv")) || !strings.Contains(msg, ";") {
					t.Errorf("problem %q does not read FILE:LINE:COL: what; how to fix", msg)
				}
			}
		})
	}
}

// TestLimits feeds inputs built to exhaust a reader and checks that each is
// refused with a message naming the limit.
func TestLimits(t *testing.T) {
	deepXML := "<gexf><graph>" + strings.Repeat("<a>", MaxDepth) + strings.Repeat("</a>", MaxDepth) + "</graph></gexf>"
	bigNode := `<gexf><graph><nodes><node id="a"><attvalues>` + strings.Repeat(`<attvalue for="x" value="1"/>`, MaxItemElements) + `</attvalues></node></nodes></graph></gexf>`
	manyKept := `<gexf><graph><attributes class="node">` + strings.Repeat(`<attribute id="x" title="x"/>`, MaxKeptElements) + `</attributes></graph></gexf>`
	billion := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><gexf><graph><nodes><node id="&lol2;"/></nodes></graph></gexf>`
	deepJSON := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	intervals := `<gexf><graph><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b" intervals="` + strings.Repeat("[2000,2001];", MaxIntervals+1) + `"/></edges></graph></gexf>`
	tests := []struct {
		name, format, data, want string
	}{
		{"xml depth", "gexf", deepXML, "nest more than 64 deep"},
		{"item size", "gexf", bigNode, "more than 10000 elements"},
		{"kept elements", "gexf", manyKept, "more than 100000 elements outside nodes and edges"},
		{"entity expansion", "gexf", billion, "DOCTYPE declares entities"},
		{"json depth", "json", deepJSON, "nest more than 64 deep"},
		{"intervals", "gexf", intervals, "more than 10000 intervals"},
		{"unknown format", "dot", "digraph{}", `unknown format "dot"`},
		{"not xml", "gexf", "hello", "no XML element found"},
		{"wrong root", "gexf", "<graphml/>", "not <gexf>"},
		{"latin1", "gexf", `<?xml version="1.0" encoding="ISO-8859-1"?><gexf/>`, "save the file as UTF-8"},
		{"csv not utf8", "csv", "id,actors\nr\xff,a;b\n", "not UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadBytes("limit."+tc.format, tc.format, []byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want a problem with %q", err, tc.want)
			}
			var ps graphmodel.Problems
			if !errors.As(err, &ps) {
				t.Errorf("error is %T, not Problems", err)
			}
		})
	}
}

// TestProblemCap checks that a file with very many problems reports
// MaxProblems of them and says it stopped.
func TestProblemCap(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<gexf><graph timeformat="date"><nodes><node id="a"/><node id="b"/></nodes><edges>`)
	for range 200 {
		b.WriteString(`<edge source="a" target="b" start="bad"/>` + "\n")
	}
	b.WriteString(`</edges></graph></gexf>`)
	_, err := ReadBytes("many.gexf", "gexf", []byte(b.String()))
	var ps graphmodel.Problems
	if !errors.As(err, &ps) || len(ps) != graphmodel.MaxProblems+1 || !strings.Contains(ps[len(ps)-1].Msg, "stopped after") {
		t.Fatalf("got %d problems, want %d and a note that it stopped", len(ps), graphmodel.MaxProblems+1)
	}
}

// TestCSVFiles checks how a CSV path names its pair of files.
func TestCSVFiles(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ path, rel, act string }{
		{"x/alliances.csv", "x/alliances.csv", "x/alliances.actors.csv"},
		{"x/alliances.actors.csv", "x/alliances.csv", "x/alliances.actors.csv"},
		{"x/alliances.relations.csv", "x/alliances.relations.csv", "x/alliances.actors.csv"},
		{"x/relations.csv", "x/relations.csv", "x/actors.csv"},
		{"x/actors.csv", "x/relations.csv", "x/actors.csv"},
		{dir, filepath.Join(dir, "relations.csv"), filepath.Join(dir, "actors.csv")},
	}
	for _, tc := range tests {
		rel, act := CSVFiles(tc.path)
		if rel != tc.rel || act != tc.act {
			t.Errorf("CSVFiles(%q) = %q, %q; want %q, %q", tc.path, rel, act, tc.rel, tc.act)
		}
	}
	// A folder of actors.csv and relations.csv reads as one dataset.
	for _, f := range [][2]string{{"alliances.csv", "relations.csv"}, {"alliances.actors.csv", "actors.csv"}} {
		data, err := os.ReadFile(filepath.Join("testdata", f[0]))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f[1]), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if ds := mustRead(t, dir); len(ds.Actors) != 6 || len(ds.Relations) != 4 {
		t.Errorf("folder: %d actors, %d relations; want 6, 4", len(ds.Actors), len(ds.Relations))
	}
}

// TestPlainLineBreaks checks that no field keeps a \r\n, which encoding/csv
// would read back as \n once the file is saved, and that other carriage
// returns stay.
func TestPlainLineBreaks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"a\nb", "a\nb"},
		{"a\r\nb", "a\nb"},
		{"a\r\r\r\nb", "a\nb"},
		{"a\rb\r", "a\rb\r"},
		{"\r\n\r\r\n\r", "\n\n\r"},
	}
	for _, tc := range tests {
		if got := plainLineBreaks(tc.in); got != tc.want {
			t.Errorf("plainLineBreaks(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestReadSniff checks that .xml and unknown extensions are told apart by
// their content, and that a missing file is a located problem.
func TestReadSniff(t *testing.T) {
	dir := t.TempDir()
	for src, dst := range map[string]string{"spells.gexf": "a.xml", "simple.graphml": "b.xml", "mini.json": "c.data"} {
		data, err := os.ReadFile(filepath.Join("testdata", src))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, dst)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		mustRead(t, p)
	}
	_, err := Read(filepath.Join(dir, "missing.gexf"))
	var ps graphmodel.Problems
	if !errors.As(err, &ps) || !strings.Contains(err.Error(), "missing.gexf: cannot read") {
		t.Errorf("missing file: %v", err)
	}
}
