package export

import (
	"bytes"
	"fmt"
	"math/rand"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

func benchScene(b *testing.B, w, h int) (render.Built, *render.Fonts) {
	ds := dataset(b)
	fonts, err := render.NewFonts()
	if err != nil {
		b.Fatal(err)
	}
	return picture.Still(ds, graphmodel.MustDate("2024").Last(), picture.Options{Width: w, Height: h, Legend: true, Caption: true,
		Theme: render.Light()}, fonts), fonts
}

// BenchmarkPNG4K draws the 2024 scene at 3840×2160 and encodes the PNG:
// what `echoes export --size 3840x2160` does after the layout.
func BenchmarkPNG4K(b *testing.B) {
	sc, fonts := benchScene(b, 3840, 2160)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := EncodePNG(&buf, render.Raster(sc.Scene, fonts)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSVG writes the 2024 scene as SVG.
func BenchmarkSVG(b *testing.B) {
	sc, _ := benchScene(b, 3840, 2160)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := render.SVG(&buf, sc.Scene, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// syntheticFrame is a seeded 1,000-node, 3,000-edge frame with random
// positions and kinds, for drawing benchmarks.
func syntheticFrame(n, m int) render.Frame {
	rnd := rand.New(rand.NewSource(42))
	ds := &graphmodel.Dataset{}
	f := render.Frame{Dataset: ds, Positions: map[string][2]float64{}}
	for i := 0; i < n; i++ {
		a := &graphmodel.Actor{ID: fmt.Sprintf("n%d", i), Color: "#336699"}
		f.Actors = append(f.Actors, render.FrameActor{Actor: a, Short: a.ID, Opacity: 1})
		f.Positions[a.ID] = [2]float64{rnd.Float64() * 3000, rnd.Float64() * 2000}
	}
	kinds := graphmodel.Kinds()
	for j := 0; j < m; j++ {
		x, y := rnd.Intn(n), rnd.Intn(n)
		if x == y {
			continue
		}
		r := &graphmodel.Relation{ID: fmt.Sprintf("r%d", j), Kind: kinds[rnd.Intn(len(kinds))],
			Actors: []string{f.Actors[x].ID, f.Actors[y].ID}, Certainty: graphmodel.Confirmed}
		f.Ties = append(f.Ties, render.FrameTie{Tie: graphmodel.Tie{Relation: r, Status: graphmodel.InForce}, Opacity: 1})
	}
	return f
}

// BenchmarkScene1000 builds and rasterises a 1,000-node scene at 1920×1080.
func BenchmarkScene1000(b *testing.B) {
	fonts, err := render.NewFonts()
	if err != nil {
		b.Fatal(err)
	}
	f := syntheticFrame(1000, 3000)
	o := render.Options{Theme: render.Light(), Width: 1920, Height: 1080, Scale: 1, Legend: true, Title: false}
	b.ReportAllocs()
	for b.Loop() {
		sc := render.Build(f, o, fonts)
		render.Raster(sc.Scene, fonts)
	}
}
