package render

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
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
	NodeRadius float64 // in pixels
	Fit        Fit     // the zoom-1 fit this transform came from
}

// ToPixel maps a layout point to the picture.
func (t Transform) ToPixel(p [2]float64) [2]float64 {
	return [2]float64{t.OX + (p[0]-t.CX)*t.S, t.OY + (p[1]-t.CY)*t.S}
}

// ToLayout maps a pixel back to layout units.
func (t Transform) ToLayout(x, y float64) [2]float64 {
	return [2]float64{t.CX + (x-t.OX)/t.S, t.CY + (y-t.OY)/t.S}
}

// Built is a Scene with the transform used to make it, for hit tests.
type Built struct {
	Scene
	View Transform
}

// SourceLine credits the article every picture is built from.
const SourceLine = "Data: Echoes dataset, after D. Sneider, \u201cEchoes of the Cold War in Northeast Asia\u201d, East Asia Forum, 24 June 2024, and the sources it cites"

// Build lays a frame out as a Scene.
func Build(f Frame, o Options, fonts *Fonts) Built {
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
	b := Built{Scene: Scene{Width: o.Width, Height: o.Height}}
	if !o.Transparent {
		b.Background = th.Background
	}
	margin := 14 * sc

	// Reserve the bands: title on top, caption and source at the bottom,
	// legend on the right.
	top, bottom, right := margin, margin, margin
	var legend legendBlock
	if o.Legend {
		legend = layoutLegend(f, th, sc, fonts)
	}
	if o.Title {
		top += th.TitleSize * sc * 1.9
	}
	var caption captionBlock
	if o.Caption && f.Event != nil {
		caption = layoutCaption(f.Event, th, sc, o.Width-2*margin, fonts)
		bottom += caption.h + margin
	}
	if o.SourceLine {
		bottom += th.SmallSize * sc * 1.6
	}
	captionY := o.Height - bottom + margin
	place := func(area [4]float64) {
		b.View = fit(f, area, th, sc, zoom, o.PanX*sc, o.PanY*sc, fonts)
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
			// A strip under the network costs less of a landscape picture
			// than a column beside it.
			legend.strip(o.Width-2*margin, th, sc, fonts)
			if o.Height-top-bottom-legend.h-margin < o.Height*0.45 {
				// Too small a picture: the network needs the room more.
				o.Legend = false
			} else {
				legendX, legendY = margin, o.Height-bottom-legend.h
				bottom += legend.h + margin
				place([4]float64{margin, top, math.Max(10, o.Width-margin-right), math.Max(10, o.Height-top-bottom)})
			}
		}
	}

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
	b.addEdges(f, th, sc, dim, o.Highlight, o.Emphasis, glowA)
	b.addNodes(f, th, sc, dim, fonts)
	if len(f.Actors) == 0 {
		msg := "No actors in this dataset on this date"
		if f.Dataset != nil && len(f.Dataset.Actors) == 0 {
			msg = "This dataset has no actors"
		}
		b.Texts = append(b.Texts, Text{X: full[0] + full[2]/2, Y: full[1] + full[3]/2, S: msg, Size: th.CaptionSize * sc,
			Color: th.MutedText, Align: Center, Opacity: 1})
	}

	if o.Title {
		b.addTitle(f, th, sc, margin)
	}
	if o.Legend {
		legend.place(&b.Scene, legendX, legendY, th, sc)
	}
	if o.Caption && f.Event != nil {
		caption.place(&b.Scene, margin, captionY, o.Width-2*margin, th, sc)
	}
	if o.SourceLine {
		b.PanelTexts = append(b.PanelTexts, Text{X: o.Width - margin, Y: o.Height - margin*0.8, S: SourceLine,
			Size: th.SmallSize * sc, Color: th.MutedText, Align: Right, Opacity: 1})
	}
	return b
}

// fit centres the actors' bounding box in the area at zoom 1, leaving room
// for node discs and labels.
func fit(f Frame, area [4]float64, th *Theme, sc, zoom, panX, panY float64, fonts *Fonts) Transform {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, a := range f.Actors {
		p, ok := f.Positions[a.ID]
		if !ok {
			continue
		}
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	if math.IsInf(minX, 1) {
		minX, minY, maxX, maxY = -100, -100, 100, 100
	}
	r := th.NodeRadius * sc
	widest := fonts.Width("South Korea", th.LabelSize*sc, true)
	if len(f.Actors) <= 200 { // big networks label only some nodes (see addNodes)
		for _, a := range f.Actors {
			widest = math.Max(widest, fonts.Width(a.Short, th.LabelSize*sc, true))
		}
	}
	padX := r + widest/2 + 4*sc
	padY := r + th.LabelSize*sc*1.6
	w := math.Max(maxX-minX, 60)
	h := math.Max(maxY-minY, 60)
	s := math.Min((area[2]-2*padX)/w, (area[3]-2*padY)/h)
	if s <= 0 {
		s = math.Min(area[2]/w, area[3]/h) * 0.5
	}
	ox, oy := area[0]+area[2]/2, area[1]+area[3]/2-th.LabelSize*sc*0.4
	return Transform{
		Fit: Fit{S: s, CX: (minX + maxX) / 2, CY: (minY + maxY) / 2, OX: ox, OY: oy},
		S:   s * zoom, CX: (minX + maxX) / 2, CY: (minY + maxY) / 2,
		OX: ox + panX, OY: oy + panY,
		AreaX: area[0], AreaY: area[1], AreaW: area[2], AreaH: area[3], NodeRadius: r,
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

// addEdges draws each pair's ties side by side, strongest in the middle.
func (b *Built) addEdges(f Frame, th *Theme, sc float64, dim func(string) float64, hl, emph map[string]bool, glowA float64) {
	type pair struct{ a, b string }
	byPair := map[pair][]FrameTie{}
	var pairs []pair
	for _, t := range append(f.Ties, f.Ghosts...) {
		for i, x := range t.Actors {
			for _, y := range t.Actors[i+1:] {
				k := pair{x, y}
				if y < x {
					k = pair{y, x}
				}
				if _, ok := byPair[k]; !ok {
					pairs = append(pairs, k)
				}
				byPair[k] = append(byPair[k], t)
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].a != pairs[j].a {
			return pairs[i].a < pairs[j].a
		}
		return pairs[i].b < pairs[j].b
	})
	var edges []EdgeShape
	for _, k := range pairs {
		ties := byPair[k]
		sort.Slice(ties, func(i, j int) bool {
			if ties[i].Kind.Rank() != ties[j].Kind.Rank() {
				return ties[i].Kind.Rank() < ties[j].Kind.Rank()
			}
			return ties[i].ID < ties[j].ID
		})
		pa, okA := f.Positions[k.a]
		pb, okB := f.Positions[k.b]
		if !okA || !okB {
			continue
		}
		A, B := b.View.ToPixel(pa), b.View.ToPixel(pb)
		dx, dy := B[0]-A[0], B[1]-A[1]
		l := math.Hypot(dx, dy)
		if l < 1e-6 {
			continue
		}
		nx, ny := -dy/l, dx/l
		gap := 6.5 * sc * th.LineScale
		ties, members := bundle(ties)
		for i, t := range ties {
			st := th.Kinds[t.Kind]
			st.Width *= sc * th.LineScale
			op := t.Opacity * dim(t.ID)
			if hl[t.ID] {
				st.Width *= 1.5
			}
			if t.Ghost {
				// An ended relation, shown on the event that ends it.
				st = Style{Color: th.MutedText, Width: 2 * sc * th.LineScale, Dash: []float64{1, 2.5}}
			}
			switch t.Status {
			case graphmodel.Signed:
				op *= 0.5
			case graphmodel.Recent:
				op *= 0.5
			}
			if t.Certainty != graphmodel.Confirmed && t.Certainty != "" {
				op *= 0.6
			}
			off := (float64(i) - float64(len(ties)-1)/2) * gap
			from, to := A, B
			src, dst := k.a, k.b
			if t.Directed && t.Actors[0] != k.a {
				from, to, src, dst = B, A, k.b, k.a
				off = -off
			}
			ox, oy := nx*off, ny*off
			if from[0] == B[0] && from[1] == B[1] {
				ox, oy = -ox, -oy
			}
			e := EdgeShape{RelationID: t.ID, Relations: members[i], A: src, B: dst, Style: st, Opacity: op,
				From: [2]float64{from[0] + ox, from[1] + oy}, To: [2]float64{to[0] + ox, to[1] + oy}}
			if st.Arrow {
				// Stop at the target's rim so the head is visible.
				ux, uy := (e.To[0]-e.From[0])/l, (e.To[1]-e.From[1])/l
				back := th.NodeRadius*sc + 3*sc
				e.To = [2]float64{e.To[0] - ux*back, e.To[1] - uy*back}
			}
			if !t.Ghost && anyOf(emph, members[i]) {
				glow := e
				glow.RelationID = "glow:" + t.ID
				glow.Style = Style{Color: th.Highlight, Width: st.Width + 8*sc}
				glow.Opacity = glowA * t.Opacity
				edges = append(edges, glow)
			}
			edges = append(edges, e)
		}
	}
	// Hostile and faint ties first, alliances last, so strong ties sit on top.
	sort.SliceStable(edges, func(i, j int) bool {
		gi, gj := strings.HasPrefix(edges[i].RelationID, "glow:"), strings.HasPrefix(edges[j].RelationID, "glow:")
		if gi != gj {
			return gi
		}
		if edges[i].Style.Width != edges[j].Style.Width {
			return edges[i].Style.Width < edges[j].Style.Width
		}
		// Same width: keep each look together so the raster batches it.
		return styleKey(edges[i]) < styleKey(edges[j])
	})
	b.Edges = edges
}

func (b *Built) addNodes(f Frame, th *Theme, sc float64, dim func(string) float64, fonts *Fonts) {
	r := th.NodeRadius * sc
	// Many nodes on a small area: shrink the discs so they stay apart.
	if n := float64(len(f.Actors)); n > 40 {
		r = math.Max(2*sc, math.Min(r, math.Sqrt(b.View.AreaW*b.View.AreaH/n)*0.25))
	}
	type cand struct {
		text Text
		box  [4]float64
		rank int
	}
	var labels []cand
	degree := map[string]int{}
	for _, t := range f.Ties {
		for _, a := range t.Actors {
			degree[a]++
		}
	}
	for _, a := range f.Actors {
		p, ok := f.Positions[a.ID]
		if !ok {
			continue
		}
		q := b.View.ToPixel(p)
		fill := th.MutedText
		if c, ok := ParseColor(a.Color); ok {
			fill = c
		}
		op := a.Opacity * dim(a.ID)
		b.Nodes = append(b.Nodes, NodeShape{ID: a.ID, X: q[0], Y: q[1], R: r, Fill: fill,
			Stroke: th.NodeStroke, StrokeWidth: math.Min(2.5*sc, r/3), Opacity: op, Pinned: f.Pinned[a.ID]})
		t := Text{X: q[0], Y: q[1] + r + th.LabelSize*sc*1.05, S: a.Short,
			Size: th.LabelSize * sc, Bold: true, Color: th.Text, Halo: th.Background, Align: Center, Opacity: op}
		hw := float64(len(a.Short)) * th.LabelSize * sc * 0.3
		labels = append(labels, cand{text: t, box: [4]float64{q[0] - hw, t.Y - th.LabelSize*sc, q[0] + hw, t.Y + 3*sc}, rank: degree[a.ID]})
	}
	if len(labels) <= 60 {
		for _, l := range labels {
			b.Texts = append(b.Texts, l.text)
		}
		return
	}
	// Level of detail: label the best-connected nodes first and skip a
	// label that would overlap one already placed or fall outside.
	sort.SliceStable(labels, func(i, j int) bool { return labels[i].rank > labels[j].rank })
	cell := th.LabelSize * sc * 2
	grid := map[[2]int][][4]float64{}
	overlaps := func(bx [4]float64) bool {
		for gx := int(bx[0] / cell); gx <= int(bx[2]/cell); gx++ {
			for gy := int(bx[1] / cell); gy <= int(bx[3]/cell); gy++ {
				for _, o := range grid[[2]int{gx, gy}] {
					if bx[0] < o[2] && o[0] < bx[2] && bx[1] < o[3] && o[1] < bx[3] {
						return true
					}
				}
			}
		}
		return false
	}
	for _, l := range labels {
		bx := l.box
		if bx[0] < 0 || bx[1] < 0 || bx[2] > b.Width || bx[3] > b.Height || overlaps(bx) {
			continue
		}
		for gx := int(bx[0] / cell); gx <= int(bx[2]/cell); gx++ {
			for gy := int(bx[1] / cell); gy <= int(bx[3]/cell); gy++ {
				grid[[2]int{gx, gy}] = append(grid[[2]int{gx, gy}], bx)
			}
		}
		b.Texts = append(b.Texts, l.text)
	}
}

func (b *Built) addTitle(f Frame, th *Theme, sc, margin float64) {
	d := f.Day.Date()
	y := margin + th.TitleSize*sc
	b.PanelTexts = append(b.PanelTexts, Text{X: margin, Y: y, S: fmt.Sprint(d.Year), Size: th.TitleSize * sc,
		Bold: true, Color: th.Text, Align: Left, Opacity: 1})
	yearW := th.TitleSize * sc * 2.6
	y1 := margin + th.TitleSize*sc*0.42
	b.PanelTexts = append(b.PanelTexts, Text{X: margin + yearW + 10*sc, Y: y1, S: d.Human(),
		Size: th.LabelSize * sc, Color: th.MutedText, Align: Left, Opacity: 1})
	if f.Event != nil {
		b.PanelTexts = append(b.PanelTexts, Text{X: margin + yearW + 10*sc, Y: y1 + th.LabelSize*sc*1.2, S: f.Event.Title,
			Size: th.LabelSize * sc, Bold: true, Color: th.Text, Align: Left, Opacity: 1})
	}
}

type legendRow struct {
	label string
	style *Style
	fill  *color.NRGBA
}

type legendBlock struct {
	rows []legendRow
	w, h float64
	// cells, when set, lay the rows out as a flowing strip: each row's
	// offset from the block's corner.
	cells [][2]float64
}

// strip flows the rows left to right in lines no wider than width.
func (lb *legendBlock) strip(width float64, th *Theme, sc float64, fonts *Fonts) {
	size := th.SmallSize * sc * 1.15
	x, y := 10*sc, size*1.5
	lb.cells = nil
	for _, r := range lb.rows {
		w := 44*sc + fonts.Width(r.label, size, false) + 18*sc
		if x+w > width && x > 10*sc {
			x, y = 10*sc, y+size*1.55
		}
		lb.cells = append(lb.cells, [2]float64{x, y})
		x += w
	}
	lb.w, lb.h = width, y+size*0.9
}

// layoutLegend lists the kinds and groupings the frame shows, in legend order.
func layoutLegend(f Frame, th *Theme, sc float64, fonts *Fonts) legendBlock {
	present := map[graphmodel.Kind]bool{}
	faint := false
	for _, t := range f.Ties {
		present[t.Kind] = true
		faint = faint || t.Status != graphmodel.InForce || (t.Certainty != graphmodel.Confirmed && t.Certainty != "")
	}
	var lb legendBlock
	for _, k := range graphmodel.Kinds() {
		if present[k] {
			st := th.Kinds[k]
			lb.rows = append(lb.rows, legendRow{label: k.Label(), style: &st})
		}
	}
	for _, g := range f.Groupings {
		c := th.Groupings[g.Index%len(th.Groupings)]
		c.A = uint8(math.Min(255, float64(c.A)*2.2))
		lb.rows = append(lb.rows, legendRow{label: g.Name, fill: &c})
	}
	if faint {
		lb.rows = append(lb.rows, legendRow{label: "Faint: signed, recent, reported or alleged"})
	}
	if len(lb.rows) == 0 {
		lb.rows = append(lb.rows, legendRow{label: "No relations on this date"})
	}
	size := th.SmallSize * sc * 1.15
	w := 0.0
	for _, r := range lb.rows {
		w = math.Max(w, fonts.Width(r.label, size, false))
	}
	lb.w = w + 62*sc
	lb.h = float64(len(lb.rows))*size*1.55 + size*2.6
	return lb
}

func (lb legendBlock) place(s *Scene, x, y float64, th *Theme, sc float64) {
	size := th.SmallSize * sc * 1.15
	s.Panels = append(s.Panels, Panel{X: x, Y: y, W: lb.w, H: lb.h, Fill: th.Panel, Stroke: th.PanelStroke})
	if lb.cells == nil {
		s.PanelTexts = append(s.PanelTexts, Text{X: x + 10*sc, Y: y + size*1.5, S: "Legend", Size: size, Bold: true,
			Color: th.Text, Opacity: 1})
	}
	for i, r := range lb.rows {
		cy := y + size*2.6 + float64(i)*size*1.55
		rx := x
		if lb.cells != nil {
			rx, cy = x+lb.cells[i][0]-10*sc, y+lb.cells[i][1]
		}
		x := rx
		switch {
		case r.style != nil:
			st := *r.style
			st.Width = math.Min(st.Width*sc*th.LineScale, size*0.7)
			s.PanelLines = append(s.PanelLines, EdgeShape{RelationID: "legend", From: [2]float64{x + 10*sc, cy - size*0.35},
				To: [2]float64{x + 48*sc, cy - size*0.35}, Style: st, Opacity: 1})
		case r.fill != nil:
			s.Panels = append(s.Panels, Panel{X: x + 12*sc, Y: cy - size*0.85, W: 34 * sc, H: size, Fill: *r.fill})
		}
		s.PanelTexts = append(s.PanelTexts, Text{X: x + 54*sc, Y: cy, S: r.label, Size: size, Color: th.Text, Opacity: 1})
	}
}

type captionBlock struct {
	title   string
	lines   []string
	sources string
	h       float64
}

func layoutCaption(e *graphmodel.Event, th *Theme, sc, width float64, fonts *Fonts) captionBlock {
	size := th.CaptionSize * sc
	cb := captionBlock{title: e.Date.Human() + " \u2014 " + e.Title}
	cb.lines = fonts.Wrap(e.Caption, size, false, (width-24*sc)*0.92) // slack for SVG viewers without Noto Sans
	if len(e.Sources) > 0 {
		cb.sources = "Sources: " + strings.Join(e.Sources, ", ")
	}
	cb.h = size*1.5 + float64(len(cb.lines))*size*1.3 + size*0.9
	if cb.sources != "" {
		cb.h += th.SmallSize * sc * 1.5
	}
	return cb
}

func (cb captionBlock) place(s *Scene, x, y, w float64, th *Theme, sc float64) {
	size := th.CaptionSize * sc
	s.Panels = append(s.Panels, Panel{X: x, Y: y, W: w, H: cb.h, Fill: th.Panel, Stroke: th.PanelStroke})
	ty := y + size*1.3
	s.PanelTexts = append(s.PanelTexts, Text{X: x + 12*sc, Y: ty, S: cb.title, Size: size, Bold: true, Color: th.Text, Opacity: 1})
	for i, l := range cb.lines {
		s.PanelTexts = append(s.PanelTexts, Text{X: x + 12*sc, Y: ty + float64(i+1)*size*1.3, S: l, Size: size, Color: th.Text, Opacity: 1})
	}
	if cb.sources != "" {
		s.PanelTexts = append(s.PanelTexts, Text{X: x + 12*sc, Y: ty + float64(len(cb.lines))*size*1.3 + th.SmallSize*sc*2,
			S: cb.sources, Size: th.SmallSize * sc, Color: th.MutedText, Opacity: 1})
	}
}

// ParseColor reads #rrggbb.
func ParseColor(s string) (color.NRGBA, bool) {
	var r, g, b uint8
	if len(s) != 7 {
		return color.NRGBA{}, false
	}
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{R: r, G: g, B: b, A: 255}, true
}

// overlaps reports whether any node, with its label, would fall inside r
// (x, y, w, h) under the current view.
func (b *Built) overlaps(f Frame, r [4]float64, th *Theme, sc float64, fonts *Fonts) bool {
	rad := th.NodeRadius * sc
	for _, a := range f.Actors {
		p, ok := f.Positions[a.ID]
		if !ok {
			continue
		}
		q := b.View.ToPixel(p)
		hw := math.Max(rad, fonts.Width(a.Short, th.LabelSize*sc, true)/2) + 6*sc
		x0, x1 := q[0]-hw, q[0]+hw
		y0, y1 := q[1]-rad-6*sc, q[1]+rad+th.LabelSize*sc*1.5
		if x1 > r[0] && x0 < r[0]+r[2] && y1 > r[1] && y0 < r[1]+r[3] {
			return true
		}
	}
	return false
}

// bundle merges a pair's ties of one kind and direction into one line, so
// four partnership documents between two states read as one partnership.
// The line takes the look of its firmest member (in force and confirmed
// first) and the highest opacity; members lists every relation id in it.
func bundle(ties []FrameTie) ([]FrameTie, [][]string) {
	type key struct {
		kind  graphmodel.Kind
		from  string
		ghost bool
	}
	firm := func(t FrameTie) int {
		v := 0
		if t.Status == graphmodel.InForce {
			v += 4
		} else if t.Status == graphmodel.Signed {
			v += 2
		}
		if t.Certainty == graphmodel.Confirmed || t.Certainty == "" {
			v++
		}
		return v
	}
	var out []FrameTie
	var members [][]string
	at := map[key]int{}
	for _, t := range ties {
		k := key{kind: t.Kind, ghost: t.Ghost}
		if t.Directed {
			k.from = t.Actors[0]
		}
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			out = append(out, t)
			members = append(members, []string{t.ID})
			continue
		}
		members[i] = append(members[i], t.ID)
		best := out[i]
		op := math.Max(best.Opacity, t.Opacity)
		if firm(t) > firm(best) {
			best = t
		}
		best.Opacity = op
		out[i] = best
	}
	return out, members
}

func anyOf(set map[string]bool, ids []string) bool {
	for _, id := range ids {
		if set[id] {
			return true
		}
	}
	return false
}

func styleKey(e EdgeShape) string {
	return fmt.Sprintf("%v%v%v%.3f", e.Style.Color, e.Style.Dash, e.Style.Arrow, e.Opacity)
}
