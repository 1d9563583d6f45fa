package picture

import (
	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
)

// Still builds the picture of ds at day.
func Still(ds *graphmodel.Dataset, day graphmodel.Day, o Options, fonts *render.Fonts) render.Built {
	s := ds.At(day)
	pos := o.Positions
	if pos == nil {
		pos = NewChain(ds, fonts).Positions(day)
	}
	f := render.FrameOf(s, pos)
	f.Pinned = o.Pinned
	return render.Build(f, render.Options{Theme: o.theme(), Width: float64(o.Width), Height: float64(o.Height),
		Scale: o.scale(), Zoom: o.Zoom, PanX: o.PanX, PanY: o.PanY, Legend: o.Legend, Title: true, Caption: o.Caption,
		SourceLine: true, Transparent: o.Transparent}, fonts)
}
