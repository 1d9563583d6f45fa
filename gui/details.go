package gui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
)

// detailsPanel lists every relation of the selected actor or pair at the
// day, with descriptions and sources.
type detailsPanel struct {
	text    *widget.RichText
	actor   string
	relPair [2]string
}

func newDetailsPanel() *detailsPanel {
	d := &detailsPanel{text: widget.NewRichText()}
	d.text.Wrapping = fyne.TextWrapWord
	return d
}

// selectActor shows an actor's ties; selectPair shows every tie between
// two actors; clear shows neither.
func (d *detailsPanel) selectActor(id string)  { d.actor, d.relPair = id, [2]string{} }
func (d *detailsPanel) selectPair(a, b string) { d.actor, d.relPair = "", [2]string{a, b} }
func (d *detailsPanel) clear()                 { d.actor, d.relPair = "", [2]string{} }
func (d *detailsPanel) empty() bool            { return d.actor == "" && d.relPair[0] == "" }

func (d *detailsPanel) show(s *graphmodel.Snapshot) {
	ds := s.Dataset
	var segs []widget.RichTextSegment
	add := func(text string, style widget.RichTextStyle) {
		segs = append(segs, &widget.TextSegment{Text: text, Style: style})
	}
	var ties []graphmodel.Tie
	switch {
	case d.actor != "":
		a := ds.Actor(d.actor)
		if a == nil {
			break
		}
		name, _ := a.NameAt(s.Day)
		add(name, widget.RichTextStyleSubHeading)
		ties = s.TiesOf(d.actor)
		add(relationsOn(len(ties), s.Day), smallStyle())
		if tied, triangles := structureOf(s, d.actor); tied != "" {
			add(lang.L("Tied to: ")+tied, smallStyle())
			if triangles != "" {
				add(lang.L("In triangles: ")+triangles, smallStyle())
			}
		}
	case d.relPair[0] != "":
		if e := s.Edge(d.relPair[0], d.relPair[1]); e != nil {
			ties = e.Ties
		}
		na, nb := d.relPair[0], d.relPair[1]
		if a := ds.Actor(na); a != nil {
			_, na = a.NameAt(s.Day)
		}
		if b := ds.Actor(nb); b != nil {
			_, nb = b.NameAt(s.Day)
		}
		add(na+" \u2013 "+nb, widget.RichTextStyleSubHeading)
		add(relationsOn(len(ties), s.Day), smallStyle())
	default:
		add(lang.L("Details"), widget.RichTextStyleSubHeading)
		add(lang.L("Tap a state or a line to see its relations on this date and their sources. Hover for a summary. Drag a state to pin it; double-click to unpin."), widget.RichTextStyleParagraph)
	}
	for _, t := range ties {
		add(t.Name, strongBlock())
		head := kindText(t.Kind) + ": " + actorNames(ds, t.Relation, s.Day) + ". " + capitalise(spanText(ds, t.Relation)) + "."
		if t.Status != graphmodel.InForce {
			head += " On this date: " + t.Status.String() + "."
		}
		if t.Certainty != graphmodel.Confirmed {
			head += " Certainty: " + string(t.Certainty) + "."
		}
		add(head, widget.RichTextStyleParagraph)
		add(t.Description, widget.RichTextStyleParagraph)
		if t.Echoes != "" {
			if e := ds.Relation(t.Echoes); e != nil {
				add("Echoes: "+e.Name+" ("+e.Start.Human()+")", widget.RichTextStyleEmphasis)
			}
		}
		add(lang.L("Sources: ")+sourceText(ds, t.Sources), smallStyle())
	}
	d.text.Segments = segs
	d.text.Refresh()
}

// structureOf names, from the snapshot's graph, the actors id is tied to on
// the day and the declared groupings (the article's triangles) whose three
// members the day's ties join pairwise with id among them: what the picture
// shows as lines and shaded triangles, in words. Both are "" when there
// are none.
func structureOf(s *graphmodel.Snapshot, id string) (tied, triangles string) {
	var names []string
	for _, n := range s.Neighbours(id) {
		if a := s.Dataset.Actor(n); a != nil {
			_, short := a.NameAt(s.Day)
			names = append(names, short)
		}
	}
	var tris []string
	for _, t := range s.Triangles() {
		if t.Grouping != nil && slices.Contains(t.Members[:], id) {
			tris = append(tris, t.Grouping.Name)
		}
	}
	return strings.Join(names, ", "), strings.Join(tris, "; ")
}

// strongBlock is bold text on a line of its own.
func strongBlock() widget.RichTextStyle {
	st := widget.RichTextStyleStrong
	st.Inline = false
	return st
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
