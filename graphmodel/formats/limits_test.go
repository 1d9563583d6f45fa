package formats

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// TestOversizedFileRefusedBeforeReading protects memory: a file over
// MaxFileBytes is refused from its size alone, not read (and its buffer
// grown to twice the limit) first.
func TestOversizedFileRefusedBeforeReading(t *testing.T) {
	for _, name := range []string{"big.json", "big.gexf", "big.csv"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, MaxFileBytes+1); err != nil { // sparse: no disk used
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Read(path)
			runtime.ReadMemStats(&after)
			var ps graphmodel.Problems
			if !errors.As(err, &ps) || len(ps) != 1 || !strings.Contains(ps[0].Msg, "over the") || ps[0].File != path {
				t.Fatalf("Read = %v, want one problem that names the file and the limit", err)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 16<<20 {
				t.Errorf("refusing the file allocated %d MB; it should not read it", got>>20)
			}
		})
	}
}

// countingWriter counts what is written to it.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// writtenSize is how many bytes Write would put in a file of the format
// (both files for CSV).
func writtenSize(t *testing.T, ext string, ds *graphmodel.Dataset) int64 {
	t.Helper()
	var c countingWriter
	var err error
	switch ext {
	case ".json":
		err = encodeJSON(&c, ds)
	case ".csv":
		if err = encodeActorsCSV(&c, ds); err == nil {
			err = encodeRelationsCSV(&c, ds)
		}
	case ".gexf":
		err = encodeGEXF(&c, ds)
	case ".graphml":
		err = encodeGraphML(&c, ds)
	}
	if err != nil {
		t.Fatal(err)
	}
	return c.n
}

// TestLimitNetworkWrittenIsRead checks the rule that what Echoes writes it
// reads: a network at the limits (MaxActors actors, MaxRelations
// relations, shaped as the timing table's files) written in any format it
// reads, GEXF the most verbose, stays within MaxFileBytes. The size is
// projected from the bytes each actor and each relation adds.
func TestLimitNetworkWrittenIsRead(t *testing.T) {
	read := func(actors, relations int) *graphmodel.Dataset {
		path := filepath.Join(t.TempDir(), "n.csv")
		writeLargeCSV(t, path, actors, relations)
		return mustRead(t, path)
	}
	const a, r = 400, 2_000
	base, moreRel, moreAct := read(a, r), read(a, 3*r), read(3*a, r)
	for _, ext := range []string{".json", ".csv", ".gexf", ".graphml"} {
		s := writtenSize(t, ext, base)
		perRel := float64(writtenSize(t, ext, moreRel)-s) / (2 * r)
		perActor := float64(writtenSize(t, ext, moreAct)-s) / (2 * a)
		projected := float64(s) + perRel*(MaxRelations-r) + perActor*(MaxActors-a)
		t.Logf("%s: %.0f bytes a relation, %.0f an actor: %.0f MB at the limits (limit %d MB)", ext, perRel, perActor, projected/(1<<20), MaxFileBytes>>20)
		if projected > MaxFileBytes {
			t.Errorf("%s at the limits would be %.0f MB, over the %d MB Echoes reads", ext, projected/(1<<20), MaxFileBytes>>20)
		}
	}
}

// TestWriteRefusesFileTooBigToRead protects the same rule for data
// shaped otherwise (long descriptions, say): the writer stops at the read
// limit with a message that says what to do, rather than write a file
// Echoes then refuses.
func TestWriteRefusesFileTooBigToRead(t *testing.T) {
	var c countingWriter
	w := &readableWriter{w: &c, limit: 10}
	if _, err := io.WriteString(w, "0123456789"); err != nil {
		t.Fatalf("a write up to the limit failed: %v", err)
	}
	_, err := io.WriteString(w, "x")
	if err == nil || !strings.Contains(err.Error(), "over the") || !strings.Contains(err.Error(), "split") {
		t.Fatalf("write past the limit = %v, want an error that gives the limit and a fix", err)
	}
}

// TestPlacesGiveBackWhatWasKept protects the compact store of item places
// (which replaced an itemLoc with its own list of fields per item): each
// item comes back with its file, what, position and the last place of
// each field, so problems found by validation still point at the field.
func TestPlacesGiveBackWhatWasKept(t *testing.T) {
	var ps places
	a := itemLoc{pos: pos{3, 1}, file: "x.actors.csv", what: "row"}
	a.field("kind", pos{3, 5})
	a.field("actors", pos{3, 9})
	a.field("actors", pos{3, 12})
	b := itemLoc{pos: pos{7, 2}, what: "edge"}
	ps.add(a)
	ps.add(b)
	if ps.len() != 2 {
		t.Fatalf("%d items kept, want 2", ps.len())
	}
	got := ps.get(0)
	if got.pos != a.pos || got.file != a.file || got.what != a.what {
		t.Errorf("item 0 is %+v, want %+v", got, a)
	}
	for name, want := range map[string]pos{"kind": {3, 5}, "actors": {3, 12}} {
		if at, ok := got.fieldAt(name); !ok || at != want {
			t.Errorf("field %s at %v (%v), want %v", name, at, ok, want)
		}
	}
	if _, ok := got.fieldAt("start"); ok {
		t.Error("a field never set has a place")
	}
	if g := ps.get(1); g.pos != b.pos || g.file != "" || g.what != "edge" || len(g.fields) != 0 {
		t.Errorf("item 1 is %+v, want %+v", g, b)
	}
}
