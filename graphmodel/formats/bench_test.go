package formats

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
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
