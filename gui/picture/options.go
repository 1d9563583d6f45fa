package picture

import (
	"math"

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
	// Positions, when set, are used instead of a fresh layout: the window
	// passes what is on screen.
	Positions map[string][2]float64
	Pinned    map[string]bool
	// Zoom (0 or 1 = fit) and Pan (pixels at scale 1) are the user's view.
	Zoom, PanX, PanY float64
}

// BaseWidth and BaseHeight are the picture size at which Scale is 1.
const BaseWidth, BaseHeight = 1280.0, 800.0

// ScaleFor is the default scale of a w×h picture.
func ScaleFor(w, h int) float64 {
	return math.Max(0.5, math.Min(float64(w)/BaseWidth, float64(h)/BaseHeight))
}

// scale is o's scale, derived from the size when unset.
func (o Options) scale() float64 {
	if o.Scale > 0 {
		return o.Scale
	}
	return ScaleFor(o.Width, o.Height)
}

func (o Options) theme() *render.Theme {
	if o.Theme == nil {
		return render.Light()
	}
	return o.Theme
}
