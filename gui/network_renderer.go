package gui

import (
	"fmt"
	"image"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

type networkRenderer struct {
	view   *NetworkView
	raster *canvas.Raster
	img    *image.RGBA
	// Two scenes built into in turn: the one on show stays intact for hit
	// tests while the next is built, and neither is allocated again.
	scenes [2]render.Built
	next   int
	trim   *idleTrim
}

// draw is the raster's generator: it gets the size in pixels.
func (r *networkRenderer) draw(w, h int) image.Image {
	r.trim.touch()
	n := r.view
	size := n.Size()
	scale := 1.0
	if size.Width > 0 {
		scale = float64(w) / float64(size.Width)
	}
	o := n.options(float64(w), float64(h), scale)
	var b render.Built
	if n.Compare {
		b = n.compareScene(o)
	} else {
		f := n.viewer.Frame()
		o.Emphasis, f.Ghosts = n.viewer.EventMarks()
		if n.Step != nil {
			n.Step.Apply(&f, &o)
		}
		f.Ties, f.Ghosts = n.filtered(f.Ties, f.Ghosts)
		b = r.scenes[r.next]
		render.BuildInto(&b, f, o, n.fonts)
		r.scenes[r.next] = b
		r.next = 1 - r.next
	}
	n.staleHover(&b)
	if n.hover.Kind != render.NoTarget {
		addTooltip(&b, n, float64(n.hoverAt.X)*scale, float64(n.hoverAt.Y)*scale, scale)
	}
	if r.img == nil || r.img.Bounds().Dx() != w || r.img.Bounds().Dy() != h {
		r.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	render.RasterInto(r.img, b.Scene, n.fonts)
	n.mu.Lock()
	n.last, n.scale = b, scale
	n.mu.Unlock()
	return r.img
}

func (r *networkRenderer) Layout(s fyne.Size) { r.raster.Resize(s) }

func (r *networkRenderer) MinSize() fyne.Size { return fyne.NewSize(160, 120) }

func (r *networkRenderer) Refresh() { r.raster.Refresh() }

func (r *networkRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.raster} }

func (r *networkRenderer) Destroy() { r.trim.stop() }

// filtered drops the ties of hidden kinds and certainties. The result is
// kept while the frame's ties and the filters stay the same, so a repaint
// of a filtered network reuses its edge plan.
func (n *NetworkView) filtered(ties, ghosts []render.FrameTie) ([]render.FrameTie, []render.FrameTie) {
	var key strings.Builder
	for _, k := range graphmodel.Kinds() {
		if n.HiddenKinds[k] {
			key.WriteString(string(k) + ",")
		}
	}
	for _, c := range graphmodel.Certainties() {
		if n.HiddenCertainty[c] {
			key.WriteString("certainty " + string(c) + ",")
		}
	}
	if key.Len() == 0 {
		return ties, ghosts
	}
	c := &n.filterCache
	if c.key == key.String() && render.SameSlice(c.ties, ties) && render.SameSlice(c.ghosts, ghosts) {
		return c.outTies, c.outGhosts
	}
	keep := func(in []render.FrameTie) []render.FrameTie {
		var out []render.FrameTie
		for _, t := range in {
			if !n.HiddenKinds[t.Kind] && !n.HiddenCertainty[t.Certainty] {
				out = append(out, t)
			}
		}
		return out
	}
	*c = filterCache{key: key.String(), ties: ties, ghosts: ghosts, outTies: keep(ties), outGhosts: keep(ghosts)}
	return c.outTies, c.outGhosts
}

// filterCache is the last filtered frame: what went in and what came out.
type filterCache struct {
	key                string
	ties, ghosts       []render.FrameTie
	outTies, outGhosts []render.FrameTie
}

// compareScene is the side-by-side picture, cached: its layout is the
// slow part and it changes only with the dates, size and theme.
func (n *NetworkView) compareScene(o render.Options) render.Built {
	// A lesson step's compare tells the step's words under the pictures.
	var step *graphmodel.Event
	if n.Step != nil {
		step = n.Step.Event
	}
	key := fmt.Sprint(n.CompareDay, n.viewer.Day(), o.Width, o.Height, o.Scale, n.Theme.Name, n.Legend, o.Caption, step)
	if n.cmpKey == key {
		return n.cmpBuilt
	}
	b := picture.Compare(n.viewer.Dataset(), n.CompareDay, n.viewer.Day(), picture.Options{Chain: n.viewer.Chain(),
		Width: int(o.Width), Height: int(o.Height), Scale: o.Scale, Theme: n.Theme, Legend: n.Legend, Lang: o.Lang,
		Caption: o.Caption && step != nil, Event: step}, n.fonts)
	n.cmpKey, n.cmpBuilt = key, b
	return b
}
