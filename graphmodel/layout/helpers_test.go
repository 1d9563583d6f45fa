package layout

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

// randomGraph is a seeded preferential-attachment graph (m=2) with nodes in
// d3's phyllotaxis start, for tests and benchmarks.
func randomGraph(n int, seed uint64) ([]Node, []Link) {
	r := rand.New(rand.NewPCG(seed, 7))
	var links []Link
	var ends []int
	for i := 1; i < n; i++ {
		seen := map[int]bool{}
		for k := 0; k < 2 && k < i; k++ {
			j := r.IntN(i)
			if len(ends) > 0 && r.IntN(2) == 0 {
				j = ends[r.IntN(len(ends))]
			}
			if seen[j] {
				continue
			}
			seen[j] = true
			links = append(links, Link{Source: i, Target: j})
			ends = append(ends, i, j)
		}
	}
	nodes := make([]Node, n)
	Phyllotaxis(nodes)
	return nodes, links
}

// d3Sim is the benchmark's simulation: d3-force's default forces.
func d3Sim(nodes []Node, links []Link, workers int) *Simulation {
	return NewSimulation(nodes, Config{Workers: workers}, NewManyBody(-30, 0.9), NewLinks(links), NewCenter(0, 0))
}

// sameNodes fails unless a and b are bit for bit equal.
func sameNodes(t *testing.T, a, b []Node) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("lengths %d and %d", len(a), len(b))
	}
	for i := range a {
		if math.Float64bits(a[i].X) != math.Float64bits(b[i].X) || math.Float64bits(a[i].Y) != math.Float64bits(b[i].Y) {
			t.Fatalf("node %d: (%v, %v) vs (%v, %v)", i, a[i].X, a[i].Y, b[i].X, b[i].Y)
		}
	}
}

// embeddedDataset is the app's dataset, or a skip when it is not written yet.
func embeddedDataset(t *testing.T) *graphmodel.Dataset {
	t.Helper()
	const path = "../../resources/northeast-asia.json"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s not present yet", path)
	}
	d, err := graphmodel.Load(path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return d
}

// sketchDataset is a small stand-in for the embedded dataset, with the same
// actors and kinds of change, so the Network tests run before it exists.
func sketchDataset(t *testing.T) *graphmodel.Dataset {
	t.Helper()
	d, err := graphmodel.Parse("sketch.json", []byte(sketchJSON))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

const sketchJSON = `{
 "title": "sketch", "range": {"start": "1945", "end": "2024"}, "memoryMonths": 12,
 "sources": [],
 "actors": [
  {"id": "ussr", "names": [{"name": "Soviet Union", "short": "USSR"}, {"name": "Russia", "short": "RUS", "from": "1991-12-26"}], "anchor": [105, 58]},
  {"id": "prc", "names": [{"name": "China", "short": "PRC"}], "span": {"start": "1949-10-01"}, "anchor": [116, 40]},
  {"id": "rok", "names": [{"name": "South Korea", "short": "ROK"}], "span": {"start": "1948-08-15"}, "anchor": [127, 37.5]},
  {"id": "dprk", "names": [{"name": "North Korea", "short": "DPRK"}], "span": {"start": "1948-09-09"}, "anchor": [125.7, 39]},
  {"id": "japan", "names": [{"name": "Japan", "short": "JPN"}], "anchor": [139.7, 35.7]},
  {"id": "usa", "names": [{"name": "United States", "short": "USA"}], "anchor": [-77, 38.9]},
  {"id": "un", "kind": "organisation", "names": [{"name": "United Nations", "short": "UN"}], "anchor": [150, 25]}
 ],
 "relations": [
  {"id": "r1", "kind": "occupation", "name": "Occupation of Japan", "actors": ["usa", "japan"], "directed": true, "start": "1945-09-02", "end": "1952-04-28", "description": "x"},
  {"id": "r2", "kind": "alliance", "name": "Sino-Soviet treaty", "actors": ["ussr", "prc"], "start": "1950-02-14", "end": "1979-04-03", "description": "x"},
  {"id": "r3", "kind": "war", "name": "Korean War", "actors": ["dprk", "rok"], "start": "1950-06-25", "end": "1953-07-27", "description": "x"},
  {"id": "r4", "kind": "war", "name": "Korean War (US)", "actors": ["usa", "dprk"], "start": "1950-06-25", "end": "1953-07-27", "description": "x"},
  {"id": "r5", "kind": "war", "name": "Korean War (PRC)", "actors": ["prc", "usa"], "start": "1950-10-19", "end": "1953-07-27", "description": "x"},
  {"id": "r6", "kind": "armistice", "name": "Armistice", "actors": ["dprk", "rok"], "start": "1953-07-27", "description": "x"},
  {"id": "r7", "kind": "alliance", "name": "US-Japan treaty", "actors": ["usa", "japan"], "start": "1952-04-28", "description": "x"},
  {"id": "r8", "kind": "alliance", "name": "US-ROK treaty", "actors": ["usa", "rok"], "start": "1954-11-17", "description": "x"},
  {"id": "r9", "kind": "alliance", "name": "PRC-DPRK treaty", "actors": ["prc", "dprk"], "start": "1961-07-11", "description": "x"},
  {"id": "r10", "kind": "alliance", "name": "USSR-DPRK treaty", "actors": ["ussr", "dprk"], "start": "1961-07-06", "end": "1996-09-10", "description": "x"},
  {"id": "r11", "kind": "normalisation", "name": "Japan-ROK treaty", "actors": ["japan", "rok"], "start": "1965-12-18", "description": "x"},
  {"id": "r12", "kind": "hostility", "name": "Sino-Soviet split", "actors": ["ussr", "prc"], "start": "1960", "end": "1989-05", "description": "x"},
  {"id": "r13", "kind": "normalisation", "name": "Japan-PRC", "actors": ["japan", "prc"], "start": "1972-09-29", "description": "x"},
  {"id": "r14", "kind": "normalisation", "name": "US-PRC", "actors": ["usa", "prc"], "start": "1979-01-01", "description": "x"},
  {"id": "r15", "kind": "normalisation", "name": "USSR-ROK", "actors": ["ussr", "rok"], "start": "1990-09-30", "description": "x"},
  {"id": "r16", "kind": "normalisation", "name": "PRC-ROK", "actors": ["prc", "rok"], "start": "1992-08-24", "description": "x"},
  {"id": "r17", "kind": "sanctions", "name": "UN sanctions", "actors": ["un", "dprk"], "start": "2006-10-14", "description": "x"},
  {"id": "r18", "kind": "partnership", "name": "Sino-Russian treaty", "actors": ["ussr", "prc"], "start": "2001-07-16", "description": "x"},
  {"id": "r19", "kind": "summit", "name": "Singapore summit", "actors": ["usa", "dprk"], "start": "2018-06-12", "end": "2018-06-12", "description": "x"},
  {"id": "r20", "kind": "alliance", "name": "Russia-DPRK treaty", "actors": ["ussr", "dprk"], "start": "2024-06-19", "description": "x"},
  {"id": "r21", "kind": "tension", "name": "Japan-PRC tension", "actors": ["japan", "prc"], "start": "2012-09", "description": "x"}
 ],
 "events": [
  {"id": "e1", "date": "1945-09-02", "title": "Occupation"},
  {"id": "e2", "date": "1950-02-14", "title": "Treaty"},
  {"id": "e3", "date": "1950-06-25", "title": "War"},
  {"id": "e4", "date": "1950-10-19", "title": "China enters"},
  {"id": "e5", "date": "1953-07-27", "title": "Armistice"},
  {"id": "e6", "date": "1954-11-17", "title": "US-ROK"},
  {"id": "e7", "date": "1961-07-11", "title": "Treaties"},
  {"id": "e8", "date": "1965-12-18", "title": "Japan-ROK"},
  {"id": "e9", "date": "1972-09-29", "title": "Japan-PRC"},
  {"id": "e10", "date": "1979-04-03", "title": "Sino-Soviet ends"},
  {"id": "e11", "date": "1990-09-30", "title": "USSR-ROK"},
  {"id": "e12", "date": "1992-08-24", "title": "PRC-ROK"},
  {"id": "e13", "date": "1996-09-10", "title": "Treaty lapses"},
  {"id": "e14", "date": "2001-07-16", "title": "Sino-Russian"},
  {"id": "e15", "date": "2006-10-14", "title": "Sanctions"},
  {"id": "e16", "date": "2012-09", "title": "Tension"},
  {"id": "e17", "date": "2018-06-12", "title": "Summit"},
  {"id": "e18", "date": "2024-06-19", "title": "Russia-DPRK"}
 ]
}`
