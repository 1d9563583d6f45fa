// Package render turns a snapshot of the network and its positions into a
// Scene of plain shapes and text, and draws a Scene as a raster image. The
// window and every export draw the same Scene, so an exported picture is
// the screen's picture at another size. It needs no display.
package render

import (
	"image/color"

	"github.com/echoes-viz/echoes/graphmodel"
)

// Style is how one relation kind is drawn. Every kind differs from every
// other by dash or width as well as colour, so the picture survives
// grey-scale printing and colour-vision deficiencies.
type Style struct {
	Color color.NRGBA
	Width float64   // at scale 1, in pixels
	Dash  []float64 // on, off, ... in multiples of Width; nil is solid
	Arrow bool      // draw an arrowhead at the second actor
}

// Theme is a complete palette plus sizes. Text sizes and widths are at
// scale 1; the projector theme is larger and heavier.
type Theme struct {
	Name        string
	Background  color.NRGBA
	Text        color.NRGBA
	MutedText   color.NRGBA
	Panel       color.NRGBA // legend and caption backgrounds
	PanelStroke color.NRGBA
	NodeStroke  color.NRGBA
	Highlight   color.NRGBA
	Groupings   []color.NRGBA // fills, in grouping order
	Kinds       map[graphmodel.Kind]Style
	LabelSize   float64
	TitleSize   float64
	CaptionSize float64
	SmallSize   float64
	NodeRadius  float64
	LineScale   float64 // multiplies every edge width
}

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 255}
}

func withAlpha(c color.NRGBA, a uint8) color.NRGBA { c.A = a; return c }

// kindStyles is built on the Okabe–Ito palette, safe for the common
// colour-vision deficiencies; dashes and widths carry the rest.
func kindStyles(dark bool) map[graphmodel.Kind]Style {
	pick := func(light, darkHex uint32) color.NRGBA {
		if dark {
			return rgb(darkHex)
		}
		return rgb(light)
	}
	return map[graphmodel.Kind]Style{
		graphmodel.Alliance:      {Color: pick(0x0072B2, 0x56B4E9), Width: 5},
		graphmodel.Partnership:   {Color: pick(0x009E73, 0x2FD3A3), Width: 3},
		graphmodel.Normalisation: {Color: pick(0x8C8C8C, 0x9A9A9A), Width: 1.5},
		graphmodel.Summit:        {Color: pick(0xCC79A7, 0xE39BC4), Width: 2.5, Dash: []float64{0.6, 1.6}},
		graphmodel.Talks:         {Color: pick(0x56B4E9, 0x8FD0F5), Width: 2, Dash: []float64{3, 2}},
		graphmodel.Exercise:      {Color: pick(0x0072B2, 0x56B4E9), Width: 2.5, Dash: []float64{4, 1.5, 1, 1.5}},
		graphmodel.Arms:          {Color: pick(0xE69F00, 0xF5B93A), Width: 3, Dash: []float64{4, 1.6}, Arrow: true},
		graphmodel.Backing:       {Color: pick(0x7B3294, 0xC29BE0), Width: 2.5, Arrow: true},
		graphmodel.Occupation:    {Color: pick(0x505050, 0xBDBDBD), Width: 3.5, Dash: []float64{5, 1.2}, Arrow: true},
		graphmodel.Armistice:     {Color: pick(0x7F7F7F, 0xA6A6A6), Width: 2, Dash: []float64{5, 1.5, 1, 1.5, 1, 1.5}},
		graphmodel.Tension:       {Color: pick(0xB59B00, 0xF0E442), Width: 2, Dash: []float64{0.5, 2.5}},
		graphmodel.Hostility:     {Color: pick(0xD55E00, 0xFF8A3D), Width: 3, Dash: []float64{2.5, 1.5}},
		graphmodel.Sanctions:     {Color: pick(0x3A3A3A, 0xD0D0D0), Width: 1.8, Dash: []float64{1.2, 1.2}, Arrow: true},
		graphmodel.War:           {Color: pick(0xC0261A, 0xFF5A4E), Width: 6.5},
	}
}

// Light is the default theme on a white background.
func Light() *Theme {
	return &Theme{
		Name:        "light",
		Background:  rgb(0xFBFBF8),
		Text:        rgb(0x1B1B1B),
		MutedText:   rgb(0x555555),
		Panel:       withAlpha(rgb(0xFFFFFF), 232),
		PanelStroke: rgb(0xC8C8C8),
		NodeStroke:  rgb(0xFFFFFF),
		Highlight:   rgb(0xF0B400),
		Groupings:   []color.NRGBA{withAlpha(rgb(0x0072B2), 40), withAlpha(rgb(0x009E73), 40), withAlpha(rgb(0xD55E00), 40), withAlpha(rgb(0xCC79A7), 40)},
		Kinds:       kindStyles(false),
		LabelSize:   15,
		TitleSize:   30,
		CaptionSize: 16,
		SmallSize:   11,
		NodeRadius:  16,
		LineScale:   1,
	}
}

// Dark is the theme for dark desktops.
func Dark() *Theme {
	t := Light()
	t.Name = "dark"
	t.Background = rgb(0x1E1F22)
	t.Text = rgb(0xEDEDED)
	t.MutedText = rgb(0xB0B0B0)
	t.Panel = withAlpha(rgb(0x2B2D31), 235)
	t.PanelStroke = rgb(0x4A4D52)
	t.NodeStroke = rgb(0xD8D8D8) // a light rim keeps dark node colours visible
	t.Groupings = []color.NRGBA{withAlpha(rgb(0x56B4E9), 48), withAlpha(rgb(0x2FD3A3), 44), withAlpha(rgb(0xFF8A3D), 48), withAlpha(rgb(0xE39BC4), 44)}
	t.Kinds = kindStyles(true)
	return t
}

// Projector is high contrast with large type and thick lines, readable from
// the back of a classroom at 1280×720.
func Projector() *Theme {
	t := Light()
	t.Name = "projector"
	t.Background = rgb(0xFFFFFF)
	t.Text = rgb(0x000000)
	t.MutedText = rgb(0x222222)
	t.Groupings = []color.NRGBA{withAlpha(rgb(0x0072B2), 52), withAlpha(rgb(0x009E73), 52), withAlpha(rgb(0xD55E00), 52), withAlpha(rgb(0xCC79A7), 52)}
	t.LabelSize = 24
	t.TitleSize = 44
	t.CaptionSize = 24
	t.SmallSize = 15
	t.NodeRadius = 22
	t.LineScale = 1.6
	return t
}

// ThemeNamed returns the theme called name (light, dark or projector).
func ThemeNamed(name string) (*Theme, bool) {
	switch name {
	case "light", "":
		return Light(), true
	case "dark":
		return Dark(), true
	case "projector":
		return Projector(), true
	}
	return nil, false
}
