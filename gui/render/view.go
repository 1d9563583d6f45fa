package render

import (
	"math"
)

// Options say how a Frame becomes a Scene.
type Options struct {
	Theme         *Theme
	Width, Height float64 // the picture in pixels
	// Scale multiplies every size (text, widths, radii): 1 on a normal
	// screen, the device scale on HiDPI, larger for big exports.
	Scale float64
	// Zoom (1 = fit) and Pan (pixels at scale 1) are the user's view.
	Zoom       float64
	PanX, PanY float64
	Legend     bool // draw the legend panel
	Title      bool // draw the date and event title
	Caption    bool // draw the caption band (exports; the window has a panel)
	SourceLine bool // draw the data source line
	// Transparent leaves the background unpainted.
	Transparent bool
	// Highlight emphasises these relation and actor ids and dims the rest.
	Highlight map[string]bool
	// Fit, when set, is used instead of fitting the actors to the area:
	// the window holds the view still while a node is dragged.
	Fit *Fit
	// Emphasis marks relation ids (what an event starts) with a glow,
	// without dimming the rest.
	Emphasis map[string]bool
	// EmphasisAlpha is the glow's strength (0 means the default, 0.55).
	EmphasisAlpha float64
	// Lang is the language of the picture's own words (legend, kinds,
	// dates; see gui/lang); empty is English. Names come from the
	// dataset: pass Dataset.Localised(Lang).
	Lang string
}

// Fit is the zoom-1 view: the layout point at the area's centre and the
// pixels per layout unit.
type Fit struct {
	S, CX, CY float64
	OX, OY    float64 // the pixel the centre maps to, before panning
}

// Transform maps layout units to pixels and back.
type Transform struct {
	S          float64 // pixels per layout unit
	CX, CY     float64 // layout point at the area's centre
	OX, OY     float64 // pixel centre of the area, pan included
	AreaX      float64 // the network area in pixels
	AreaY      float64
	AreaW      float64
	AreaH      float64
	NodeRadius float64 // in pixels, after the level of detail
	// Detail is the level of detail, in (0, 1]: the node radius's share of
	// the theme's. A crowded view draws smaller discs, thinner and fainter
	// edges and smaller arrowheads; zooming in brings them back.
	Detail float64
	// Spacing is the layout area per actor, as a length in layout units.
	Spacing float64
	Fit     Fit // the zoom-1 fit this transform came from
}

// ToPixel maps a layout point to the picture.
func (t Transform) ToPixel(p [2]float64) [2]float64 {
	return [2]float64{t.OX + (p[0]-t.CX)*t.S, t.OY + (p[1]-t.CY)*t.S}
}

// ToLayout maps a pixel back to layout units.
func (t Transform) ToLayout(x, y float64) [2]float64 {
	return [2]float64{t.CX + (x-t.OX)/t.S, t.CY + (y-t.OY)/t.S}
}

// detail is the node radius and level of detail of a view: the theme's
// radius, unless the actors sit closer on screen than that allows; then a
// quarter of their typical spacing, but never under 1.5 pixels.
func detail(actors int, v Transform, full, sc float64) (r, lod float64) {
	if actors <= 40 {
		return full, 1
	}
	r = math.Max(1.5*sc, math.Min(full, v.S*v.Spacing*0.25))
	return r, r / full
}

// spacing is the typical distance between an actor and its neighbours, in
// layout units: the square root of the area per actor where actors are,
// from a 64×64 grid over their box. A plain area per actor would count the
// empty space a few outlying actors open up.
func spacing(lp [][2]float64, has []bool, minX, minY, w, h float64) float64 {
	const cells = 64
	var grid [cells * cells]int32
	cell := func(p [2]float64) int {
		x := min(cells-1, max(0, int((p[0]-minX)/w*cells)))
		y := min(cells-1, max(0, int((p[1]-minY)/h*cells)))
		return y*cells + x
	}
	n := 0
	for i, p := range lp {
		if has[i] {
			grid[cell(p)]++
			n++
		}
	}
	if n == 0 {
		return math.Sqrt(w * h)
	}
	crowd := 0.0 // the mean number of actors sharing an actor's cell
	for i, p := range lp {
		if has[i] {
			crowd += float64(grid[cell(p)])
		}
	}
	crowd /= float64(n)
	return math.Sqrt(w * h / (cells * cells) / crowd)
}

// fit scales and centres the actors in the area at zoom 1 so that every
// disc with its label below it fits: the scale is the largest at which
// the drawn extents (disc and label of each actor, at the size they are
// drawn) span no more than the area in either direction, found by
// bisection since the span grows with the scale. A big network labels
// only some actors (see addNodes), so each gets the room of a typical
// label instead of its own.
func fit(f Frame, lp [][2]float64, has []bool, area [4]float64, th *Theme, sc, zoom, panX, panY float64, fonts *Fonts) Transform {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i, p := range lp {
		if !has[i] {
			continue
		}
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	empty := math.IsInf(minX, 1)
	if empty {
		minX, minY, maxX, maxY = -100, -100, 100, 100
	}
	r := th.NodeRadius * sc
	size := th.LabelSize * sc
	// Each actor's half width, disc or label: its own name's up to 200
	// actors, a typical name's beyond (uniform, so the extent has a closed
	// form and the search below does not walk every actor 80 times).
	uniform := len(f.Actors) > 200
	typical := math.Max(r, fonts.Width("South Korea", size, true)/2) + 2*sc
	var half []float64
	if !uniform {
		half = make([]float64, len(lp))
		for i := range lp {
			half[i] = math.Max(r, fonts.Width(f.Actors[i].Short, size, true)/2) + 2*sc
		}
	}
	up, down := r+2*sc, r+size*0.2+size*1.23+2*sc // the disc above, the disc and label below
	// span is the drawn extent at scale s along one axis, and its low end.
	// Multiplying by s > 0 and adding a constant keep the order of
	// floating-point numbers, so the closed forms equal the walk's result.
	span := func(s float64, axis int) (lo, hi float64) {
		switch {
		case empty:
			return math.Inf(1), math.Inf(-1)
		case axis == 1:
			return minY*s - up, maxY*s + down
		case uniform:
			return minX*s - typical, maxX*s + typical
		}
		lo, hi = math.Inf(1), math.Inf(-1)
		for i, p := range lp {
			if !has[i] {
				continue
			}
			lo, hi = math.Min(lo, p[0]*s-half[i]), math.Max(hi, p[0]*s+half[i])
		}
		return lo, hi
	}
	fits := func(s float64) bool {
		x0, x1 := span(s, 0)
		y0, y1 := span(s, 1)
		return x1-x0 <= area[2] && y1-y0 <= area[3]
	}
	// No tighter than a 60-unit layout would be: one actor alone, or two
	// close together, do not fill the picture.
	hiS := math.Min(area[2], area[3]) / 60
	loS := 0.0
	if fits(hiS) {
		loS = hiS
	}
	for k := 0; k < 40 && hiS-loS > 1e-9*hiS; k++ {
		m := (loS + hiS) / 2
		if fits(m) {
			loS = m
		} else {
			hiS = m
		}
	}
	s := loS
	if s <= 0 { // not even a point fits: the smallest picture, drawn anyway
		s = math.Min(area[2]/math.Max(maxX-minX, 60), area[3]/math.Max(maxY-minY, 60)) * 0.5
	}
	// Centre the extents, not the positions: a long label on one side
	// moves the network over.
	x0, x1 := span(s, 0)
	y0, y1 := span(s, 1)
	ox := area[0] + (area[2]-(x1-x0))/2 - x0
	oy := area[1] + (area[3]-(y1-y0))/2 - y0
	// The layout point at the area's centre, which zoom keeps still.
	mx, my := area[0]+area[2]/2, area[1]+area[3]/2
	cx, cy := (mx-ox)/s, (my-oy)/s
	w := math.Max(maxX-minX, 60)
	h := math.Max(maxY-minY, 60)
	return Transform{
		Fit: Fit{S: s, CX: cx, CY: cy, OX: mx, OY: my},
		S:   s * zoom, CX: cx, CY: cy,
		OX: mx + panX, OY: my + panY,
		AreaX: area[0], AreaY: area[1], AreaW: area[2], AreaH: area[3], NodeRadius: r, Detail: 1,
		Spacing: spacing(lp, has, minX, minY, w, h),
	}
}
