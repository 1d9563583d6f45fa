package render_test

import (
	"fmt"
	"image"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/layout"
	"github.com/echoes-viz/echoes/gui/render"
)

// bigNetwork is bigFrame's network and frame before the layout has run.
func bigNetwork(tb testing.TB, n, m int) (*layout.Network, render.Frame) {
	tb.Helper()
	s := bigSnapshot(tb, n, m)
	net := layout.NewNetwork(1)
	net.Update(s)
	return net, render.FrameOf(s, net.Positions())
}

// bigFrame is a seeded clustered network of n actors and m relations,
// laid out by the app's own engine: what a user's big file looks like on
// screen. Clusters of 100 actors keep 90% of the relations inside; most
// relations are partnerships (what imported files default to), the rest
// any kind, so dashes and arrowheads are drawn too.
func bigFrame(tb testing.TB, n, m int) render.Frame {
	tb.Helper()
	s := bigSnapshot(tb, n, m)
	net := layout.NewNetwork(1)
	net.Update(s)
	net.Settle(300)
	return render.FrameOf(s, net.Positions())
}

func bigSnapshot(tb testing.TB, n, m int) *graphmodel.Snapshot {
	tb.Helper()
	rnd := rand.New(rand.NewPCG(7, uint64(n)))
	ds := &graphmodel.Dataset{Sources: []graphmodel.Source{{ID: "gen", Title: "generated"}}}
	ds.Range.Start, ds.Range.End = graphmodel.MustDate("2000"), graphmodel.MustDate("2002")
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("a%05d", i)
		ds.Actors = append(ds.Actors, &graphmodel.Actor{ID: id, Names: []graphmodel.NameSpan{{Name: id, Short: id}}, Color: "#336699"})
	}
	kinds := graphmodel.Kinds()
	for j := 0; len(ds.Relations) < m; j++ {
		x := rnd.IntN(n)
		y := rnd.IntN(n)
		if rnd.Float64() < 0.9 {
			y = x/100*100 + rnd.IntN(100)
		}
		if x == y || y >= n {
			continue
		}
		k := graphmodel.Partnership
		if rnd.Float64() < 0.4 {
			k = kinds[rnd.IntN(len(kinds))]
		}
		ds.Relations = append(ds.Relations, &graphmodel.Relation{ID: fmt.Sprintf("r%06d", j), Kind: k,
			Actors: []string{ds.Actors[x].ID, ds.Actors[y].ID}, Certainty: graphmodel.Confirmed, Sources: []string{"gen"}, Description: "generated",
			Start: graphmodel.MustDate("2000"), Directed: k == graphmodel.Arms || k == graphmodel.Backing})
	}
	if err := ds.Validate("generated"); err != nil {
		tb.Fatal(err)
	}
	return ds.At(graphmodel.MustDate("2001").First())
}

var (
	framesMu sync.Mutex
	frames   = map[int]render.Frame{}
)

func cachedFrame(tb testing.TB, n, m int) render.Frame {
	framesMu.Lock()
	defer framesMu.Unlock()
	if f, ok := frames[n]; ok {
		return f
	}
	f := bigFrame(tb, n, m)
	frames[n] = f
	return f
}

func benchFonts(b *testing.B) *render.Fonts {
	fonts, err := render.NewFonts()
	if err != nil {
		b.Fatal(err)
	}
	return fonts
}

// windowOptions are the window's: 1920×1080, legend and title on.
func windowOptions() render.Options {
	return render.Options{Theme: render.Light(), Width: 1920, Height: 1080, Scale: 1, Legend: true, Title: true}
}

func benchFrame(b *testing.B, n, m int, build, raster bool) {
	fonts := benchFonts(b)
	f := cachedFrame(b, n, m)
	o := windowOptions()
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	// Two scenes, built into in turn, as the window does.
	var scenes [2]render.Built
	render.BuildInto(&scenes[0], f, o, fonts)
	render.BuildInto(&scenes[1], f, o, fonts)
	sc := &scenes[0]
	render.RasterInto(img, sc.Scene, fonts) // warm the glyph cache
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if build {
			i++
			sc = &scenes[i%2]
			render.BuildInto(sc, f, o, fonts)
		}
		if raster {
			render.RasterInto(img, sc.Scene, fonts)
		}
	}
	b.ReportMetric(float64(len(sc.Edges)), "edges")
	b.ReportMetric(float64(len(sc.Texts)), "labels")
}

// BenchmarkFrame10k is one repaint of a 10,000-actor, 30,000-relation
// network in a 1920×1080 window: the scene built from the frame, then drawn.
func BenchmarkFrame10k(b *testing.B) { benchFrame(b, 10000, 30000, true, true) }

// BenchmarkRaster10k draws the 10k scene without building it again.
func BenchmarkRaster10k(b *testing.B) { benchFrame(b, 10000, 30000, false, true) }

// BenchmarkBuild10k builds the 10k scene without drawing it.
func BenchmarkBuild10k(b *testing.B) { benchFrame(b, 10000, 30000, true, false) }

// BenchmarkFrame1k is one repaint of a 1,000-actor, 3,000-relation network.
func BenchmarkFrame1k(b *testing.B) { benchFrame(b, 1000, 3000, true, true) }

// benchDrag is what the window does for each step of a drag while the
// layout settles: pin the dragged node where the pointer is (which keeps
// the layout warm), one layout tick, the new positions, and a repaint.
func benchDrag(b *testing.B, n, m int) {
	fonts := benchFonts(b)
	net, f := bigNetwork(b, n, m)
	net.Settle(100)
	o := windowOptions()
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	var scenes [2]render.Built
	id := f.Actors[0].ID
	p, _ := net.Position(id)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		net.Pin(id, p[0]+float64(i%50), p[1])
		net.Step(1)
		f.Positions = net.Positions()
		sc := &scenes[i%2]
		render.BuildInto(sc, f, o, fonts)
		render.RasterInto(img, sc.Scene, fonts)
	}
}

// BenchmarkDrag10k is one drag step on the 10,000-actor network: at most
// 33 ms keeps 30 frames a second.
func BenchmarkDrag10k(b *testing.B) { benchDrag(b, 10000, 30000) }

// BenchmarkDrag1k is one drag step on a 1,000-actor network: at most
// 16.7 ms keeps 60 frames a second.
func BenchmarkDrag1k(b *testing.B) { benchDrag(b, 1000, 3000) }
