package render

import (
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/lang"
)

type captionBlock struct {
	title   string
	lines   []string
	sources string
	h       float64
}

// layoutCaption lays out the event's caption. Captions are in English in
// every language; a picture in another says so after the title.
func layoutCaption(e *graphmodel.Event, th *Theme, sc, width float64, fonts *Fonts, tag string) captionBlock {
	size := th.CaptionSize * sc
	cb := captionBlock{title: lang.Date(tag, e.Date) + " \u2014 " + e.Title}
	if tag != "" && tag != lang.English {
		cb.title += " " + lang.Translate(tag, "(in English)")
	}
	cb.lines = fonts.Wrap(e.Caption, size, false, (width-24*sc)*0.92) // slack for SVG viewers without Noto Sans
	if len(e.Sources) > 0 {
		cb.sources = lang.Translate(tag, "Sources: ") + strings.Join(e.Sources, ", ")
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

// Caption is an event's caption laid out for a width, for pictures made
// of other pictures (a comparison) that place it themselves.
type Caption struct{ cb captionBlock }

// NewCaption lays out e's title, caption and sources for width pixels in
// language tag.
func NewCaption(e *graphmodel.Event, th *Theme, sc, width float64, fonts *Fonts, tag string) Caption {
	return Caption{layoutCaption(e, th, sc, width, fonts, tag)}
}

// Height is the caption's panel height.
func (c Caption) Height() float64 { return c.cb.h }

// Place draws the caption's panel at x, y, w wide, into s.
func (c Caption) Place(s *Scene, x, y, w float64, th *Theme, sc float64) {
	c.cb.place(s, x, y, w, th, sc)
}
