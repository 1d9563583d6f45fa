package picture

import (
	"fmt"
	"math"

	"github.com/echoes-viz/echoes/gui/render"
)

// Legibility lists what makes a picture hard to read: an actor's label on
// another label, on a disc other than its own or on a panel, anything
// outside the picture, and (when minSpan > 0) a network whose drawn box
// spans less than minSpan of its area in the direction that binds it.
// Tests hold every picture of the embedded dataset to it.
func Legibility(b render.Built, fonts *render.Fonts, minSpan float64) []string {
	var out []string
	bounds := [4]float64{-0.5, -0.5, b.Width + 0.5, b.Height + 0.5}
	type labelBox struct {
		t  render.Text
		bx [4]float64
	}
	var labels []labelBox
	for _, t := range b.Texts {
		if t.Of == "" {
			continue
		}
		labels = append(labels, labelBox{t, render.TextBox(t, fonts.Width(t.S, t.Size, t.Bold))})
	}
	for i, l := range labels {
		if !inside(l.bx, bounds) {
			out = append(out, fmt.Sprintf("label %q is outside the picture", l.t.S))
		}
		for _, m := range labels[i+1:] {
			if overlap(l.bx, m.bx) {
				out = append(out, fmt.Sprintf("label %q on label %q", l.t.S, m.t.S))
			}
		}
		for _, n := range b.Nodes {
			d := [4]float64{n.X - n.R, n.Y - n.R, n.X + n.R, n.Y + n.R}
			if n.ID != l.t.Of && overlap(l.bx, d) && circleHitsBox(n.X, n.Y, n.R, l.bx) {
				out = append(out, fmt.Sprintf("label %q on the disc of %s", l.t.S, n.ID))
			}
		}
		for _, p := range b.Panels {
			if overlap(l.bx, [4]float64{p.X, p.Y, p.X + p.W, p.Y + p.H}) {
				out = append(out, fmt.Sprintf("label %q on a panel at (%.0f, %.0f)", l.t.S, p.X, p.Y))
			}
		}
	}
	// The words on panels and headings: each inside the picture and clear
	// of the others (a long event title must not run into the next
	// half's year).
	var words [][4]float64
	for _, t := range b.PanelTexts {
		if t.S == "" {
			continue
		}
		bx := render.TextBox(t, fonts.Width(t.S, t.Size, t.Bold))
		if !inside(bx, bounds) {
			out = append(out, fmt.Sprintf("%q is outside the picture", t.S))
		}
		for j, o := range words {
			// Lines of one block sit closer than their boxes' heights:
			// only a real collision counts, not a shared sliver.
			if overlap(bx, o) && math.Min(bx[3], o[3])-math.Max(bx[1], o[1]) > 0.3*math.Min(bx[3]-bx[1], o[3]-o[1]) {
				out = append(out, fmt.Sprintf("%q runs into %q", t.S, b.PanelTexts[j].S))
			}
		}
		words = append(words, bx)
	}
	for _, n := range b.Nodes {
		if !inside([4]float64{n.X - n.R, n.Y - n.R, n.X + n.R, n.Y + n.R}, bounds) {
			out = append(out, fmt.Sprintf("the disc of %s is outside the picture", n.ID))
		}
	}
	if minSpan > 0 && len(b.Nodes) > 1 {
		box := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		grow := func(x0, y0, x1, y1 float64) {
			box = [4]float64{math.Min(box[0], x0), math.Min(box[1], y0), math.Max(box[2], x1), math.Max(box[3], y1)}
		}
		for _, n := range b.Nodes {
			grow(n.X-n.R, n.Y-n.R, n.X+n.R, n.Y+n.R)
		}
		for _, l := range labels {
			grow(l.bx[0], l.bx[1], l.bx[2], l.bx[3])
		}
		v := b.View
		sw, sh := (box[2]-box[0])/v.AreaW, (box[3]-box[1])/v.AreaH
		if math.Max(sw, sh) < minSpan {
			out = append(out, fmt.Sprintf("the network spans %.0f%% of the free width and %.0f%% of its height", sw*100, sh*100))
		}
	}
	return out
}

func overlap(a, b [4]float64) bool { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3] }

func inside(a, b [4]float64) bool {
	return a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3]
}

// circleHitsBox reports whether the disc at (x, y) of radius r meets box b.
func circleHitsBox(x, y, r float64, b [4]float64) bool {
	dx := x - math.Max(b[0], math.Min(x, b[2]))
	dy := y - math.Max(b[1], math.Min(y, b[3]))
	return dx*dx+dy*dy < r*r
}
