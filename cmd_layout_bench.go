package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"time"

	"github.com/echoes-viz/echoes/graphmodel/layout"
)

// layoutBenchMain runs `echoes layout-bench GRAPH.json TICKS [OUT.json]` as the
// peer runners of the layout benchmark harness do: it loads the graph
// ({"nodes":[{"id":..}],"edges":[{"source":..,"target":..}]}), lays it out
// with d3-force's default forces and alpha schedule (many-body -30 with theta
// 0.9, links of length 30 and strength 1/min degree, centering; nodes start
// on d3's phyllotaxis spiral) but less friction (benchVelocityDecay), runs
// exactly TICKS ticks, and prints one JSON line:
//
//	{"peer":"echoes","nodes":N,"edges":E,"ticks":T,"ms_total":..,"ms_per_tick":..,"load_ms":..}
//
// ms_total times the tick loop alone; load_ms the reading, parsing and
// building. With OUT.json it writes the final positions as {"id":[x,y],...}.
//
// TICKS auto runs instead the schedule the app uses for a network that
// big until it is at rest (benchAuto: the multilevel layout of
// layout.BigLayoutConfig) and reports the ticks it ran.
// args are the arguments after the subcommand (a leading "layout-bench" is
// skipped). It returns the exit code: 0 ok, 1 bad input, 2 usage.
func layoutBenchMain(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "layout-bench" {
		args = args[1:]
	}
	if len(args) < 2 || len(args) > 3 {
		fmt.Fprintln(stderr, "usage: echoes layout-bench GRAPH.json TICKS|auto [OUT.json]")
		return 2
	}
	auto := args[1] == "auto"
	ticks, err := strconv.Atoi(args[1])
	if !auto && (err != nil || ticks <= 0) {
		fmt.Fprintf(stderr, "echoes layout-bench: TICKS is %q; give a whole number above 0, or auto\n", args[1])
		return 2
	}
	path := args[0]

	t0 := time.Now()
	g, err := readGraph(path)
	if err != nil {
		fmt.Fprintf(stderr, "echoes layout-bench: %s: %v\n", path, err)
		return 1
	}
	var pos [][2]float64
	var load, total time.Duration
	if auto {
		pos, ticks, load, total = benchAuto(g, t0)
	} else {
		nodes := make([]layout.Node, len(g.ids))
		layout.Phyllotaxis(nodes)
		sim := layout.NewSimulation(nodes, layout.Config{VelocityDecay: benchVelocityDecay}, layout.NewManyBody(-30, 0.9), layout.NewLinks(g.links), layout.NewCenter(0, 0))
		load = time.Since(t0)

		t1 := time.Now()
		for range ticks {
			sim.Tick()
		}
		total = time.Since(t1)
		pos = make([][2]float64, len(nodes))
		for i, n := range sim.Nodes() {
			pos[i] = [2]float64{n.X, n.Y}
		}
	}

	if len(args) == 3 {
		if err := writePositions(args[2], g.ids, pos); err != nil {
			fmt.Fprintf(stderr, "echoes layout-bench: %s: %v\n", args[2], err)
			return 1
		}
	}
	ms := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }
	r3 := func(x float64) string { return strconv.FormatFloat(math.Round(x*1000)/1000, 'f', -1, 64) }
	fmt.Fprintf(stdout, `{"peer":"echoes","nodes":%d,"edges":%d,"ticks":%d,"ms_total":%s,"ms_per_tick":%s,"load_ms":%s}`+"\n",
		len(g.ids), len(g.links), ticks, r3(ms(total)), r3(ms(total)/float64(ticks)), r3(ms(load)))
	return 0
}

// benchVelocityDecay replaces d3's 0.4: with more momentum the same tick
// budget gets closer to equilibrium; on the harness graphs it lowers both
// stress and crossings (docs/performance.md).
const benchVelocityDecay = 0.15

// benchGraph is a harness graph with ids resolved to indices.
type benchGraph struct {
	ids   []string
	links []layout.Link
}

// readGraph reads and checks a harness graph file.
func readGraph(path string) (*benchGraph, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the graph: %v", err)
	}
	var raw struct {
		Nodes []struct {
			ID *string `json:"id"`
		} `json:"nodes"`
		Edges []struct {
			Source *string `json:"source"`
			Target *string `json:"target"`
		} `json:"edges"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("not a graph JSON file ({\"nodes\":[...],\"edges\":[...]}): %v", err)
	}
	if raw.Nodes == nil || raw.Edges == nil {
		return nil, fmt.Errorf("not a graph JSON file: it needs \"nodes\" and \"edges\" arrays")
	}
	g := &benchGraph{ids: make([]string, len(raw.Nodes)), links: make([]layout.Link, 0, len(raw.Edges))}
	index := make(map[string]int, len(raw.Nodes))
	for i, n := range raw.Nodes {
		if n.ID == nil {
			return nil, fmt.Errorf("node %d has no \"id\"", i)
		}
		if _, dup := index[*n.ID]; dup {
			return nil, fmt.Errorf("node %d repeats the id %q", i, *n.ID)
		}
		index[*n.ID] = i
		g.ids[i] = *n.ID
	}
	for i, e := range raw.Edges {
		if e.Source == nil || e.Target == nil {
			return nil, fmt.Errorf("edge %d needs \"source\" and \"target\"", i)
		}
		s, ok := index[*e.Source]
		if !ok {
			return nil, fmt.Errorf("edge %d names the unknown node %q", i, *e.Source)
		}
		t, ok := index[*e.Target]
		if !ok {
			return nil, fmt.Errorf("edge %d names the unknown node %q", i, *e.Target)
		}
		g.links = append(g.links, layout.Link{Source: s, Target: t})
	}
	return g, nil
}

// writePositions writes {"id":[x,y],...}; a non-finite coordinate is written
// as 0 so the file stays valid JSON.
func writePositions(path string, ids []string, pos [][2]float64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	buf := []byte{'{'}
	for i, id := range ids {
		if i > 0 {
			buf = append(buf, ',')
		}
		q, _ := json.Marshal(id)
		buf = append(buf, q...)
		buf = append(buf, ":["...)
		buf = appendFinite(buf, pos[i][0])
		buf = append(buf, ',')
		buf = appendFinite(buf, pos[i][1])
		buf = append(buf, ']')
		if len(buf) > 1<<16 {
			w.Write(buf)
			buf = buf[:0]
		}
	}
	buf = append(buf, '}', '\n')
	w.Write(buf)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func appendFinite(buf []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	return strconv.AppendFloat(buf, v, 'g', -1, 64)
}

// benchAuto runs the schedule the app uses for a big network until it is
// at rest: the multilevel layout of BigLayoutConfig, whatever the graph's
// size (the app uses it from MultilevelMin actors). It returns the
// positions, the ticks run, and the load and layout times.
func benchAuto(g *benchGraph, t0 time.Time) (pos [][2]float64, ticks int, load, total time.Duration) {
	m := layout.NewMultilevel(len(g.ids), g.links, layout.BigLayoutConfig(0))
	load = time.Since(t0)
	t1 := time.Now()
	for m.Tick() {
	}
	total = time.Since(t1)
	pos = make([][2]float64, len(g.ids))
	m.Positions(pos)
	return pos, m.Ticks(), load, total
}
