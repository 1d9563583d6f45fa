package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// canon marshals a dataset for comparison, with or without the parts CSV
// does not carry.
func canon(t testing.TB, ds *graphmodel.Dataset, all bool) string {
	t.Helper()
	if ds.Actors == nil || ds.Relations == nil {
		// An empty list and none are the same dataset (JSON null and []).
		c := *ds
		if c.Actors == nil {
			c.Actors = []*graphmodel.Actor{}
		}
		if c.Relations == nil {
			c.Relations = []*graphmodel.Relation{}
		}
		ds = &c
	}
	v := any(ds)
	if !all {
		v = struct {
			Actors    []*graphmodel.Actor
			Relations []*graphmodel.Relation
		}{ds.Actors, ds.Relations}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// datasets are the real datasets the round trips run on.
func datasets(t *testing.T) map[string]*graphmodel.Dataset {
	out := map[string]*graphmodel.Dataset{}
	for _, p := range []string{"../testdata/mini.json", "../../resources/northeast-asia.json"} {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		ds, err := graphmodel.Load(p)
		if err != nil {
			// The embedded dataset is edited elsewhere; mini.json must load.
			if filepath.Base(p) == "mini.json" {
				t.Fatalf("load %s: %v", p, err)
			}
			t.Logf("skipping %s: %v", p, err)
			continue
		}
		out[filepath.Base(p)] = ds
	}
	if len(out) == 0 {
		t.Fatal("no dataset to test with")
	}
	return out
}

// TestRoundTrip writes each dataset in every format that reads back and
// checks that reading it gives the same dataset, field for field.
func TestRoundTrip(t *testing.T) {
	for name, ds := range datasets(t) {
		for _, tc := range []struct {
			ext string
			all bool // every field survives, not only actors and relations
		}{{".json", true}, {".gexf", true}, {".graphml", true}, {".csv", false}} {
			t.Run(name+tc.ext, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "out"+tc.ext)
				if err := Write(path, ds); err != nil {
					t.Fatal(err)
				}
				back, err := Read(path)
				if err != nil {
					t.Fatalf("read back: %v", err)
				}
				want, got := canon(t, ds, tc.all), canon(t, back, tc.all)
				if want != got {
					t.Errorf("round trip through %s changed the dataset:\n%s", tc.ext, firstDiff(want, got))
				}
			})
		}
	}
}

// firstDiff shows where two texts first differ.
func firstDiff(a, b string) string {
	al, bl := bytes.Split([]byte(a), []byte("\n")), bytes.Split([]byte(b), []byte("\n"))
	for i := 0; i < len(al) && i < len(bl); i++ {
		if !bytes.Equal(al[i], bl[i]) {
			return fmt.Sprintf("line %d:\n want %s\n got  %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths differ: %d vs %d lines", len(al), len(bl))
}
