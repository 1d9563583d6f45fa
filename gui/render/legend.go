package render

import (
	"image/color"
	"math"

	"github.com/echoes-viz/echoes/gui/lang"
)

type legendRow struct {
	label string
	style *Style
	fill  *color.NRGBA
}

type legendBlock struct {
	rows  []legendRow
	title string // "Legend" in the picture's language
	w, h  float64
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
func layoutLegend(f Frame, p *edgePlan, th *Theme, sc float64, fonts *Fonts, tag string) legendBlock {
	faint := p.faint
	lb := legendBlock{title: lang.Translate(tag, "Legend")}
	for _, k := range p.kinds {
		st := th.Kinds[k]
		lb.rows = append(lb.rows, legendRow{label: lang.Kind(tag, k), style: &st})
	}
	for _, g := range f.Groupings {
		c := th.Groupings[g.Index%len(th.Groupings)]
		c.A = uint8(math.Min(255, float64(c.A)*2.2))
		lb.rows = append(lb.rows, legendRow{label: g.Name, fill: &c})
	}
	if p.more {
		st := th.combined()
		st.Color.A = uint8(float64(st.Color.A) * combinedOpacity)
		lb.rows = append(lb.rows, legendRow{label: lang.Translate(tag, "Other ties (point at the line)"), style: &st})
	}
	if faint {
		lb.rows = append(lb.rows, legendRow{label: lang.Translate(tag, "Faint: signed, recent, reported or alleged")})
	}
	if len(lb.rows) == 0 {
		lb.rows = append(lb.rows, legendRow{label: lang.Translate(tag, "No relations on this date")})
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
		s.PanelTexts = append(s.PanelTexts, Text{X: x + 10*sc, Y: y + size*1.5, S: lb.title, Size: size, Bold: true,
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
