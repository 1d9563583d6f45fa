package render

import (
	"fmt"
	"image/color"
	"math"
	"runtime"
	"strings"
	"sync"

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
	tail   []EdgeShape // the second half of a big network's edges
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
		legend = layoutLegend(f, plan, th, sc, fonts)
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
	b.addNodes(f, plan, th, sc, dim)
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
	if line := SourceLine(f.Dataset); o.SourceLine && line != "" {
		b.PanelTexts = append(b.PanelTexts, Text{X: o.Width - margin, Y: o.Height - margin*0.8, S: line,
			Size: th.SmallSize * sc, Color: th.MutedText, Align: Right, Opacity: 1})
	}
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

// fit centres the actors' bounding box in the area at zoom 1, leaving room
// for node discs and labels.
func fit(f Frame, lp [][2]float64, has []bool, area [4]float64, th *Theme, sc, zoom, panX, panY float64, fonts *Fonts) Transform {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i, p := range lp {
		if !has[i] {
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
		AreaX: area[0], AreaY: area[1], AreaW: area[2], AreaH: area[3], NodeRadius: r, Detail: 1,
		Spacing: spacing(lp, has, minX, minY, w, h),
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

// addEdges draws each pair's ties side by side, strongest in the middle:
// event glows first, then every line in the plan's order, then the
// highlighted ones on top.
func (b *Built) addEdges(f Frame, p *edgePlan, th *Theme, sc float64, dim func(string) float64, hl, emph map[string]bool, glowA float64) {
	lod := b.View.Detail
	b.px = grow(b.px, len(f.Actors))
	px, has := b.px, b.has
	for i, q := range b.lp {
		px[i] = b.View.ToPixel(q)
	}
	gap := 6.5 * sc * th.LineScale * lod
	edges := b.Edges[:0]
	// kindCache holds the last kind's style: lines come grouped by kind.
	type kindCache struct {
		kind  graphmodel.Kind
		style Style
	}
	var cache kindCache
	emit := func(edges []EdgeShape, c *kindCache, l *planLine, glow bool) []EdgeShape {
		if !has[l.a] || !has[l.b] {
			return edges
		}
		A, B := px[l.a], px[l.b]
		dx, dy := B[0]-A[0], B[1]-A[1]
		length := math.Hypot(dx, dy)
		if length < 1e-6 {
			return edges
		}
		if l.kind != c.kind {
			c.kind, c.style = l.kind, th.Kinds[l.kind]
		}
		st := c.style
		st.Width *= sc * th.LineScale * lod
		op := l.opacity * l.faint * dim(l.id)
		lit := len(hl) > 0 && hl[l.id]
		if lit {
			st.Width *= 1.5
		}
		if l.ghost {
			// An ended relation, shown on the event that ends it.
			st = Style{Color: th.MutedText, Width: 2 * sc * th.LineScale * lod, Dash: []float64{1, 2.5}}
		}
		off := l.slot * gap
		nx, ny := -dy/length*off, dx/length*off
		e := EdgeShape{RelationID: l.id, Relations: l.members, A: f.Actors[l.a].ID, B: f.Actors[l.b].ID, Style: st, Opacity: op,
			From: [2]float64{A[0] + nx, A[1] + ny}, To: [2]float64{B[0] + nx, B[1] + ny}}
		if l.flip {
			e.A, e.B, e.From, e.To = e.B, e.A, e.To, e.From
		}
		if st.Arrow {
			// Stop at the target's rim so the head is visible.
			back := b.View.NodeRadius + 3*sc*lod
			e.To = [2]float64{e.To[0] - (e.To[0]-e.From[0])/length*back, e.To[1] - (e.To[1]-e.From[1])/length*back}
			if lod < 1 {
				e.Head = math.Max(3, math.Max(9*lod, st.Width*3.2))
			}
		}
		if glow {
			e.Mark = MarkGlow
			e.Style = Style{Color: th.Highlight, Width: st.Width + 8*sc*lod}
			e.Opacity = glowA * l.opacity
		}
		return append(edges, e)
	}
	if len(emph) > 0 {
		for i := range p.lines {
			if l := &p.lines[i]; !l.ghost && anyOf(emph, l.members) {
				edges = emit(edges, &cache, l, true)
			}
		}
	}
	plain := func(edges []EdgeShape, c *kindCache, lines []planLine) []EdgeShape {
		for i := range lines {
			if len(hl) == 0 || !hl[lines[i].id] {
				edges = emit(edges, c, &lines[i], false)
			}
		}
		return edges
	}
	if n := len(p.lines); n >= 8192 && runtime.GOMAXPROCS(0) > 1 {
		// A big network: the second half on another core, then joined.
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.tail = plain(b.tail[:0], &kindCache{}, p.lines[n/2:])
		}()
		edges = plain(edges, &cache, p.lines[:n/2])
		wg.Wait()
		edges = append(edges, b.tail...)
	} else {
		edges = plain(edges, &cache, p.lines)
	}
	if len(hl) > 0 {
		for i := range p.lines {
			if hl[p.lines[i].id] {
				edges = emit(edges, &cache, &p.lines[i], false)
			}
		}
	}
	b.Edges = edges
}

func (b *Built) addNodes(f Frame, p *edgePlan, th *Theme, sc float64, dim func(string) float64) {
	r := b.View.NodeRadius
	b.labels = grow(b.labels, len(f.Actors))
	labels := b.labels
	for i, a := range f.Actors {
		labels[i] = Text{}
		if !b.has[i] {
			continue
		}
		q := b.px[i]
		fill := th.MutedText
		if c, ok := ParseColor(a.Color); ok {
			fill = c
		}
		op := a.Opacity * dim(a.ID)
		b.Nodes = append(b.Nodes, NodeShape{ID: a.ID, X: q[0], Y: q[1], R: r, Fill: fill,
			Stroke: th.NodeStroke, StrokeWidth: math.Min(2.5*sc, r/3), Opacity: op, Pinned: f.Pinned[a.ID]})
		labels[i] = Text{X: q[0], Y: q[1] + r + th.LabelSize*sc*1.05, S: a.Short,
			Size: th.LabelSize * sc, Bold: true, Color: th.Text, Halo: th.Background, Align: Center, Opacity: op}
	}
	if len(f.Actors) <= 60 {
		for _, t := range labels {
			if t.S != "" {
				b.Texts = append(b.Texts, t)
			}
		}
		return
	}
	// Level of detail: label the best-connected nodes first and skip a
	// label that would overlap one already placed or fall outside.
	cell := th.LabelSize * sc * 2
	cols, rows := int(b.Width/cell)+1, int(b.Height/cell)+1
	grid := make([][][4]float64, cols*rows)
	cellsOf := func(bx [4]float64, visit func(c int) bool) bool {
		for gx := int(bx[0] / cell); gx <= int(bx[2]/cell) && gx < cols; gx++ {
			for gy := int(bx[1] / cell); gy <= int(bx[3]/cell) && gy < rows; gy++ {
				if visit(gy*cols + gx) {
					return true
				}
			}
		}
		return false
	}
	for _, i := range p.byDegree {
		t := labels[i]
		if t.S == "" {
			continue
		}
		hw := float64(len(t.S)) * t.Size * 0.3
		bx := [4]float64{t.X - hw, t.Y - t.Size, t.X + hw, t.Y + t.Size*0.3} // descenders too
		if bx[0] < 0 || bx[1] < 0 || bx[2] > b.Width || bx[3] > b.Height {
			continue
		}
		// Room around each label, so a crowd of them stays readable.
		pad := t.Size * 0.6
		bx = [4]float64{bx[0] - pad, bx[1] - pad, bx[2] + pad, bx[3] + pad}
		if cellsOf(bx, func(c int) bool {
			for _, o := range grid[c] {
				if bx[0] < o[2] && o[0] < bx[2] && bx[1] < o[3] && o[1] < bx[3] {
					return true
				}
			}
			return false
		}) {
			continue
		}
		cellsOf(bx, func(c int) bool { grid[c] = append(grid[c], bx); return false })
		b.Texts = append(b.Texts, t)
	}
}

func (b *Built) addTitle(f Frame, th *Theme, sc, margin float64) {
	if f.Dataset != nil && f.Dataset.Undated() {
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
func layoutLegend(f Frame, p *edgePlan, th *Theme, sc float64, fonts *Fonts) legendBlock {
	faint := p.faint
	var lb legendBlock
	for _, k := range p.kinds {
		st := th.Kinds[k]
		lb.rows = append(lb.rows, legendRow{label: k.Label(), style: &st})
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
			s.PanelLines = append(s.PanelLines, EdgeShape{Mark: MarkSwatch, From: [2]float64{x + 10*sc, cy - size*0.35},
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
	if len(s) != 7 || s[0] != '#' {
		return color.NRGBA{}, false
	}
	var v [3]uint8
	for i := range v {
		hi, ok1 := hexDigit(s[1+2*i])
		lo, ok2 := hexDigit(s[2+2*i])
		if !ok1 || !ok2 {
			return color.NRGBA{}, false
		}
		v[i] = hi<<4 | lo
	}
	return color.NRGBA{R: v[0], G: v[1], B: v[2], A: 255}, true
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
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
