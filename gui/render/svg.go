package render

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"
)

// cjkFamilies are the faces that viewers on Linux, macOS and Windows have
// for lang's script, Noto's first.
func cjkFamilies(lang string) string {
	switch lang {
	case "ko":
		return "'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic'"
	case "ja":
		return "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', Meiryo"
	case "zh-Hant":
		return "'Noto Sans CJK TC', 'Noto Sans TC', 'PingFang TC', 'Microsoft JhengHei'"
	}
	return "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei'"
}

// FontFamilyFor is the CSS font list SVG text asks for in a picture in
// lang: Fyne's own face first, then the CJK faces with lang's Han forms
// before the others', then the common fallbacks.
func FontFamilyFor(lang string) string {
	parts := []string{"'Noto Sans'"}
	for _, l := range hanOrder(lang) {
		parts = append(parts, cjkFamilies(l))
	}
	return strings.Join(append(parts, "'DejaVu Sans'", "Arial", "sans-serif"), ", ")
}

// SVG writes the Scene as an SVG document: true vectors, text as text,
// dashes as dashes. Every string is XML-escaped.
//
// With fonts set, every text gets its measured width as textLength, so a
// viewer that lacks Noto Sans and falls back to a wider face still fits
// the text where the picture put it; the fonts' language picks the order
// of the CJK faces asked for.
func SVG(w io.Writer, s Scene, fonts *Fonts) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	family, lang := FontFamilyFor(""), ""
	if fonts != nil && fonts.lang != "" {
		// xml:lang lets a viewer pick the language's own Han forms.
		family, lang = FontFamilyFor(fonts.lang), fmt.Sprintf(` xml:lang="%s"`, esc(fonts.lang))
	}
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s"%s>`+"\n",
		num(s.Width), num(s.Height), num(s.Width), num(s.Height), esc(family), lang)
	if s.Background.A > 0 {
		p(`<rect width="100%%" height="100%%" fill="%s"%s/>`+"\n", hex(s.Background), opacityAttr("fill-opacity", s.Background.A, 1))
	}
	p("<g id=\"groupings\">\n")
	for _, a := range s.Areas {
		if len(a.Points) < 3 || a.Fill.A == 0 {
			continue
		}
		p(`<polygon data-id="%s" points="%s" fill="%s"%s/>`+"\n", esc(a.ID), points(a.Points), hex(a.Fill), opacityAttr("fill-opacity", a.Fill.A, 1))
	}
	p("</g>\n<g id=\"edges\">\n")
	svgEdges(p, s.Edges)
	p("</g>\n<g id=\"nodes\">\n")
	for _, n := range s.Nodes {
		if n.Opacity <= 0 {
			continue
		}
		p(`<circle data-id="%s" cx="%s" cy="%s" r="%s" fill="%s" stroke="%s" stroke-width="%s"%s/>`+"\n",
			esc(n.ID), num(n.X), num(n.Y), num(n.R+n.StrokeWidth/2), hex(n.Fill), hex(n.Stroke), num(n.StrokeWidth), opacityAttr("opacity", 255, n.Opacity))
		if n.Pinned {
			p(`<circle cx="%s" cy="%s" r="%s" fill="%s"%s/>`+"\n", num(n.X), num(n.Y), num(n.R*0.32), hex(n.Stroke), opacityAttr("opacity", 255, n.Opacity))
		}
	}
	p("</g>\n<g id=\"labels\">\n")
	for _, t := range s.Texts {
		svgText(p, t, fonts)
	}
	p("</g>\n<g id=\"panels\">\n")
	for _, pn := range s.Panels {
		r := math.Min(8, pn.H/4)
		stroke := ""
		if pn.Stroke.A > 0 {
			stroke = fmt.Sprintf(` stroke="%s" stroke-width="1"`, hex(pn.Stroke))
		}
		p(`<rect x="%s" y="%s" width="%s" height="%s" rx="%s" fill="%s"%s%s/>`+"\n",
			num(pn.X), num(pn.Y), num(pn.W), num(pn.H), num(r), hex(pn.Fill), opacityAttr("fill-opacity", pn.Fill.A, 1), stroke)
	}
	svgEdges(p, s.PanelLines)
	for _, t := range s.PanelTexts {
		svgText(p, t, fonts)
	}
	p("</g>\n</svg>\n")
	return bw.Flush()
}

func svgEdges(p func(string, ...any), edges []EdgeShape) {
	for _, e := range edges {
		if e.Opacity <= 0 {
			continue
		}
		dash := ""
		if len(e.Style.Dash) > 0 {
			parts := make([]string, len(e.Style.Dash))
			for i, v := range e.Style.Dash {
				parts[i] = num(v * dashUnit(e.Style.Width))
			}
			dash = ` stroke-dasharray="` + strings.Join(parts, " ") + `"`
		}
		p(`<line data-relation="%s" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s%s/>`+"\n",
			esc(e.RelationID), num(e.From[0]), num(e.From[1]), num(e.To[0]), num(e.To[1]), hex(e.Style.Color),
			num(e.Style.Width), dash, opacityAttr("stroke-opacity", e.Style.Color.A, e.Opacity))
		if e.Style.Arrow {
			h := ArrowHead(e)
			p(`<polygon points="%s" fill="%s"%s/>`+"\n", points(h[:]), hex(e.Style.Color), opacityAttr("fill-opacity", e.Style.Color.A, e.Opacity))
		}
	}
}

func svgText(p func(string, ...any), t Text, fonts *Fonts) {
	if t.Opacity <= 0 || t.S == "" {
		return
	}
	anchor := map[Align]string{Left: "start", Center: "middle", Right: "end"}[t.Align]
	weight := ""
	if t.Bold {
		weight = ` font-weight="bold"`
	}
	halo := ""
	if t.Halo.A > 0 {
		halo = fmt.Sprintf(` stroke="%s" stroke-width="%s" stroke-linejoin="round" paint-order="stroke"%s`,
			hex(t.Halo), num(math.Max(2, t.Size/4.5)), opacityAttr("stroke-opacity", t.Halo.A, 0.9))
	}
	length := ""
	if fonts != nil {
		length = fmt.Sprintf(` textLength="%s" lengthAdjust="spacingAndGlyphs"`, num(fonts.Width(t.S, t.Size, t.Bold)))
	}
	of := "" // which actor a label names, for a reader (or a test) of the file
	if t.Of != "" {
		of = ` data-of="` + esc(t.Of) + `"`
	}
	p(`<text%s x="%s" y="%s" font-size="%s" text-anchor="%s" fill="%s"%s%s%s%s>%s</text>`+"\n",
		of, num(t.X), num(t.Y), num(t.Size), anchor, hex(t.Color), weight, length, opacityAttr("opacity", t.Color.A, t.Opacity), halo, esc(t.S))
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}

func num(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

func hex(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func points(pts [][2]float64) string {
	parts := make([]string, len(pts))
	for i, q := range pts {
		parts[i] = num(q[0]) + "," + num(q[1])
	}
	return strings.Join(parts, " ")
}

// opacityAttr renders a colour's alpha times an opacity, or nothing at 1.
func opacityAttr(name string, alpha uint8, op float64) string {
	v := float64(alpha) / 255 * op
	if v >= 0.999 {
		return ""
	}
	return fmt.Sprintf(` %s="%s"`, name, num(math.Max(0, v)))
}
