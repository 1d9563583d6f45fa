package picture

import (
	"math"
	"sort"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
)

// FilmstripColumns is how many panels a row of a filmstrip holds by
// default: all of up to three dates, else half of them, rounded up.
func FilmstripColumns(n int) int {
	if n <= 3 {
		return max(1, n)
	}
	return (n + 1) / 2
}

// FilmstripEvents are the days a filmstrip of the story shows: the events
// that open its chapters, and the dataset's last day.
func FilmstripEvents(ds *graphmodel.Dataset) []graphmodel.Day {
	var days []graphmodel.Day
	for _, e := range ds.Events {
		if e.Chapter != "" && (len(days) == 0 || days[len(days)-1] != e.Day()) {
			days = append(days, e.Day())
		}
	}
	if len(days) == 0 || days[len(days)-1] < ds.Last() {
		days = append(days, ds.Last())
	}
	return days
}

// Filmstrip builds small multiples of days in a grid of columns (0: see
// FilmstripColumns): every actor in one place in every panel (the layout
// of the last day; an actor gone by then keeps its place of the latest
// day it was there, settled against the others pinned), one view fitted
// to them all, each panel titled with its date and event, and one legend
// of every kind of tie shown, in the grid's spare cell or beside it.
func Filmstrip(ds *graphmodel.Dataset, days []graphmodel.Day, columns int, o Options, fonts *render.Fonts) render.Built {
	o.Theme = o.theme()
	n := len(days)
	if columns <= 0 {
		columns = FilmstripColumns(n)
	}
	columns = min(columns, max(1, n))
	rows := (n + columns - 1) / columns
	sc := o.scale()
	footer := 0.0
	if !o.NoCredit {
		footer = o.Theme.SmallSize * sc * 2.6
	}
	W, H := float64(o.Width), float64(o.Height)
	// A legend column when the grid has no spare cell.
	legendW := 0.0
	if o.Legend && rows*columns == n {
		legendW = math.Min(W*0.22, 300*sc)
	}
	cw, ch := (W-legendW)/float64(columns), (H-footer)/float64(rows)
	psc := math.Min(sc, ScaleFor(cw, ch))

	c := o.chain(ds, fonts)
	last := days[0]
	for _, d := range days {
		last = max(last, d)
	}
	pos := map[string][2]float64{}
	for id, p := range c.Positions(last) {
		pos[id] = p
	}
	sorted := append([]graphmodel.Day(nil), days...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] > sorted[j] })
	for _, d := range sorted {
		if d == last {
			continue
		}
		pa, _ := ComparePositions(c, d, last)
		for id, p := range pa {
			if _, ok := pos[id]; !ok {
				pos[id] = p
			}
		}
	}
	frames := make([]render.Frame, n)
	emph := make([]map[string]bool, n)
	for i, d := range days {
		s := ds.At(d)
		frames[i] = render.FrameOf(s, pos)
		emph[i], frames[i].Ghosts = EventMarks(s)
	}
	// One view for all: fitted to every actor of every panel.
	all := frames[0]
	for _, f := range frames[1:] {
		all = all.WithActorsOf(f)
	}
	ropt := render.Options{Theme: o.Theme, Width: cw, Height: ch, Scale: psc, Title: true, Lang: o.Lang}
	fit := render.Build(all, ropt, fonts).View.Fit
	ropt.Fit = &fit

	out := render.Built{Scene: render.Scene{Width: W, Height: H}}
	if !o.Transparent {
		out.Background = o.Theme.Background
	}
	for i, f := range frames {
		po := ropt
		po.Emphasis = emph[i]
		b := render.Build(f, po, fonts)
		if i == 0 {
			out.View = b.View
		}
		x, y := float64(i%columns)*cw, float64(i/columns)*ch
		out.Merge(b.Scene, x, y)
		// A hairline between panels.
		if i%columns > 0 {
			out.Panels = append(out.Panels, render.Panel{X: x - sc/2, Y: y + 10*sc, W: sc, H: ch - 20*sc, Fill: o.Theme.PanelStroke})
		}
		if i >= columns {
			out.Panels = append(out.Panels, render.Panel{X: x + 10*sc, Y: y - sc/2, W: cw - 20*sc, H: sc, Fill: o.Theme.PanelStroke})
		}
	}
	if o.Legend {
		// The legend of every tie shown: a frame of all actors and ties,
		// of which only the legend is kept.
		lf := all.WithActorsOf(all)
		seen := map[string]bool{}
		lf.Ties = nil
		for _, f := range frames {
			for _, t := range f.Ties {
				if !seen[t.ID] {
					seen[t.ID] = true
					lf.Ties = append(lf.Ties, t)
				}
			}
		}
		sort.Slice(lf.Ties, func(i, j int) bool { return lf.Ties[i].ID < lf.Ties[j].ID })
		lx, ly, lw, lh := W-legendW, 0.0, legendW, H-footer
		if legendW == 0 {
			lx, ly = float64(n%columns)*cw, float64(rows-1)*ch
			lw, lh = W-lx, ch
		}
		lo := render.Options{Theme: o.Theme, Width: lw, Height: lh, Scale: psc, Legend: true, Transparent: true, Lang: o.Lang}
		lb := render.Build(lf, lo, fonts)
		legend := render.Scene{Width: lw, Height: lh, Panels: lb.Panels, PanelTexts: lb.PanelTexts, PanelLines: lb.PanelLines}
		out.Merge(legend, lx, ly)
	}
	if !o.NoCredit {
		out.PanelTexts = append(out.PanelTexts, render.Text{X: W - 12*sc, Y: H - 12*sc, S: render.SourceLine(ds),
			Size: o.Theme.SmallSize * sc * 0.9, Color: o.Theme.MutedText, Align: render.Right, Opacity: 1})
	}
	return out
}
