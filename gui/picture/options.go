package picture

import (
	"math"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
)

// Options describe one picture.
type Options struct {
	Width, Height int
	// Scale multiplies text and line sizes; 0 derives it from the size so
	// that a bigger picture is the same picture, not a smaller drawing.
	Scale       float64
	Theme       *render.Theme // nil: the light theme
	Transparent bool
	Legend      bool
	Caption     bool
	// Event, when set, is what the caption tells instead of the day's
	// event: a lesson step's own words. A comparison draws it across
	// both pictures.
	Event *graphmodel.Event
	// NoCredit leaves out the line that credits the data (--no-caption);
	// the window, whose caption is a panel, keeps it.
	NoCredit bool
	// Chain, when set, is where positions come from (it must be of the
	// same dataset); nil lays the dataset out anew. The window passes its
	// own, which has laid out the dates it has shown.
	Chain *Chain
	// Positions, when set, are used instead of the chain's: the window
	// passes what is on screen.
	Positions map[string][2]float64
	Pinned    map[string]bool
	// Zoom (0 or 1 = fit) and Pan (pixels at scale 1) are the user's view.
	Zoom, PanX, PanY float64
	// Lang is the language of the legend, kinds and dates (see gui/lang);
	// empty is English. Names come from the dataset given.
	Lang string
}

// BaseWidth and BaseHeight are the picture size at which Scale is 1: the
// most common classroom projector.
const BaseWidth, BaseHeight = 1280.0, 720.0

// ScaleFor is the scale of a w×h picture, in the window and in files
// alike: it grows with the picture above the base size, so a 4K export
// is the 1280×720 picture made sharper; below it, text and lines shrink
// only with the square root of the size (never under 0.6), as a small
// picture is read from closer.
func ScaleFor(w, h float64) float64 {
	r := math.Min(w/BaseWidth, h/BaseHeight)
	if r >= 1 {
		return r
	}
	return math.Max(0.6, math.Sqrt(r))
}

// scale is o's scale, derived from the size when unset.
func (o Options) scale() float64 {
	if o.Scale > 0 {
		return o.Scale
	}
	return ScaleFor(float64(o.Width), float64(o.Height))
}

// Render is how a picture of o is built from a frame: the same for a
// still, a timeline frame and the window's canvas.
func (o Options) Render() render.Options {
	return render.Options{Theme: o.theme(), Width: float64(o.Width), Height: float64(o.Height), Scale: o.scale(),
		Zoom: o.Zoom, PanX: o.PanX, PanY: o.PanY, Legend: o.Legend, Title: true, Caption: o.Caption,
		SourceLine: !o.NoCredit, Transparent: o.Transparent, Lang: o.Lang}
}

func (o Options) chain(ds *graphmodel.Dataset, fonts *render.Fonts) *Chain {
	if o.Chain != nil {
		return o.Chain
	}
	return NewChain(ds, fonts)
}

func (o Options) theme() *render.Theme {
	if o.Theme == nil {
		return render.Light()
	}
	return o.Theme
}
