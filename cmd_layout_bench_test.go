package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel/layout"
)

func TestLayoutBench(t *testing.T) {
	dir := t.TempDir()
	graph := filepath.Join(dir, "g.json")
	os.WriteFile(graph, []byte(`{"nodes":[{"id":"n0"},{"id":"n1"},{"id":"n2"},{"id":"n3"}],"edges":[{"source":"n0","target":"n1"},{"source":"n1","target":"n2"}]}`), 0o644)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"nodes":[{"id":"n0"}],"edges":[{"source":"n0","target":"n9"}]}`), 0o644)
	out := filepath.Join(dir, "pos.json")

	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{nil, 2, "usage"},
		{[]string{graph}, 2, "usage"},
		{[]string{graph, "0"}, 2, "TICKS"},
		{[]string{filepath.Join(dir, "none.json"), "5"}, 1, "none.json"},
		{[]string{bad, "5"}, 1, `bad.json: edge 0 names the unknown node "n9"`},
	} {
		var stdout, stderr bytes.Buffer
		if code := layoutBenchMain(c.args, &stdout, &stderr); code != c.code || !strings.Contains(stderr.String(), c.err) || stdout.Len() != 0 {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want exit %d and %q", c.args, code, stderr.String(), stdout.String(), c.code, c.err)
		}
		if n := strings.Count(stderr.String(), "\n"); n != 1 {
			t.Errorf("%v: %d lines on stderr, want 1", c.args, n)
		}
	}

	var stdout, stderr bytes.Buffer
	if code := layoutBenchMain([]string{"layout-bench", graph, "7", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var line map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &line); err != nil || strings.Count(stdout.String(), "\n") != 1 {
		t.Fatalf("stdout %q: %v", stdout.String(), err)
	}
	for _, k := range []string{"peer", "nodes", "edges", "ticks", "ms_total", "ms_per_tick", "load_ms"} {
		if _, ok := line[k]; !ok {
			t.Errorf("no %q in %s", k, stdout.String())
		}
	}
	if line["peer"] != "echoes" || line["nodes"] != 4.0 || line["edges"] != 2.0 || line["ticks"] != 7.0 {
		t.Errorf("line %s", stdout.String())
	}
	var pos map[string][2]float64
	data, _ := os.ReadFile(out)
	if err := json.Unmarshal(data, &pos); err != nil || len(pos) != 4 {
		t.Fatalf("positions %s: %v", data, err)
	}
	for id, p := range pos {
		if math.IsNaN(p[0]) || math.IsInf(p[1], 0) {
			t.Errorf("%s at %v", id, p)
		}
	}
}

// TestLayoutBenchAuto runs the app's schedule to rest and reports its ticks.
func TestLayoutBenchAuto(t *testing.T) {
	dir := t.TempDir()
	graph := filepath.Join(dir, "grid.json")
	var b strings.Builder
	b.WriteString(`{"nodes":[`)
	for i := range 400 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":"n%d"}`, i)
	}
	b.WriteString(`],"edges":[`)
	links := benchGridLinks(20)
	for k, l := range links {
		if k > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"source":"n%d","target":"n%d"}`, l.Source, l.Target)
	}
	b.WriteString("]}")
	os.WriteFile(graph, []byte(b.String()), 0o644)
	out := filepath.Join(dir, "pos.json")
	var stdout, stderr bytes.Buffer
	if code := layoutBenchMain([]string{graph, "auto", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var line struct{ Ticks int }
	if err := json.Unmarshal(stdout.Bytes(), &line); err != nil {
		t.Fatalf("stdout %q: %v", stdout.String(), err)
	}
	m := layout.NewMultilevel(400, links, layout.BigLayoutConfig(0))
	for m.Tick() {
	}
	if line.Ticks != m.Ticks() || line.Ticks < 2 {
		t.Errorf("%d ticks reported, the schedule runs %d", line.Ticks, m.Ticks())
	}
	var pos map[string][2]float64
	data, _ := os.ReadFile(out)
	if err := json.Unmarshal(data, &pos); err != nil || len(pos) != 400 {
		t.Fatalf("positions: %v, %d nodes", err, len(pos))
	}
	want := make([][2]float64, 400)
	m.Positions(want)
	for i, w := range want {
		if got := pos[fmt.Sprintf("n%d", i)]; got != w {
			t.Fatalf("n%d written at %v, the schedule leaves it at %v", i, got, w)
		}
	}
}

// benchGridLinks joins the nodes of a side×side lattice, row by row.
func benchGridLinks(side int) []layout.Link {
	var links []layout.Link
	for y := range side {
		for x := range side {
			i := y*side + x
			if x+1 < side {
				links = append(links, layout.Link{Source: i, Target: i + 1})
			}
			if y+1 < side {
				links = append(links, layout.Link{Source: i, Target: i + side})
			}
		}
	}
	return links
}
