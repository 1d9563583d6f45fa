package render

import (
	"fmt"
	"math"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/lang"
)

// Built is a Scene with the transform used to make it, for hit tests.
type Built struct {
	Scene
	View Transform

	// Per-actor working space of the last build, kept for the next: the
	// layout positions (looked up in the frame's map once per build), the
	// same in pixels, and the labels.
	lp     [][2]float64
	px     [][2]float64
	has    []bool
	labels []Text
}

// SourceLine credits where a picture's data comes from: the dataset's own
// credit line, or its title.
func SourceLine(ds *graphmodel.Dataset) string {
	if ds == nil {
		return ""
	}
	if ds.Credit != "" {
		return ds.Credit
	}
	return "Data: " + ds.Title
}

// Build lays a frame out as a Scene.
func Build(f Frame, o Options, fonts *Fonts) Built {
	var b Built
	BuildInto(&b, f, o, fonts)
	return b
}

// BuildInto lays a frame out into dst, reusing its slices: a window that
// repaints a big network keeps two Builts and builds into the one not on
// show, so a repaint allocates nothing per actor or edge.
func BuildInto(dst *Built, f Frame, o Options, fonts *Fonts) {
	th := o.Theme
	if th == nil {
		th = Light()
	}
	sc := o.Scale
	if sc <= 0 {
		sc = 1
	}
	zoom := o.Zoom
	if zoom <= 0 {
		zoom = 1
	}
	b := dst
	b.Scene = Scene{Width: o.Width, Height: o.Height, Areas: b.Areas[:0], Edges: b.Edges[:0], Nodes: b.Nodes[:0],
		Texts: b.Texts[:0], Panels: b.Panels[:0], PanelTexts: b.PanelTexts[:0], PanelLines: b.PanelLines[:0]}
	b.View = Transform{}
	b.lp, b.has = grow(b.lp, len(f.Actors)), grow(b.has, len(f.Actors))
	for i, a := range f.Actors {
		b.lp[i], b.has[i] = f.Positions[a.ID]
	}
	if !o.Transparent {
		b.Background = th.Background
	}
	margin := 14 * sc

	// Reserve the bands: title on top, caption and source at the bottom,
	// legend on the right.
	top, bottom, right := margin, margin, margin
	var legend legendBlock
	plan := planOf(f)
	if o.Legend {
		legend = layoutLegend(f, plan, th, sc, fonts, o.Lang)
	}
	if o.Title {
		top += th.TitleSize * sc * 1.9
	}
	var caption captionBlock
	if o.Caption && f.Event != nil {
		caption = layoutCaption(f.Event, th, sc, o.Width-2*margin, fonts, o.Lang)
		bottom += caption.h + margin
	}
	if o.SourceLine {
		bottom += th.SmallSize * sc * 1.6
	}
	captionY := o.Height - bottom + margin
	place := func(area [4]float64) {
		b.View = fit(f, b.lp, b.has, area, th, sc, zoom, o.PanX*sc, o.PanY*sc, fonts)
		if o.Fit != nil {
			b.View.Fit = *o.Fit
			b.View.S, b.View.CX, b.View.CY = o.Fit.S*zoom, o.Fit.CX, o.Fit.CY
			b.View.OX, b.View.OY = o.Fit.OX+o.PanX*sc, o.Fit.OY+o.PanY*sc
		}
	}
	full := [4]float64{margin, top, math.Max(10, o.Width-margin-right), math.Max(10, o.Height-top-bottom)}
	place(full)
	// The legend goes in a corner the network leaves free; if none is,
	// the network gives up a column for it.
	legendX, legendY := o.Width-margin-legend.w, margin
	if o.Legend {
		titleW := 0.0
		if o.Title && f.Event != nil {
			titleW = th.TitleSize*sc*2.6 + 10*sc + fonts.Width(f.Event.Title, th.LabelSize*sc, true)
		}
		topY := margin
		if margin+titleW > o.Width-margin-legend.w-margin {
			topY = top // the title reaches under the corner
		}
		corners := [][2]float64{
			{o.Width - margin - legend.w, topY},
			{o.Width - margin - legend.w, o.Height - bottom - legend.h},
			{margin, o.Height - bottom - legend.h},
		}
		free := false
		for _, c := range corners {
			if c[1] >= margin-0.5 && !b.overlaps(f, [4]float64{c[0], c[1], legend.w, legend.h}, th, sc, fonts) {
				legendX, legendY, free = c[0], c[1], true
				break
			}
		}
		if !free {
			// No corner is free: the network gives up a column beside it
			// or a strip under it, whichever leaves it the larger.
			h := o.Height - top - bottom
			col := [4]float64{margin, top, math.Max(10, o.Width-2*margin-legend.w-margin), math.Max(10, h)}
			strip := legend
			strip.strip(o.Width-2*margin, th, sc, fonts)
			row := [4]float64{margin, top, math.Max(10, o.Width-margin-right), math.Max(10, h-strip.h-margin)}
			sCol, sRow := -1.0, -1.0
			if legend.h <= h {
				place(col)
				sCol = b.View.Fit.S
			}
			if h-strip.h-margin >= o.Height*0.3 {
				place(row)
				sRow = b.View.Fit.S
			}
			switch {
			case sCol < 0 && sRow < 0:
				// Too small a picture: the network needs the room more.
				o.Legend = false
				place(full)
			case sCol >= sRow:
				place(col)
				legendX, legendY = o.Width-margin-legend.w, top
			default:
				legend = strip
				legendX, legendY = margin, o.Height-bottom-legend.h
				bottom += legend.h + margin
			}
		}
	}

	b.View.NodeRadius, b.View.Detail = detail(len(f.Actors), b.View, th.NodeRadius*sc, sc)

	// A highlighted actor keeps its ties and their other ends bright; a
	// highlighted relation keeps its actors bright.
	hl := map[string]bool{}
	for id := range o.Highlight {
		hl[id] = true
	}
	if len(hl) > 0 {
		for _, t := range f.Ties {
			lit := o.Highlight[t.ID]
			for _, a := range t.Actors {
				lit = lit || o.Highlight[a]
			}
			if lit {
				hl[t.ID] = true
				for _, a := range t.Actors {
					hl[a] = true
				}
			}
		}
	}
	dim := func(id string) float64 {
		if len(hl) == 0 || hl[id] {
			return 1
		}
		return 0.22
	}
	b.addGroupings(f, th, sc, dim)
	glowA := o.EmphasisAlpha
	if glowA <= 0 {
		glowA = 0.55
	}
	b.addEdges(f, plan, th, sc, dim, o.Highlight, o.Emphasis, glowA)
	// What labels must stay off: the panels and the title.
	var reserved []box
	if o.Title {
		tw := th.TitleSize * sc * 2.6
		if f.Event != nil {
			tw += 10*sc + fonts.Width(f.Event.Title, th.LabelSize*sc, true)
		} else {
			tw += 10*sc + fonts.Width(lang.Date(o.Lang, f.Day.Date()), th.LabelSize*sc, false)
		}
		reserved = append(reserved, box{margin, margin, margin + tw, margin + th.TitleSize*sc*1.25})
	}
	if o.Legend {
		reserved = append(reserved, box{legendX, legendY, legendX + legend.w, legendY + legend.h})
	}
	if o.Caption && f.Event != nil {
		reserved = append(reserved, box{margin, captionY, o.Width - margin, captionY + caption.h})
	}
	creditSize := th.SmallSize * sc
	if line := SourceLine(f.Dataset); o.SourceLine && line != "" {
		creditSize = fonts.FitSize(line, creditSize, false, o.Width-2*margin)
		lw := fonts.Width(line, creditSize, false)
		reserved = append(reserved, box{o.Width - margin - lw, o.Height - margin*0.8 - th.SmallSize*sc, o.Width - margin, o.Height})
	}
	b.addNodes(f, plan, th, sc, dim, reserved, fonts)
	if len(f.Actors) == 0 {
		msg := lang.Translate(o.Lang, "No actors in this dataset on this date")
		if f.Dataset != nil && len(f.Dataset.Actors) == 0 {
			msg = lang.Translate(o.Lang, "This dataset has no actors")
		}
		b.Texts = append(b.Texts, Text{X: full[0] + full[2]/2, Y: full[1] + full[3]/2, S: msg, Size: th.CaptionSize * sc,
			Color: th.MutedText, Align: Center, Opacity: 1})
	}

	if o.Title {
		b.addTitle(f, th, sc, margin, o.Width, o.Lang, fonts)
	}
	if o.Legend {
		legend.place(&b.Scene, legendX, legendY, th, sc)
	}
	if o.Caption && f.Event != nil {
		caption.place(&b.Scene, margin, captionY, o.Width-2*margin, th, sc)
	}
	if line := SourceLine(f.Dataset); o.SourceLine && line != "" {
		b.PanelTexts = append(b.PanelTexts, Text{X: o.Width - margin, Y: o.Height - margin*0.8, S: line,
			Size: creditSize, Color: th.MutedText, Align: Right, Opacity: 1})
	}
}

func (b *Built) addGroupings(f Frame, th *Theme, sc float64, dim func(string) float64) {
	for _, g := range f.Groupings {
		var pts [][2]float64
		for _, m := range g.Members {
			if p, ok := f.Positions[m]; ok && b.present(f, m) {
				pts = append(pts, b.View.ToPixel(p))
			}
		}
		if len(pts) < 3 {
			continue
		}
		hull := expand(convexHull(pts), th.NodeRadius*sc*2.1)
		fill := th.Groupings[g.Index%len(th.Groupings)]
		fill.A = uint8(float64(fill.A) * g.Opacity * dim(g.ID))
		b.Areas = append(b.Areas, Area{ID: g.ID, Points: hull, Fill: fill})
	}
}

func (b *Built) present(f Frame, id string) bool {
	for _, a := range f.Actors {
		if a.ID == id {
			return true
		}
	}
	return false
}

func (b *Built) addTitle(f Frame, th *Theme, sc, margin, width float64, tag string, fonts *Fonts) {
	if undated(f) {
		// No date to tell: the dataset's own title heads its picture.
		b.PanelTexts = append(b.PanelTexts, Text{X: margin, Y: margin + th.TitleSize*sc*0.8, S: f.Dataset.Title,
			Size: th.TitleSize * sc * 0.6, Bold: true, Color: th.Text, Align: Left, Opacity: 1})
		return
	}
	d := f.Day.Date()
	y := margin + th.TitleSize*sc
	b.PanelTexts = append(b.PanelTexts, Text{X: margin, Y: y, S: fmt.Sprint(d.Year), Size: th.TitleSize * sc,
		Bold: true, Color: th.Text, Align: Left, Opacity: 1})
	yearW := th.TitleSize * sc * 2.6
	y1 := margin + th.TitleSize*sc*0.42
	b.PanelTexts = append(b.PanelTexts, Text{X: margin + yearW + 10*sc, Y: y1, S: lang.Date(tag, d),
		Size: th.LabelSize * sc, Color: th.MutedText, Align: Left, Opacity: 1})
	if f.Event != nil {
		// A title longer than the picture is cut: its whole text is in the
		// caption and the story.
		title := fonts.Shorten(f.Event.Title, th.LabelSize*sc, true, width-margin-(margin+yearW+10*sc))
		b.PanelTexts = append(b.PanelTexts, Text{X: margin + yearW + 10*sc, Y: y1 + th.LabelSize*sc*1.2, S: title,
			Size: th.LabelSize * sc, Bold: true, Color: th.Text, Align: Left, Opacity: 1})
	}
}

// overlaps reports whether any node, with its label, would fall inside r
// (x, y, w, h) under the current view.
func (b *Built) overlaps(f Frame, r [4]float64, th *Theme, sc float64, fonts *Fonts) bool {
	rad := th.NodeRadius * sc
	for i, a := range f.Actors {
		if !b.has[i] {
			continue
		}
		q := b.View.ToPixel(b.lp[i])
		lw := float64(len(a.Short)) * th.LabelSize * sc * 0.3 // big networks: an estimate
		if len(f.Actors) <= 200 {
			lw = fonts.Width(a.Short, th.LabelSize*sc, true) / 2
		}
		hw := math.Max(rad, lw) + 6*sc
		x0, x1 := q[0]-hw, q[0]+hw
		y0, y1 := q[1]-rad-6*sc, q[1]+rad+th.LabelSize*sc*1.5
		if x1 > r[0] && x0 < r[0]+r[2] && y1 > r[1] && y0 < r[1]+r[3] {
			return true
		}
	}
	return false
}

// grow returns s with length n, reusing its array when it is big enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func anyOf(set map[string]bool, ids []string) bool {
	for _, id := range ids {
		if set[id] {
			return true
		}
	}
	return false
}
