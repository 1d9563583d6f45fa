package render

import (
	"image"
	"image/color"
	"math"
	"runtime"
	"sync"

	"github.com/srwiley/rasterx"
)

// Raster draws a Scene into a new RGBA image of the scene's size.
func Raster(s Scene, fonts *Fonts) *image.RGBA {
	w, h := int(math.Ceil(s.Width)), int(math.Ceil(s.Height))
	img := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	RasterInto(img, s, fonts)
	return img
}

// RasterInto draws a Scene into img, which it clears first. Big pictures
// are cut into horizontal bands drawn in parallel; each band rasterises
// the whole scene clipped to itself, so the result does not depend on
// scheduling.
func RasterInto(img *image.RGBA, s Scene, fonts *Fonts) {
	b := img.Bounds()
	n := 1
	if b.Dx()*b.Dy() >= 1<<20 {
		n = min(runtime.GOMAXPROCS(0), 4)
	}
	if n == 1 {
		rasterBand(img, s, fonts)
		return
	}
	cuts := bandCuts(s, b, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		band := image.Rect(b.Min.X, cuts[i], b.Max.X, cuts[i+1])
		wg.Add(1)
		go func() {
			defer wg.Done()
			rasterBand(img.SubImage(band).(*image.RGBA), s, fonts)
		}()
	}
	wg.Wait()
}

// bandCuts splits b's rows into n bands of about equal work, so no core
// waits on another: a network is rarely centred in the picture. The work
// of a row is estimated from the edge pixels and nodes that fall in it,
// in buckets of 16 rows, plus a share for clearing it.
func bandCuts(s Scene, b image.Rectangle, n int) []int {
	const bucket = 16
	work := make([]float64, b.Dy()/bucket+1)
	for i := range work {
		work[i] = float64(b.Dx()) / 8 // clearing and the odd label
	}
	add := func(y0, y1, amount float64) {
		i0 := max(0, min(len(work)-1, int((y0-float64(b.Min.Y))/bucket)))
		i1 := max(0, min(len(work)-1, int((y1-float64(b.Min.Y))/bucket)))
		share := amount / float64(i1-i0+1)
		for i := i0; i <= i1; i++ {
			work[i] += share
		}
	}
	for _, e := range s.Edges {
		add(min(e.From[1], e.To[1]), max(e.From[1], e.To[1]),
			3*max(math.Abs(e.To[0]-e.From[0]), math.Abs(e.To[1]-e.From[1]))*max(1, e.Style.Width))
	}
	for _, nd := range s.Nodes {
		add(nd.Y, nd.Y, 4*(nd.R+nd.StrokeWidth+1)*(nd.R+nd.StrokeWidth+1))
	}
	total := 0.0
	for _, w := range work {
		total += w
	}
	cuts := []int{b.Min.Y}
	acc := 0.0
	for i, w := range work {
		acc += w
		if len(cuts) < n && acc >= total*float64(len(cuts))/float64(n) {
			cuts = append(cuts, min(b.Max.Y, b.Min.Y+(i+1)*bucket))
		}
	}
	for len(cuts) <= n {
		cuts = append(cuts, b.Max.Y)
	}
	cuts[n] = b.Max.Y
	return cuts
}

// rasterBand draws the scene into img's bounds. Edges, nodes and text are
// drawn directly into the pixels; only the shaded areas and the rounded
// panels go through the path rasteriser.
func rasterBand(img *image.RGBA, s Scene, fonts *Fonts) {
	b := img.Bounds()
	cv := &canvas{img: img, clip: b}
	if s.Background.A == 0 {
		clear(img.Pix)
	} else {
		cv.fill(s.Background)
	}
	w, h := b.Max.X, b.Max.Y
	sc := newScanner(img)
	filler := rasterx.NewFiller(w, h, sc)

	for _, a := range s.Areas {
		fillPolygon(filler, a.Points, a.Fill)
	}
	drawEdges(cv, s.Edges)
	var look NodeShape // the last node's colours, whose paints are at hand
	var stroke, fill paint
	for i, n := range s.Nodes {
		if n.Opacity <= 0 {
			continue
		}
		if i == 0 || n.Stroke != look.Stroke || n.Fill != look.Fill || n.Opacity != look.Opacity {
			look, stroke, fill = n, paintOf(n.Stroke, n.Opacity), paintOf(n.Fill, n.Opacity)
		}
		rd := 0.0
		if n.Pinned {
			rd = n.R * 0.32
		}
		cv.disc(n.X, n.Y, n.R+n.StrokeWidth, n.R, rd, stroke, fill)
	}
	for _, t := range s.Texts {
		cv.text(t, fonts)
	}
	for _, p := range s.Panels {
		r := math.Min(8, p.H/4)
		if p.Stroke.A > 0 {
			cv.roundRect(p.X-1, p.Y-1, p.W+2, p.H+2, r, paintOf(p.Stroke, 1))
		}
		cv.roundRect(p.X, p.Y, p.W, p.H, r, paintOf(p.Fill, 1))
	}
	drawEdges(cv, s.PanelLines)
	for _, t := range s.PanelTexts {
		cv.text(t, fonts)
	}
}

func fillPolygon(f *rasterx.Filler, pts [][2]float64, c color.NRGBA) {
	if len(pts) < 3 || c.A == 0 {
		return
	}
	f.SetColor(c)
	f.Start(rasterx.ToFixedP(pts[0][0], pts[0][1]))
	for _, p := range pts[1:] {
		f.Line(rasterx.ToFixedP(p[0], p[1]))
	}
	f.Stop(true)
	f.Draw()
	f.Clear()
}

// drawEdges strokes runs of edges that share a look straight into the
// pixels, one paint ramp per run; arrowheads follow their run.
func drawEdges(cv *canvas, edges []EdgeShape) {
	var dash []float64
	for i := 0; i < len(edges); {
		j := i + 1
		for j < len(edges) && sameLook(edges[i], edges[j]) {
			j++
		}
		e := edges[i]
		if e.Opacity > 0 {
			unit := dashUnit(e.Style.Width)
			dash = dash[:0]
			for _, v := range e.Style.Dash {
				dash = append(dash, v*unit)
			}
			p := paintOf(e.Style.Color, e.Opacity)
			w := e.Style.Width
			if w < 1 {
				// Thinner than a pixel: a one-pixel line that much fainter
				// looks the same and is sampled without gaps.
				p, w = p.scale(w), 1
			}
			cv.ramp.set(p)
			for _, x := range edges[i:j] {
				if w <= thinMax {
					cv.line(x.From[0], x.From[1], x.To[0], x.To[1], w, dash)
				} else {
					cv.wideLine(x.From[0], x.From[1], x.To[0], x.To[1], w, dash)
				}
			}
			if e.Style.Arrow {
				for _, x := range edges[i:j] {
					cv.triangle(ArrowHead(x), p)
				}
			}
		}
		i = j
	}
}

func sameLook(a, b EdgeShape) bool {
	if a.Style.Color != b.Style.Color || a.Style.Width != b.Style.Width || a.Style.Arrow != b.Style.Arrow ||
		a.Opacity != b.Opacity || len(a.Style.Dash) != len(b.Style.Dash) {
		return false
	}
	for i := range a.Style.Dash {
		if a.Style.Dash[i] != b.Style.Dash[i] {
			return false
		}
	}
	return true
}

// ArrowHead returns the three corners of an edge's arrowhead at its To end.
func ArrowHead(e EdgeShape) [3][2]float64 {
	dx, dy := e.To[0]-e.From[0], e.To[1]-e.From[1]
	l := math.Hypot(dx, dy)
	if l < 1e-6 {
		return [3][2]float64{e.To, e.To, e.To}
	}
	ux, uy := dx/l, dy/l
	size := e.Head
	if size <= 0 {
		size = math.Max(9, e.Style.Width*3.2)
	}
	bx, by := e.To[0]-ux*size, e.To[1]-uy*size
	return [3][2]float64{e.To, {bx - uy*size*0.55, by + ux*size*0.55}, {bx + uy*size*0.55, by - ux*size*0.55}}
}

func fade(c color.NRGBA, op float64) color.NRGBA {
	c.A = uint8(math.Max(0, math.Min(255, float64(c.A)*op)))
	return c
}
