package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel/formats"
	"github.com/echoes-viz/echoes/resources"
)

// TestOpenKeepsDatasetOnBadFile opens a broken file (the old dataset stays,
// every problem is listed), then a good GEXF written from the embedded
// data, then files with one actor and with none.
func TestOpenKeepsDatasetOnBadFile(t *testing.T) {
	w := newTestWindow(t, "2024")
	dir := t.TempDir()
	before := w.Viewer.Dataset()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{\n  \"title\": \"x\",\n  \"range\": {\"start\": \"1945\", \"end\": \"2024\"},\n  \"actors\": [],\n  \"relations\": [{\"id\": \"r\", \"kind\": \"friend\", \"actors\": [\"A\", \"B\"], \"start\": \"1950\"}]\n}\n"), 0o644)
	ds, err := formats.Read(bad)
	w.opened(bad, ds, err)
	if w.Viewer.Dataset() != before {
		t.Fatal("a broken file replaced the open dataset")
	}
	if len(w.lastProblems) < 2 || !strings.Contains(strings.Join(w.lastProblems, "\n"), "bad.json:5:") {
		t.Errorf("problems shown: %q", w.lastProblems)
	}

	good := filepath.Join(dir, "ne-asia.gexf")
	orig, _ := resources.Dataset()
	if err := formats.Write(good, orig); err != nil {
		t.Fatal(err)
	}
	ds, err = formats.Read(good)
	w.opened(good, ds, err)
	if err != nil || w.Viewer.Dataset() == before {
		t.Fatalf("a good GEXF did not open: %v", err)
	}
	if got, want := len(w.Viewer.Dataset().Relations), len(orig.Relations); got != want {
		t.Errorf("GEXF round trip: %d relations, want %d", got, want)
	}
	if !strings.Contains(w.Win.Title(), "ne-asia.gexf") {
		t.Errorf("title %q does not name the file", w.Win.Title())
	}
	capture(w)
	if len(w.Network.Built().Nodes) == 0 {
		t.Error("the opened dataset draws no nodes")
	}

	for name, body := range map[string]string{
		"one.json":  `{"title":"one","range":{"start":"2000","end":"2001"},"sources":[],"actors":[{"id":"A","names":[{"name":"Alpha","short":"Alpha"}],"span":{},"anchor":[0,0]}],"relations":[]}`,
		"none.json": `{"title":"none","range":{"start":"2000","end":"2001"},"sources":[],"actors":[],"relations":[]}`,
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		ds, err := formats.Read(p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		w.opened(p, ds, nil)
		capture(w)
		if name == "none.json" && !hasText(w, "no actors") {
			t.Error("an empty dataset does not say so")
		}
	}
}

func hasText(w *Window, sub string) bool {
	for _, tx := range w.Network.Built().Texts {
		if strings.Contains(strings.ToLower(tx.S), sub) {
			return true
		}
	}
	return false
}

func TestUndatedDatasetHidesSlider(t *testing.T) {
	w := newTestWindow(t, "2024")
	p := filepath.Join(t.TempDir(), "static.graphml")
	os.WriteFile(p, []byte(`<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph edgedefault="undirected">
    <node id="a"/><node id="b"/>
    <edge source="a" target="b"/>
  </graph>
</graphml>`), 0o644)
	ds, err := formats.Read(p)
	if err != nil {
		t.Fatal(err)
	}
	w.opened(p, ds, nil)
	if w.bottom.Visible() {
		t.Error("the slider shows for a dataset with no dates")
	}
	orig, _ := resources.Dataset()
	w.SetDataset(orig, "northeast-asia.json")
	if !w.bottom.Visible() {
		t.Error("the slider stays hidden for a dated dataset")
	}
}

// TestOpenListsWarnings opens a CSV with a self-loop: the dataset opens and
// the window lists what the reader left out, with its place.
func TestOpenListsWarnings(t *testing.T) {
	w := newTestWindow(t, "2024")
	p := filepath.Join(t.TempDir(), "loops.csv")
	os.WriteFile(p, []byte("source,target,kind,start\nA,B,alliance,1950\nC,C,alliance,1950\n"), 0o644)
	ds, warns, err := formats.ReadWithWarnings(p)
	w.openedWith(p, ds, warns, err)
	if err != nil || w.Viewer.Dataset() != ds {
		t.Fatalf("the file did not open: %v", err)
	}
	if len(w.lastWarnings) != 1 || !strings.Contains(w.lastWarnings[0], "loops.csv:3:") || !strings.Contains(w.lastWarnings[0], "self-loop") {
		t.Errorf("warnings shown: %q", w.lastWarnings)
	}
}
