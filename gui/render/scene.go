package render

import "image/color"

// Scene is one picture as plain shapes and text in pixel coordinates, in
// drawing order: areas, edges, nodes, texts, then panels and their texts.
// Backends (raster, SVG) draw it without knowing the data behind it.
type Scene struct {
	Width, Height float64
	Background    color.NRGBA // alpha 0 for a transparent picture
	Areas         []Area
	Edges         []EdgeShape
	Nodes         []NodeShape
	Texts         []Text
	Panels        []Panel
	PanelTexts    []Text
	PanelLines    []EdgeShape // legend swatches
}

// Area is a shaded grouping.
type Area struct {
	ID     string
	Points [][2]float64
	Fill   color.NRGBA
}

// Mark says what an edge shape stands for: hit tests find only
// relations, and a relation's id may hold any character.
type Mark int

// The marks an edge shape can be.
const (
	// MarkRelation is a relation, or a bundle of them: hover and tap find it.
	MarkRelation Mark = iota
	// MarkGlow is the glow behind a relation that an event or a
	// comparison marks; RelationID is the relation's.
	MarkGlow
	// MarkEcho is a comparison's link from a relation (RelationID) to the
	// earlier one it echoes.
	MarkEcho
	// MarkSwatch is a legend's sample line.
	MarkSwatch
	// MarkLeader joins a disc to its label set further out.
	MarkLeader
)

// EdgeShape is one relation drawn between two actors.
type EdgeShape struct {
	RelationID string
	Mark       Mark
	// Relations are every relation drawn as this one line (ties of one
	// kind and direction between a pair are bundled).
	Relations []string
	A, B      string // actor ids; an arrow points at B
	From, To  [2]float64
	Style     Style // Width already scaled
	Opacity   float64
	// Head is the arrowhead's length in pixels; 0 derives it from the width.
	Head float64
}

// NodeShape is an actor's disc.
type NodeShape struct {
	ID          string
	X, Y, R     float64
	Fill        color.NRGBA
	Stroke      color.NRGBA
	StrokeWidth float64
	Opacity     float64
	Pinned      bool
}

// Align places text relative to its X.
type Align int

// The text alignments.
const (
	Left Align = iota
	Center
	Right
)

// Text is one line of text; Y is its baseline.
type Text struct {
	X, Y    float64
	S       string
	Of      string // the actor a label names; "" for other text
	Size    float64
	Bold    bool
	Color   color.NRGBA
	Halo    color.NRGBA // outline drawn behind for legibility; alpha 0 for none
	Align   Align
	Opacity float64
}

// Panel is a rounded box behind a legend or caption.
type Panel struct {
	X, Y, W, H float64
	Fill       color.NRGBA
	Stroke     color.NRGBA
}
