package formats

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/echoes-viz/echoes/graphmodel"
)

// Sizes of the large file.
const (
	largeNodes = 50_000
	largeEdges = 160_000
)

// writeLargeGEXF writes a dynamic GEXF 1.3 file of nodes and edges, seeded,
// as Gephi writes one: dates, a kind and a certainty on each edge, one edge
// in ten with two spells, one node in ten renamed over time. It returns the
// number of relations it makes.
func writeLargeGEXF(tb testing.TB, path string, nodes, edges int) int {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	rng := rand.New(rand.NewPCG(1, 2))
	kinds := graphmodel.Kinds()
	day := func(lo, hi int) graphmodel.Day {
		return graphmodel.DayOf(lo, 1, 1) + graphmodel.Day(rng.IntN((hi-lo)*365))
	}
	fmt.Fprintln(w, `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="dynamic" defaultedgetype="undirected" timeformat="date" start="1900-01-01" end="2024-12-31">
    <attributes class="node" mode="dynamic"><attribute id="label" title="label" type="string"/></attributes>
    <attributes class="edge" mode="static">
      <attribute id="kind" title="kind" type="string"/>
      <attribute id="certainty" title="certainty" type="string"/>
      <attribute id="weight" title="weight" type="double"/>
    </attributes>
    <nodes>`)
	for i := range nodes {
		fmt.Fprintf(w, `      <node id="n%d" label="Node %d" start="%s">`+"\n", i, i, day(1900, 1990))
		if i%10 == 0 {
			d := day(1990, 2020)
			fmt.Fprintf(w, `        <attvalues><attvalue for="label" value="Old %d" end="%s"/><attvalue for="label" value="New %d" start="%s"/></attvalues>`+"\n", i, d-1, i, d)
		}
		fmt.Fprintln(w, `      </node>`)
	}
	fmt.Fprintln(w, "    </nodes>\n    <edges>")
	relations := 0
	for i := range edges {
		s := rng.IntN(nodes)
		t := (s + 1 + rng.IntN(nodes-1)) % nodes
		fmt.Fprintf(w, `      <edge id="e%d" source="n%d" target="n%d"`, i, s, t)
		a := day(1990, 2020)
		if i%10 != 0 {
			fmt.Fprintf(w, ` start="%s" end="%s"`, a, a+graphmodel.Day(rng.IntN(3000)))
			relations++
		}
		fmt.Fprintf(w, ">\n        <attvalues><attvalue for=\"kind\" value=\"%s\"/><attvalue for=\"certainty\" value=\"confirmed\"/><attvalue for=\"weight\" value=\"%d\"/></attvalues>\n", kinds[rng.IntN(len(kinds))], rng.IntN(10))
		if i%10 == 0 {
			fmt.Fprintf(w, "        <spells><spell start=\"%s\" end=\"%s\"/><spell start=\"%s\"/></spells>\n", a, a+100, a+400)
			relations += 2
		}
		fmt.Fprintln(w, "      </edge>")
	}
	fmt.Fprintln(w, "    </edges>\n  </graph>\n</gexf>")
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	return relations
}

// peakHeap samples the live heap while it runs, for a peak that
// MemStats alone (a snapshot) cannot give.
type peakHeap struct {
	peak atomic.Uint64
	stop chan struct{}
	wg   sync.WaitGroup
}

func watchHeap() *peakHeap {
	p := &peakHeap{stop: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		var ms runtime.MemStats
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > p.peak.Load() {
				p.peak.Store(ms.HeapAlloc)
			}
			select {
			case <-p.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

func (p *peakHeap) done() uint64 {
	close(p.stop)
	p.wg.Wait()
	return p.peak.Load()
}

// BenchmarkReadLargeGEXF opens and validates a 50,000-node, 160,000-edge
// dynamic GEXF file, reporting the peak live heap while reading.
func BenchmarkReadLargeGEXF(b *testing.B) {
	path := filepath.Join(b.TempDir(), "large.gexf")
	want := writeLargeGEXF(b, path, largeNodes, largeEdges)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(st.Size())
	var peak uint64
	b.ResetTimer()
	for b.Loop() {
		runtime.GC()
		w := watchHeap()
		ds, err := Read(path)
		peak = max(peak, w.done())
		if err != nil {
			b.Fatal(err)
		}
		if len(ds.Actors) != largeNodes || len(ds.Relations) != want {
			b.Fatalf("%d actors, %d relations; want %d, %d", len(ds.Actors), len(ds.Relations), largeNodes, want)
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(st.Size())/(1<<20), "file-MiB")
}

// TestLargeGEXF opens a tenth of the large file in plain go test, so the
// path the benchmark measures is tested too.
func TestLargeGEXF(t *testing.T) {
	path := filepath.Join(t.TempDir(), "large.gexf")
	want := writeLargeGEXF(t, path, largeNodes/10, largeEdges/10)
	ds := mustRead(t, path)
	if len(ds.Actors) != largeNodes/10 || len(ds.Relations) != want {
		t.Fatalf("%d actors, %d relations; want %d, %d", len(ds.Actors), len(ds.Relations), largeNodes/10, want)
	}
	if n := ds.Actor("n10"); len(n.Names) != 2 || n.Names[1].Name != "New 10" {
		t.Errorf("n10 names %+v", n.Names)
	}
}

// writeLargeCSV writes a seeded relations file NAME.csv of n relations
// among actors (NAME.actors.csv beside it), with the columns Echoes itself
// writes: every relation with a kind, a name, two actors, a start day and a
// certainty, one in five with an end. It is the input for the limit's timing table in docs/formats.md.
func writeLargeCSV(tb testing.TB, path string, actors, n int) {
	tb.Helper()
	rel, act := CSVFiles(path)
	write := func(p string, body func(w *bufio.Writer)) {
		f, err := os.Create(p)
		if err != nil {
			tb.Fatal(err)
		}
		w := bufio.NewWriter(f)
		body(w)
		if err := w.Flush(); err != nil {
			tb.Fatal(err)
		}
		if err := f.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	kinds := graphmodel.Kinds()
	write(act, func(w *bufio.Writer) {
		fmt.Fprintln(w, "id,name,short,from,kind,start,end,longitude,latitude,color")
		for i := range actors {
			fmt.Fprintf(w, "a%d,Actor %d,A%d,,state,%d,,%.2f,%.2f,\n", i, i, i, 1900+rng.IntN(90), rng.Float64()*360-180, rng.Float64()*180-90)
		}
	})
	write(rel, func(w *bufio.Writer) {
		fmt.Fprintln(w, "id,kind,name,actors,directed,signed,start,end,certainty,description,sources,echoes,ref")
		for i := range n {
			s := rng.IntN(actors)
			t := (s + 1 + rng.IntN(actors-1)) % actors
			start := graphmodel.DayOf(1990, 1, 1) + graphmodel.Day(rng.IntN(30*365))
			end := ""
			if i%5 == 0 {
				end = (start + graphmodel.Day(rng.IntN(3000))).String()
			}
			fmt.Fprintf(w, "r%d,%s,Relation %d,a%d;a%d,,,%s,%s,confirmed,,,,\n",
				i, kinds[rng.IntN(len(kinds))], i, s, t, start, end)
		}
	})
}

// largeActors is how many actors the limit's files hold: a fifth of
// MaxActors, about as many as one relation in twenty names first.
const largeActors = 50_000

// TestWriteLimitInputs writes the CSV files of docs/formats.md's timing
// table (250,000, 500,000 and 1,000,000 relations) into the folder named by
// ECHOES_LIMIT_DIR, and the same networks as JSON, so that
// `/usr/bin/time -v echoes validate` can be run on them. Without the
// variable it writes a small pair and checks it reads.
func TestWriteLimitInputs(t *testing.T) {
	dir := os.Getenv("ECHOES_LIMIT_DIR")
	sizes := []int{250_000, 500_000, MaxRelations}
	actors := largeActors
	if dir == "" {
		dir, sizes, actors = t.TempDir(), []int{2_000}, 500
	}
	for _, n := range sizes {
		path := filepath.Join(dir, fmt.Sprintf("limit-%d.csv", n))
		writeLargeCSV(t, path, actors, n)
		ds := mustRead(t, path)
		if len(ds.Relations) != n || len(ds.Actors) != actors {
			t.Fatalf("%s: %d actors, %d relations; want %d, %d", path, len(ds.Actors), len(ds.Relations), actors, n)
		}
		if err := Write(strings.TrimSuffix(path, ".csv")+".json", ds); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkReadLimit reads the 1,000,000-relation CSV pair and the JSON of
// the same network (from ECHOES_LIMIT_DIR when set, as TestWriteLimitInputs
// writes them; else written first), and its GEXF and GraphML when they are
// there, reporting the peak live heap.
func BenchmarkReadLimit(b *testing.B) {
	dir := os.Getenv("ECHOES_LIMIT_DIR")
	base := filepath.Join(dir, fmt.Sprintf("limit-%d", MaxRelations))
	if dir == "" {
		base = filepath.Join(b.TempDir(), "limit")
		writeLargeCSV(b, base+".csv", largeActors, MaxRelations)
		ds, err := Read(base + ".csv")
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(base+".json", ds); err != nil {
			b.Fatal(err)
		}
	}
	for _, ext := range []string{".csv", ".json", ".gexf", ".graphml"} {
		b.Run(ext[1:], func(b *testing.B) {
			if _, err := os.Stat(base + ext); err != nil {
				b.Skip("no", base+ext, "(echoes convert writes it from the CSV pair)")
			}
			var peak uint64
			for b.Loop() {
				runtime.GC()
				w := watchHeap()
				ds, err := Read(base + ext)
				peak = max(peak, w.done())
				if err != nil {
					b.Fatal(err)
				}
				if len(ds.Relations) != MaxRelations {
					b.Fatalf("%d relations; want %d", len(ds.Relations), MaxRelations)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		})
	}
}

// TestReadCostPerRelation protects reading at the limit from growing
// again: reading a CSV pair or its JSON may allocate, and keep, only so
// much for each relation. Before the CSV reader streamed its rows, the
// builder's places lived as long as the Dataset; before the JSON scan and
// fast decoder, Parse built a path string for every value and
// encoding/json allocated through reflection.
func TestReadCostPerRelation(t *testing.T) {
	const n = 20_000
	base := filepath.Join(t.TempDir(), "cost")
	func() { // the dataset written must be garbage before measuring
		writeLargeCSV(t, base+".csv", 2_000, n)
		if err := Write(base+".json", mustRead(t, base+".csv")); err != nil {
			t.Fatal(err)
		}
	}()
	tests := []struct {
		ext                 string
		kept, allocs, bytes float64 // at most, per relation
	}{
		{".csv", 500, 16, 2_400},  // before: 681 bytes kept, 28.6 allocations, 2,891 bytes
		{".json", 500, 14, 1_000}, // before: 412, 176, 5,878
	}
	for _, tc := range tests {
		t.Run(tc.ext[1:], func(t *testing.T) {
			var before, after, kept runtime.MemStats
			runtime.GC()
			runtime.GC()
			runtime.ReadMemStats(&before)
			ds, err := Read(base + tc.ext)
			runtime.ReadMemStats(&after)
			runtime.GC()
			runtime.ReadMemStats(&kept)
			if err != nil {
				t.Fatal(err)
			}
			per := func(v uint64) float64 { return float64(v) / n }
			k := per(kept.HeapAlloc - min(before.HeapAlloc, kept.HeapAlloc))
			a := per(after.Mallocs - before.Mallocs)
			b := per(after.TotalAlloc - before.TotalAlloc)
			t.Logf("per relation: %.0f bytes kept, %.1f allocations, %.0f bytes allocated", k, a, b)
			if k > tc.kept || a > tc.allocs || b > tc.bytes {
				t.Errorf("per relation %.0f bytes kept, %.1f allocations, %.0f bytes allocated; want at most %.0f, %.0f, %.0f", k, a, b, tc.kept, tc.allocs, tc.bytes)
			}
			runtime.KeepAlive(ds)
		})
	}
}
