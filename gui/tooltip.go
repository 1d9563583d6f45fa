package gui

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2/lang"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
)

// tooltipLines says what is under the pointer: an actor's name and ties on
// the day, or a relation's kind, span and sources.
func tooltipLines(v *Viewer, target render.Target, bundled []string) []string {
	ds, s := v.Dataset(), v.Snapshot()
	id := target.ID
	switch target.Kind {
	case render.ActorTarget:
		a := ds.Actor(id)
		if a == nil {
			return nil
		}
		name, _ := a.NameAt(s.Day)
		ties := s.TiesOf(id)
		lines := []string{name, relationsOn(len(ties), s.Day)}
		for i, t := range ties {
			if i == 6 {
				lines = append(lines, fmt.Sprintf("\u2026 and %d more", len(ties)-6))
				break
			}
			lines = append(lines, "\u2022 "+tieSummary(ds, t, s.Day))
		}
		return lines
	case render.RelationTarget:
		r := ds.Relation(id)
		if r == nil {
			return nil
		}
		if len(bundled) > 1 {
			// One line may stand for several kinds (a crowded pair's
			// combined line): then each row names its kind.
			mixed := false
			for _, b := range bundled {
				if o := ds.Relation(b); o != nil && o.Kind != r.Kind {
					mixed = true
				}
			}
			head := fmt.Sprintf("%d \u00d7 %s", len(bundled), kindText(r.Kind))
			if mixed {
				head = fmt.Sprintf("%d relations of several kinds", len(bundled))
			}
			lines := []string{head, actorNames(ds, r, s.Day)}
			for _, b := range bundled {
				if t, ok := s.Tie(b); ok {
					row := "\u2022 " + t.Name + " (" + spanText(ds, t.Relation) + ")"
					if mixed {
						row = "\u2022 " + kindText(t.Kind) + ": " + t.Name + " (" + spanText(ds, t.Relation) + ")"
					}
					lines = append(lines, row)
				}
			}
			return append(lines, lang.L("Tap for descriptions and sources"))
		}
		lines := []string{r.Name, kindText(r.Kind) + ": " + actorNames(ds, r, s.Day), spanText(ds, r)}
		if t, ok := s.Tie(id); ok && t.Status != graphmodel.InForce {
			lines = append(lines, "On this date: "+t.Status.String())
		}
		if r.Certainty != graphmodel.Confirmed {
			lines = append(lines, "Certainty: "+string(r.Certainty))
		}
		lines = append(lines, lang.L("Sources: ")+joinIDs(r.Sources))
		return lines
	}
	return nil
}

func joinIDs(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += id
	}
	return s
}

// addTooltip draws the hover box into the scene, kept inside the picture.
func addTooltip(b *render.Built, n *NetworkView, x, y, scale float64) {
	var bundled []string
	for _, e := range b.Edges {
		if e.Mark == render.MarkRelation && e.RelationID == n.hover.ID {
			bundled = e.Relations
		}
	}
	lines := tooltipLines(n.viewer, n.hover, bundled)
	if len(lines) == 0 {
		return
	}
	for i, l := range lines {
		if r := []rune(l); len(r) > 72 {
			lines[i] = string(r[:71]) + "\u2026"
		}
	}
	th := n.Theme
	size := th.SmallSize * scale * 1.1
	w := 0.0
	for i, l := range lines {
		w = math.Max(w, n.fonts.Width(l, size, i == 0))
	}
	w += 20 * scale
	h := float64(len(lines))*size*1.4 + size*0.8
	px, py := x+16*scale, y+16*scale
	if px+w > b.Width {
		px = math.Max(0, x-w-8*scale)
	}
	if py+h > b.Height {
		py = math.Max(0, y-h-8*scale)
	}
	b.Panels = append(b.Panels, render.Panel{X: px, Y: py, W: w, H: h, Fill: th.Panel, Stroke: th.PanelStroke})
	for i, l := range lines {
		b.PanelTexts = append(b.PanelTexts, render.Text{X: px + 10*scale, Y: py + size*1.3 + float64(i)*size*1.4,
			S: l, Size: size, Bold: i == 0, Color: th.Text, Opacity: 1})
	}
}
