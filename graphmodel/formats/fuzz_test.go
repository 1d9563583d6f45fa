package formats

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// seeds adds every testdata file with one of exts to the fuzzer's corpus,
// real files and broken ones alike; the corpus runs in plain go test.
func seeds(f *testing.F, exts ...string) {
	for _, ext := range exts {
		files, err := filepath.Glob(filepath.Join("testdata", "*"+ext))
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// checkDataset checks what any reader returns: a dataset that the native
// parser accepts once written as JSON, and that reads back the same; and,
// for the XML formats, that survives GEXF and GraphML too.
func checkDataset(t *testing.T, ds *graphmodel.Dataset, err error, xmlToo bool) {
	if err != nil {
		if _, ok := err.(graphmodel.Problems); !ok {
			t.Fatalf("error is %T, not Problems: %v", err, err)
		}
		if ds != nil {
			t.Fatal("both a dataset and an error")
		}
		for _, p := range err.(graphmodel.Problems) {
			if p.File == "" || p.Msg == "" {
				t.Fatalf("problem without file or message: %+v", p)
			}
		}
		return
	}
	want := canon(t, ds, true)
	var js bytes.Buffer
	if err := encodeJSON(&js, ds); err != nil {
		t.Fatalf("write JSON: %v", err)
	}
	back, err := graphmodel.Parse("back.json", js.Bytes())
	if err != nil {
		t.Fatalf("the dataset read does not validate once written as JSON: %v\n%s", err, js.String())
	}
	if got := canon(t, back, true); got != want {
		t.Fatalf("JSON round trip changed the dataset:\n%s", firstDiff(want, got))
	}
	if !xmlToo || !xmlSafe(want) {
		return // XML cannot hold control characters
	}
	for _, enc := range []struct {
		format string
		write  func(*bytes.Buffer, *graphmodel.Dataset) error
	}{
		{"gexf", func(b *bytes.Buffer, d *graphmodel.Dataset) error { return encodeGEXF(b, d) }},
		{"graphml", func(b *bytes.Buffer, d *graphmodel.Dataset) error { return encodeGraphML(b, d) }},
	} {
		var b bytes.Buffer
		if err := enc.write(&b, ds); err != nil {
			t.Fatalf("write %s: %v", enc.format, err)
		}
		back, err := ReadBytes("back."+enc.format, enc.format, b.Bytes())
		if err != nil {
			t.Fatalf("%s round trip: %v\n%s", enc.format, err, b.String())
		}
		if got := canon(t, back, true); got != want {
			t.Fatalf("%s round trip changed the dataset:\n%s", enc.format, firstDiff(want, got))
		}
	}
}

// xmlSafe reports whether a dataset's canonical JSON holds only characters
// XML can carry: no escaped control characters, nothing outside XML's
// character range, no U+FFFD that the writers use in their place.
func xmlSafe(canonical string) bool {
	if strings.Contains(canonical, `\u00`) {
		return false
	}
	for _, r := range canonical {
		if !xmlChar(r) || r == '\uFFFD' {
			return false
		}
	}
	return true
}

func FuzzReadJSON(f *testing.F) {
	seeds(f, ".json")
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := ReadBytes("fuzz.json", "json", data)
		checkDataset(t, ds, err, true)
	})
}

func FuzzReadGEXF(f *testing.F) {
	seeds(f, ".gexf")
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := ReadBytes("fuzz.gexf", "gexf", data)
		checkDataset(t, ds, err, true)
	})
}

func FuzzReadGraphML(f *testing.F) {
	seeds(f, ".graphml")
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := ReadBytes("fuzz.graphml", "graphml", data)
		checkDataset(t, ds, err, true)
	})
}

// FuzzReadCSV reads a relations file and an actors file; an empty actors
// file stands for none, so actors are made from the relations.
func FuzzReadCSV(f *testing.F) {
	pairs := [][2]string{{"alliances.csv", "alliances.actors.csv"}, {"gephi-edges.csv", ""}, {"broken.csv", ""}, {"broken-fields.csv", "alliances.actors.csv"},
		{"gephi-space.csv", "gephi-space.actors.csv"}, {"gephi-interval.csv", ""}, {"gephi-timestamp.csv", ""}, {"gephi-tab.csv", ""}}
	for _, p := range pairs {
		rel, err := os.ReadFile(filepath.Join("testdata", p[0]))
		if err != nil {
			f.Fatal(err)
		}
		var act []byte
		if p[1] != "" {
			if act, err = os.ReadFile(filepath.Join("testdata", p[1])); err != nil {
				f.Fatal(err)
			}
		}
		f.Add(rel, act)
	}
	f.Fuzz(func(t *testing.T, rel, act []byte) {
		if len(act) == 0 {
			act = nil
		}
		ds, _, err := readCSV("fuzz.csv", rel, "fuzz.actors.csv", act)
		checkDataset(t, ds, err, false)
		if err != nil {
			return
		}
		// Written as CSV, actors and relations read back the same.
		var r, a bytes.Buffer
		if err := encodeRelationsCSV(&r, ds); err != nil {
			t.Fatal(err)
		}
		if err := encodeActorsCSV(&a, ds); err != nil {
			t.Fatal(err)
		}
		back, _, err := readCSV("back.csv", r.Bytes(), "back.actors.csv", a.Bytes())
		if err != nil {
			t.Fatalf("CSV round trip: %v\n%s\n%s", err, r.String(), a.String())
		}
		if want, got := canon(t, ds, false), canon(t, back, false); want != got {
			t.Fatalf("CSV round trip changed the dataset:\n%s", firstDiff(want, got))
		}
	})
}
