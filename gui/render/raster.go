package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"runtime"
	"sync"

	"github.com/srwiley/rasterx"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
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
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		band := image.Rect(b.Min.X, b.Min.Y+b.Dy()*i/n, b.Max.X, b.Min.Y+b.Dy()*(i+1)/n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			rasterBand(img.SubImage(band).(*image.RGBA), s, fonts)
		}()
	}
	wg.Wait()
}

// rasterBand draws the scene into img's bounds. Edges of one look are
// batched into one path and nodes into one path per colour, so a scene
// costs a few dozen rasteriser passes.
func rasterBand(img *image.RGBA, s Scene, fonts *Fonts) {
	b := img.Bounds()
	draw.Draw(img, b, image.NewUniform(s.Background), b.Min, draw.Src)
	w, h := b.Max.X, b.Max.Y
	sc := newScanner(img)
	filler := rasterx.NewFiller(w, h, sc)
	dasher := rasterx.NewDasher(w, h, sc)

	for _, a := range s.Areas {
		fillPolygon(filler, a.Points, a.Fill)
	}
	drawEdges(dasher, filler, s.Edges)
	drawNodes(filler, s.Nodes)
	for _, t := range s.Texts {
		drawText(img, t, fonts)
	}
	for _, p := range s.Panels {
		r := math.Min(8, p.H/4)
		if p.Stroke.A > 0 {
			filler.SetColor(p.Stroke)
			rasterx.AddRoundRect(p.X-1, p.Y-1, p.X+p.W+1, p.Y+p.H+1, r, r, 0, rasterx.RoundGap, filler)
			filler.Draw()
			filler.Clear()
		}
		filler.SetColor(p.Fill)
		rasterx.AddRoundRect(p.X, p.Y, p.X+p.W, p.Y+p.H, r, r, 0, rasterx.RoundGap, filler)
		filler.Draw()
		filler.Clear()
	}
	drawEdges(dasher, filler, s.PanelLines)
	for _, t := range s.PanelTexts {
		drawText(img, t, fonts)
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

// drawEdges strokes runs of edges that share a style and opacity as one path.
func drawEdges(d *rasterx.Dasher, f *rasterx.Filler, edges []EdgeShape) {
	for i := 0; i < len(edges); {
		j := i + 1
		for j < len(edges) && sameLook(edges[i], edges[j]) {
			j++
		}
		e := edges[i]
		if e.Opacity > 0 {
			var dash []float64
			for _, v := range e.Style.Dash {
				dash = append(dash, v*e.Style.Width)
			}
			d.SetStroke(fixed.Int26_6(e.Style.Width*64), 4*64, rasterx.ButtCap, nil, rasterx.RoundGap, rasterx.Round, dash, 0)
			d.SetColor(fade(e.Style.Color, e.Opacity))
			for _, x := range edges[i:j] {
				d.Start(rasterx.ToFixedP(x.From[0], x.From[1]))
				d.Line(rasterx.ToFixedP(x.To[0], x.To[1]))
				d.Stop(false)
			}
			d.Draw()
			d.Clear()
			if e.Style.Arrow {
				f.SetColor(fade(e.Style.Color, e.Opacity))
				for _, x := range edges[i:j] {
					addArrow(f, x)
				}
				f.Draw()
				f.Clear()
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
	size := math.Max(9, e.Style.Width*3.2)
	bx, by := e.To[0]-ux*size, e.To[1]-uy*size
	return [3][2]float64{e.To, {bx - uy*size*0.55, by + ux*size*0.55}, {bx + uy*size*0.55, by - ux*size*0.55}}
}

func addArrow(f *rasterx.Filler, e EdgeShape) {
	h := ArrowHead(e)
	f.Start(rasterx.ToFixedP(h[0][0], h[0][1]))
	f.Line(rasterx.ToFixedP(h[1][0], h[1][1]))
	f.Line(rasterx.ToFixedP(h[2][0], h[2][1]))
	f.Stop(true)
}

func fade(c color.NRGBA, op float64) color.NRGBA {
	c.A = uint8(math.Max(0, math.Min(255, float64(c.A)*op)))
	return c
}

// drawText draws one line, with a halo first when it has one.
func drawText(img *image.RGBA, t Text, fonts *Fonts) {
	if t.Opacity <= 0 || t.S == "" {
		return
	}
	x := t.X
	switch t.Align {
	case Center:
		x -= fonts.Width(t.S, t.Size, t.Bold) / 2
	case Right:
		x -= fonts.Width(t.S, t.Size, t.Bold)
	}
	face := fonts.Face(t.Size, t.Bold)
	fonts.mu.Lock()
	defer fonts.mu.Unlock()
	if t.Halo.A > 0 {
		halo := image.NewUniform(fade(t.Halo, t.Opacity*0.9))
		r := math.Max(1, t.Size/9)
		for _, o := range [][2]float64{{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-0.7, -0.7}, {0.7, -0.7}, {-0.7, 0.7}, {0.7, 0.7}} {
			d := font.Drawer{Dst: img, Src: halo, Face: face, Dot: fixed.P(0, 0)}
			d.Dot = fixed.Point26_6{X: fixed.Int26_6((x + o[0]*r) * 64), Y: fixed.Int26_6((t.Y + o[1]*r) * 64)}
			d.DrawString(t.S)
		}
	}
	d := font.Drawer{Dst: img, Src: image.NewUniform(fade(t.Color, t.Opacity)), Face: face,
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(t.Y * 64)}}
	d.DrawString(t.S)
}

// drawNodes fills discs in three passes (rims, bodies, pin marks), one
// Draw per colour, so a thousand nodes cost a few dozen Draws.
func drawNodes(f *rasterx.Filler, nodes []NodeShape) {
	type disc struct {
		x, y, r float64
	}
	pass := func(pick func(n NodeShape) (color.NRGBA, disc, bool)) {
		var order []color.NRGBA
		groups := map[color.NRGBA][]disc{}
		for _, n := range nodes {
			if n.Opacity <= 0 {
				continue
			}
			c, d, ok := pick(n)
			if !ok {
				continue
			}
			c = fade(c, n.Opacity)
			if _, seen := groups[c]; !seen {
				order = append(order, c)
			}
			groups[c] = append(groups[c], d)
		}
		for _, c := range order {
			f.SetColor(c)
			for _, d := range groups[c] {
				rasterx.AddCircle(d.x, d.y, d.r, f)
			}
			f.Draw()
			f.Clear()
		}
	}
	pass(func(n NodeShape) (color.NRGBA, disc, bool) {
		return n.Stroke, disc{n.X, n.Y, n.R + n.StrokeWidth}, true
	})
	pass(func(n NodeShape) (color.NRGBA, disc, bool) { return n.Fill, disc{n.X, n.Y, n.R}, true })
	pass(func(n NodeShape) (color.NRGBA, disc, bool) { return n.Stroke, disc{n.X, n.Y, n.R * 0.32}, n.Pinned })
}
