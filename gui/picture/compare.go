package picture

import (
	"fmt"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/lang"
	"github.com/echoes-viz/echoes/gui/render"
)

// Compare builds a still with day a on the left and day b on the right,
// the same actors in the same places, and a dashed link from every
// relation on the right to the earlier relation it echoes on the left.
func Compare(ds *graphmodel.Dataset, a, b graphmodel.Day, o Options, fonts *render.Fonts) render.Built {
	o.Theme = o.theme()
	sc := o.scale()
	sa, sb := ds.At(a), ds.At(b)
	pa, pb := ComparePositions(o.chain(ds, fonts), a, b)
	half := float64(o.Width) / 2
	d := graphmodel.Diff(sa, sb)
	lost, gained := pairKindsOnly(sa, sb), pairKindsOnly(sb, sa)
	footer := o.Theme.SmallSize * sc * 4.2
	// A lesson step's caption runs under both pictures, above the footer.
	var caption render.Caption
	captionH := 0.0
	if o.Caption && o.Event != nil {
		caption = render.NewCaption(o.Event, o.Theme, sc, float64(o.Width)-24*sc, fonts, o.Lang)
		captionH = caption.Height() + 8*sc
	}
	ropt := render.Options{Theme: o.Theme, Width: half, Height: float64(o.Height) - footer - captionH, Scale: sc, Title: true, Lang: o.Lang,
		Emphasis: lost, EmphasisAlpha: 0.16}
	rightOpt := ropt
	// Half a small picture has no room for a legend and the networks.
	rightOpt.Legend = o.Legend && half >= 700*sc
	rightOpt.Emphasis = gained
	fa, fb := render.FrameOf(sa, pa), render.FrameOf(sb, pb)
	// Both halves take one view fitted to the actors of either day, so a
	// shared actor sits in the same place on both and an actor of only one
	// day (China before 1949) is still inside its half.
	fit := render.Build(fb.WithActorsOf(fa), rightOpt, fonts).View.Fit
	ropt.Fit, rightOpt.Fit = &fit, &fit
	right := render.Build(fb, rightOpt, fonts)
	left := render.Build(fa, ropt, fonts)
	out := render.Built{Scene: render.Scene{Width: float64(o.Width), Height: float64(o.Height)}, View: left.View}
	if !o.Transparent {
		out.Background = o.Theme.Background
	}
	out.Merge(left.Scene, 0, 0)
	out.Merge(right.Scene, half, 0)
	// A divider between the halves.
	out.Panels = append(out.Panels, render.Panel{X: half - sc, Y: 10 * sc, W: 2 * sc, H: float64(o.Height) - 20*sc - captionH, Fill: o.Theme.PanelStroke})
	if captionH > 0 {
		caption.Place(&out.Scene, 12*sc, float64(o.Height)-footer-captionH, float64(o.Width)-24*sc, o.Theme, sc)
	}

	mid := func(v render.Transform, p map[string][2]float64, r *graphmodel.Relation) ([2]float64, bool) {
		x, ok1 := p[r.Actors[0]]
		y, ok2 := p[r.Actors[1]]
		if !ok1 || !ok2 {
			return [2]float64{}, false
		}
		q := v.ToPixel([2]float64{(x[0] + y[0]) / 2, (x[1] + y[1]) / 2})
		return q, true
	}
	echo := o.Theme.Highlight
	for _, t := range sb.Ties() {
		if t.Echoes == "" {
			continue
		}
		old := ds.Relation(t.Echoes)
		if old == nil {
			continue
		}
		to, ok1 := mid(right.View, pb, t.Relation)
		from, ok2 := mid(left.View, pa, old)
		if !ok1 || !ok2 {
			continue
		}
		to[0] += half
		// The echo is the article's point: the boldest mark of the
		// picture, on a halo of the background so no line crosses it
		// unseen; gains and losses only tint their lines faintly.
		out.Edges = append(out.Edges, render.EdgeShape{RelationID: t.ID, Mark: render.MarkEcho, From: from, To: to,
			Style: render.Style{Color: o.Theme.Background, Width: 10 * sc}, Opacity: 0.9},
			render.EdgeShape{RelationID: t.ID, Mark: render.MarkEcho, From: from, To: to,
				Style: render.Style{Color: echo, Width: 5 * sc, Dash: []float64{3, 1.5}, Arrow: false}, Opacity: 1})
		lx, ly := (from[0]+to[0])/2, (from[1]+to[1])/2-8*sc
		out.PanelTexts = append(out.PanelTexts, render.Text{X: lx, Y: ly, S: echoLabel(o.Lang, old),
			Size: o.Theme.SmallSize * sc * 1.1, Bold: true, Color: o.Theme.Text, Halo: o.Theme.Background, Align: render.Center, Opacity: 1})
	}
	summary := lang.Translate(o.Lang, "Glow on the left: kinds of tie a pair no longer has by the later date; on the right: kinds of tie that are new.") + " " +
		fmt.Sprintf(lang.Translate(o.Lang, "%[1]d relations gained, %[2]d lost, %[3]d changed"), len(d.Gained), len(d.Lost), len(d.Changed))
	// Both lines are whole on any size: smaller type, not cut words.
	line := float64(o.Width) - 24*sc
	out.PanelTexts = append(out.PanelTexts, render.Text{X: float64(o.Width) / 2, Y: float64(o.Height) - 12*sc - o.Theme.SmallSize*sc*3.2, S: summary,
		Size: fonts.FitSize(summary, o.Theme.SmallSize*sc*1.1, false, line), Color: o.Theme.MutedText, Align: render.Center, Opacity: 1})
	if credit := render.SourceLine(ds); !o.NoCredit {
		out.PanelTexts = append(out.PanelTexts, render.Text{X: float64(o.Width) - 12*sc, Y: float64(o.Height) - 12*sc - o.Theme.SmallSize*sc*1.6,
			S: credit, Size: fonts.FitSize(credit, o.Theme.SmallSize*sc*0.9, false, line), Color: o.Theme.MutedText, Align: render.Right, Opacity: 1})
	}
	return out
}

// echoLabel names the older relation an echo link points back to: its
// year and kind, in the picture's language.
func echoLabel(tag string, old *graphmodel.Relation) string {
	return fmt.Sprintf(lang.Translate(tag, "echoes the %[1]d %[2]s"), old.Start.Year, strings.ToLower(lang.Kind(tag, old.Kind)))
}

// pairKindsOnly lists the relations of a whose pair has no tie of the same
// kind in b: what the comparison marks as gone (or, swapped, as new).
func pairKindsOnly(a, b *graphmodel.Snapshot) map[string]bool {
	type key struct {
		x, y string
		k    graphmodel.Kind
	}
	keys := func(t graphmodel.Tie) []key {
		var out []key
		for i, x := range t.Actors {
			for _, y := range t.Actors[i+1:] {
				if y < x {
					x, y = y, x
				}
				out = append(out, key{x, y, t.Kind})
			}
		}
		return out
	}
	inB := map[key]bool{}
	for _, t := range b.Ties() {
		for _, k := range keys(t) {
			inB[k] = true
		}
	}
	out := map[string]bool{}
	for _, t := range a.Ties() {
		for _, k := range keys(t) {
			if !inB[k] {
				out[t.ID] = true
			}
		}
	}
	return out
}
