package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
)

// captionPanel says what happened at the nearest event and why it
// matters, with its sources.
type captionPanel struct {
	text *widget.RichText
}

func newCaptionPanel() *captionPanel {
	c := &captionPanel{text: widget.NewRichText()}
	c.text.Wrapping = fyne.TextWrapWord
	return c
}

// show fills the panel for the event nearest day (nil clears it).
func (c *captionPanel) show(ds *graphmodel.Dataset, e *graphmodel.Event, day graphmodel.Day) {
	if e == nil {
		c.text.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: lang.L("No events in this dataset."), Style: widget.RichTextStyleParagraph}}
		c.text.Refresh()
		return
	}
	when := dateText(e.Date)
	switch {
	case e.Day() > day:
		when += "  " + lang.L("(the first event; the timeline is at {{.Date}})", dated(day.Date()))
	case e.Day() < day:
		when += "  " + lang.L("(latest event before {{.Date}})", dated(day.Date()))
	}
	c.text.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: e.Title + " \u2014 " + when + inEnglish(), Style: widget.RichTextStyleSubHeading},
		&widget.TextSegment{Text: e.Caption, Style: widget.RichTextStyleParagraph},
	}
	if len(e.Sources) > 0 { // imported files often have none
		c.text.Segments = append(c.text.Segments,
			&widget.TextSegment{Text: lang.L("Sources: ") + sourceText(ds, e.Sources), Style: smallStyle()})
	}
	c.text.Refresh()
}

func smallStyle() widget.RichTextStyle {
	s := widget.RichTextStyleParagraph
	s.SizeName = theme.SizeNameCaptionText
	s.ColorName = theme.ColorNamePlaceHolder
	return s
}
