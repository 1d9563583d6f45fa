package formats

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// TestDOTEscape checks that quotes and backslashes in names come out
// escaped, so the DOT file parses and shows the names as they are.
func TestDOTEscape(t *testing.T) {
	ds := &graphmodel.Dataset{
		Title: `Say "hi" \ bye`,
		Actors: []*graphmodel.Actor{
			{ID: `a"1`, Names: []graphmodel.NameSpan{{Name: `The "Quoted" State`, Short: `Back\slash`}}},
			{ID: `b\`, Names: []graphmodel.NameSpan{{Name: "Line\nbreak", Short: "B"}}},
		},
		Relations: []*graphmodel.Relation{{ID: "r", Kind: graphmodel.Alliance, Name: `Treaty "of" C:\`, Actors: []string{`a"1`, `b\`}, Start: graphmodel.MustDate("1950")}},
	}
	var b bytes.Buffer
	if err := encodeDOT(&b, ds); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`digraph "Say \"hi\" \\ bye" {`,
		`"a\"1" [label="Back\\slash", tooltip="The \"Quoted\" State"];`,
		`"b\\" [label="B", tooltip="Line\nbreak"];`,
		`"a\"1" -> "b\\" [id="r", label="Treaty \"of\" C:\\", kind="alliance", start="1950", dir=none];`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s\n%s", want, out)
		}
	}
	// Every quote inside a string is escaped: outside strings, quotes pair up
	// on each line.
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "//") {
			continue
		}
		n := 0
		for i := 0; i < len(line); i++ {
			switch line[i] {
			case '\\':
				i++
			case '"':
				n++
			}
		}
		if n%2 != 0 {
			t.Errorf("unbalanced quotes in %q", line)
		}
	}
}

// TestWriteAtomic checks that Write leaves no temporary file behind and
// refuses an unknown extension without touching anything.
func TestWriteAtomic(t *testing.T) {
	ds, err := graphmodel.Load("../testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, ext := range WriteFormats() {
		if err := Write(filepath.Join(dir, "mini"+ext), ds); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(filepath.Join(dir, "mini.txt"), ds); err == nil || !strings.Contains(err.Error(), "unknown format") {
		t.Errorf("unknown extension: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := "mini.actors.csv mini.csv mini.dot mini.gexf mini.graphml mini.json"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("files %s, want %s", got, want)
	}
	if err := Write(filepath.Join(dir, "no", "such", "dir.json"), ds); err == nil {
		t.Error("write into a missing folder succeeded")
	}
}

// TestJSONLooksWritten checks that the native JSON is laid out as people
// write it: each actor and relation on one line.
func TestJSONLooksWritten(t *testing.T) {
	ds, err := graphmodel.Load("../testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := encodeJSON(&b, ds); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"\n  \"title\": \"Mini\",\n",
		"\n    {\"id\": \"B\", \"names\": [{\"name\": \"Beta\", \"short\": \"Beta\"}], \"span\": {\"start\": \"1949-10-01\"}, \"anchor\": [1, 0]},\n",
		"\n    {\"id\": \"C\", \"names\": [{\"name\": \"Gamma\", \"short\": \"Gamma\"}], \"anchor\": [2, 0]},\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %q\n%s", want, out)
		}
	}
}

// TestCSVPairSaveKeepsBothOnFailure protects a CSV save as a pair: when
// the relations file cannot be replaced (a folder stands in its place,
// which fails even for root), the actors file, renamed first, must get
// its old content back, so the pair on disk is the old one whole.
func TestCSVPairSaveKeepsBothOnFailure(t *testing.T) {
	ds, err := graphmodel.Load("../testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		oldActor bool // an actors file is there before the save
	}{
		{"old actors file", true},
		{"no actors file", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			rel, act := CSVFiles(filepath.Join(dir, "x.csv"))
			if err := os.Mkdir(rel, 0o755); err != nil {
				t.Fatal(err)
			}
			if tc.oldActor {
				os.WriteFile(act, []byte("id,name\nold,Old\n"), 0o640)
			}
			// Saved by naming the actors file: named as x.csv, a folder
			// would be taken as the place for relations.csv and actors.csv.
			err := Write(act, ds)
			if err == nil {
				t.Fatal("saving over a folder succeeded")
			}
			if msg := err.Error(); !strings.Contains(msg, rel+": it is a folder") || strings.Contains(msg, ".tmp") {
				t.Errorf("error %q should name %s as a folder, and no temporary file", msg, rel)
			}
			b, rerr := os.ReadFile(act)
			switch {
			case tc.oldActor && string(b) != "id,name\nold,Old\n":
				t.Errorf("actors file is now %q; a failed save must leave it whole", b)
			case tc.oldActor:
				if st, _ := os.Stat(act); st.Mode().Perm() != 0o640 {
					t.Errorf("actors file mode %v, want 0640 as before", st.Mode().Perm())
				}
			case rerr == nil:
				t.Errorf("a failed save left a new actors file: %q", b)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".") {
					t.Errorf("left behind: %s", e.Name())
				}
			}
		})
	}
}

// TestWriteErrorsNameTheTarget protects the wording of a failed write: the
// file the user named and what to do, never the temporary file written
// first.
func TestWriteErrorsNameTheTarget(t *testing.T) {
	ds, err := graphmodel.Load("../testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, nil, 0o644)
	folder := filepath.Join(dir, "folder.json")
	os.Mkdir(folder, 0o755)
	tests := []struct {
		name, path, want string
	}{
		{"missing folder", filepath.Join(dir, "nope", "x.json"), "the folder " + filepath.Join(dir, "nope") + " does not exist"},
		{"a folder in the way", folder, folder + ": it is a folder; give a file name"},
		{"a file as a folder", filepath.Join(file, "x.gexf"), "part of the folder path is a file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(tc.path, ds)
			if err == nil {
				t.Fatal("write succeeded")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "write "+tc.path+": ") || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q, want it to start with write %s and say %q", msg, tc.path, tc.want)
			}
			if strings.Contains(msg, ".tmp") || strings.Contains(msg, "\n") {
				t.Errorf("error %q names a temporary file or spans lines", msg)
			}
		})
	}
}

// TestCSVSafeInSpreadsheet protects CSV output from formula injection: no
// cell may start with = + - @, a tab or a carriage return, as a
// spreadsheet would run it (OWASP's rule; numbers such as -12.5 excepted),
// and the reader must take every escaped cell back as it was, along with
// ids whose spaces at the ends only quoting keeps (other fields are
// trimmed when read, as documented).
func TestCSVSafeInSpreadsheet(t *testing.T) {
	src := `{"title": "t", "range": {"start": "1945", "end": "2024"},
  "actors": [
    {"id": "=HYPERLINK(\"http://x\")", "names": [{"name": "+cmd|' /C calc'!A0", "short": "@SUM(1)"}], "anchor": [-12.5, -3]},
    {"id": " A", "names": [{"name": "-2+3", "short": "'=kept"}], "anchor": [1e-3, 2]},
    {"id": "B ", "names": [{"name": "Tab", "short": "CR"}], "anchor": [0, 0]},
    {"id": "\tT", "names": [{"name": "T", "short": "T"}], "anchor": [0, 0]},
    {"id": "\rR", "names": [{"name": "R", "short": "R"}], "anchor": [0, 0]},
    {"id": "-", "names": [{"name": "''@two quotes", "short": "'plain"}], "anchor": [0, 0]}
  ],
  "relations": [
    {"id": "@r1", "kind": "alliance", "name": "=1+1", "actors": ["=HYPERLINK(\"http://x\")", " A"], "start": "1950", "description": "-d", "ref": "+x"},
    {"id": "r2", "kind": "summit", "name": "s", "actors": ["B ", "-", "\tT", "\rR"], "start": "1960", "description": "@ d"}
  ]}`
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	os.WriteFile(in, []byte(src), 0o644)
	ds, err := graphmodel.Load(in)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.csv")
	if err := Write(out, ds); err != nil {
		t.Fatal(err)
	}
	rel, act := CSVFiles(out)
	for _, p := range []string{rel, act} {
		data, _ := os.ReadFile(p)
		cells := csvCells(t, data)
		for _, c := range cells {
			if c != "" && strings.IndexByte("=+-@\t\r", c[0]) >= 0 && !plainNumber.MatchString(c) {
				t.Errorf("%s: cell %q would run as a formula in a spreadsheet", filepath.Base(p), c)
			}
		}
	}
	back, err := Read(out)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := canon(t, back, false), canon(t, ds, false); got != want {
		t.Errorf("CSV round trip changed the data:\n got %s\nwant %s", got, want)
	}
}

// csvCells returns every cell of a CSV file as a spreadsheet sees it.
func csvCells(t *testing.T, data []byte) []string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, rec := range recs {
		out = append(out, rec...)
	}
	return out
}

func TestEscapeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"=1+1", "'=1+1"},
		{"+x", "'+x"},
		{"-x", "'-x"},
		{"@x", "'@x"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"-12.5", "-12.5"},
		{"+1e3", "+1e3"},
		{"-", "'-"},
		{"'=x", "''=x"},
		{"'x", "'x"},
		{"'", "'"},
	}
	for _, tc := range tests {
		if got := escapeCell(tc.in); got != tc.want {
			t.Errorf("escapeCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if back := unescapeCell(escapeCell(tc.in)); back != tc.in {
			t.Errorf("unescapeCell(escapeCell(%q)) = %q", tc.in, back)
		}
	}
}

// TestWriteAtomicFailedEncodeKeepsOldFile protects the old file when the
// writing itself fails halfway: it stays whole, the half-written
// temporary file is removed, and the error names the file and its cause.
func TestWriteAtomicFailedEncodeKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keep.json")
	os.WriteFile(path, []byte("old"), 0o644)
	err := WriteAtomic(path, func(w io.Writer) error {
		w.Write(bytes.Repeat([]byte("x"), 1<<17)) // past the buffer: on disk
		return errors.New("the encoder broke")
	})
	if err == nil || err.Error() != "write "+path+": the encoder broke" {
		t.Errorf("error %v, want write %s: the encoder broke", err, path)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Error("a failed write changed the old file")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
