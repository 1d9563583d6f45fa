package render

import (
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/echoes-viz/echoes/graphmodel"
)

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
		if l.more > 0 {
			st = th.combined()
		}
		st.Width *= sc * th.LineScale * lod
		op := l.opacity * l.faint * dim(l.id)
		if l.more > 0 {
			op *= combinedOpacity
		}
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
	if n := len(p.lines); n >= 8192 && runtime.GOMAXPROCS(0) > 1 && len(hl) == 0 {
		// A big network: half the lines on another core. With nothing
		// highlighted a line makes at most one edge, so each half is
		// written in place into its own part of a slice grown once, and
		// the second moved up to the first's end (a line whose ends are
		// not drawn, or meet, makes none).
		base, mid := len(edges), len(edges)+n/2
		edges = slices.Grow(edges, n)
		var second []EdgeShape
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			second = plain(edges[mid:mid], &kindCache{}, p.lines[n/2:])
		}()
		first := plain(edges[base:base], &cache, p.lines[:n/2])
		wg.Wait()
		end := base + len(first)
		end += copy(edges[end:base+n], second)
		edges = edges[:end]
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
