package render_test

import (
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/layout"
	"github.com/echoes-viz/echoes/gui/render"
	"github.com/echoes-viz/echoes/resources"
)

// labelsApart fails if two node labels, measured with the real font,
// overlap or one leaves the picture.
func labelsApart(t *testing.T, b render.Built, o render.Options, fonts *render.Fonts) {
	t.Helper()
	boxes := make([][4]float64, len(b.Texts))
	for i, x := range b.Texts {
		hw := fonts.Width(x.S, x.Size, x.Bold) / 2
		boxes[i] = [4]float64{x.X - hw, x.Y - x.Size*0.75, x.X + hw, x.Y + x.Size*0.29} // Noto Sans: descent 0.29 em
		if boxes[i][0] < 0 || boxes[i][1] < 0 || boxes[i][2] > o.Width || boxes[i][3] > o.Height {
			t.Errorf("label %q at %.0f,%.0f leaves the %.0fx%.0f picture", x.S, x.X, x.Y, o.Width, o.Height)
		}
		for j := range i {
			p, q := boxes[i], boxes[j]
			if p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3] {
				t.Errorf("labels %q and %q overlap", x.S, b.Texts[j].S)
			}
		}
	}
}

// meanWidth is the mean stroke width of the edges of kind k.
func meanWidth(b render.Built, th *render.Theme, k graphmodel.Kind) float64 {
	want := th.Kinds[k].Color
	sum, n := 0.0, 0
	for _, e := range b.Edges {
		if e.Style.Color == want {
			sum += e.Style.Width
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// A 10,000-actor network at fit is drawn small and light, with a few
// labels that do not overlap; zooming in brings the size, the line
// widths and the labels back. The embedded dataset, small, is drawn in
// full detail with every actor named.
func TestLevelOfDetail(t *testing.T) {
	fonts, err := render.NewFonts()
	if err != nil {
		t.Fatal(err)
	}
	th := render.Light()
	full := th.Kinds[graphmodel.Partnership].Width * th.LineScale

	f := cachedFrame(t, 10000, 30000)
	var views [2]render.Built
	for i, zoom := range []float64{1, 4} {
		o := windowOptions()
		o.Zoom = zoom
		views[i] = render.Build(f, o, fonts)
		labelsApart(t, views[i], o, fonts)
	}
	fit, near := views[0], views[1]
	if d := fit.View.Detail; d <= 0 || d >= 0.5 {
		t.Errorf("10k at fit: detail %.3f, want in (0, 0.5)", d)
	}
	if n := len(fit.Texts); n == 0 || n > 200 {
		t.Errorf("10k at fit: %d labels, want some but at most 200", n)
	}
	if w := meanWidth(fit, th, graphmodel.Partnership); w <= 0 || w >= full/2 {
		t.Errorf("10k at fit: partnership lines %.2f px wide, want under half the theme's %.2f", w, full)
	}
	if near.View.Detail <= fit.View.Detail || near.View.NodeRadius <= fit.View.NodeRadius {
		t.Errorf("10k at zoom 4: detail %.3f, radius %.2f px; at fit %.3f, %.2f px: want more", near.View.Detail, near.View.NodeRadius, fit.View.Detail, fit.View.NodeRadius)
	}
	if len(near.Texts) < 2*len(fit.Texts) {
		t.Errorf("10k: %d labels at zoom 4, %d at fit: want at least twice as many", len(near.Texts), len(fit.Texts))
	}
	if meanWidth(near, th, graphmodel.Partnership) <= meanWidth(fit, th, graphmodel.Partnership) {
		t.Error("10k: lines are no wider at zoom 4 than at fit")
	}
	t.Logf("10k at fit: detail %.3f, radius %.2f px, %d labels; at zoom 4: %.3f, %.2f px, %d labels",
		fit.View.Detail, fit.View.NodeRadius, len(fit.Texts), near.View.Detail, near.View.NodeRadius, len(near.Texts))

	ds, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	s := ds.At(graphmodel.MustDate("2024").Last())
	net := layout.NewNetwork(1)
	net.Update(s)
	net.Settle(300)
	o := windowOptions()
	o.Zoom = 1
	b := render.Build(render.FrameOf(s, net.Positions()), o, fonts)
	if b.View.Detail != 1 {
		t.Errorf("embedded 2024: detail %.3f, want 1", b.View.Detail)
	}
	if len(b.Texts) != len(s.Actors) {
		t.Errorf("embedded 2024: %d labels for %d actors, want all named", len(b.Texts), len(s.Actors))
	}
	if w := meanWidth(b, th, graphmodel.Partnership); w < full {
		t.Errorf("embedded 2024: partnership lines %.2f px wide, want the theme's %.2f", w, full)
	}
}
