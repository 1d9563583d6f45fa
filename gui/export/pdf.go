package export

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/echoes-viz/echoes/gui/render"
)

// PxToPt is the size of a picture pixel in PDF points: pixels are taken
// at 96 per inch, as CSS and SVG take them.
const PxToPt = 72.0 / 96

// EncodePDF writes the Scene as a one-page vector PDF, the page the
// Scene's size at 96 pixels an inch: shapes as paths, dashes as dashes,
// text as text in the faces the raster backend draws with (each embedded,
// cut down to the glyphs used, with the map back to Unicode), each glyph
// where the raster puts it. Text in a system font, which is not embedded,
// is drawn as glyph outlines; so is text in a CFF face (the CJK subsets),
// with the text itself invisible over it in that face, embedded.
func EncodePDF(w io.Writer, s render.Scene, fonts *render.Fonts) error {
	return EncodePDFPage(w, s, fonts, s.Width*PxToPt, s.Height*PxToPt)
}

// EncodePDFPage is EncodePDF on a page of wpt×hpt points (a paper size:
// see Pages), the Scene stretched to it; the picture should be laid out
// at the page's size in pixels (PageSize) so nothing is distorted.
func EncodePDFPage(w io.Writer, s render.Scene, fonts *render.Fonts, wpt, hpt float64) error {
	var d pdfDoc
	catalog, pages := d.alloc(), d.alloc()
	page, err := d.addPage(pages, s, fonts, wpt, hpt)
	if err != nil {
		return err
	}
	d.set(pages, "<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page)
	d.set(catalog, "<< /Type /Catalog /Pages %d 0 R >>", pages)
	return d.write(w, catalog)
}

type faceKey struct {
	face int
	bold bool
}

// pdfPage is one page's content stream and the resources it uses.
type pdfPage struct {
	fonts      *render.Fonts
	buf        bytes.Buffer
	faces      map[faceKey]*pdfFont // nil for a face drawn as outlines
	order      []*pdfFont
	alphas     map[string]string // alpha → ExtGState name
	alphaOrder []string
	sbuf       sfnt.Buffer
}

func (p *pdfPage) op(format string, a ...any) { fmt.Fprintf(&p.buf, format+"\n", a...) }

// alpha sets the fill and stroke opacity.
func (p *pdfPage) alpha(a float64) {
	k := pnum(math.Max(0, math.Min(1, a)))
	name, ok := p.alphas[k]
	if !ok {
		name = "GS" + strconv.Itoa(len(p.alphas)+1)
		p.alphas[k] = name
		p.alphaOrder = append(p.alphaOrder, k)
	}
	p.op("/%s gs", name)
}

func rgb(c color.NRGBA) string {
	return pnum(float64(c.R)/255) + " " + pnum(float64(c.G)/255) + " " + pnum(float64(c.B)/255)
}

func (p *pdfPage) fill(c color.NRGBA, op float64) {
	p.alpha(float64(c.A) / 255 * op)
	p.op("%s rg", rgb(c))
}

func (p *pdfPage) stroke(c color.NRGBA, op float64) {
	p.alpha(float64(c.A) / 255 * op)
	p.op("%s RG", rgb(c))
}

func (p *pdfPage) poly(pts [][2]float64) {
	for i, q := range pts {
		if i == 0 {
			p.op("%s %s m", pnum(q[0]), pnum(q[1]))
		} else {
			p.op("%s %s l", pnum(q[0]), pnum(q[1]))
		}
	}
	p.op("h")
}

// circle adds a circle as four Bézier arcs, clockwise when cw.
func (p *pdfPage) circle(x, y, r float64, cw bool) {
	k := r * 0.5522847498
	s := 1.0
	if cw {
		s = -1
	}
	p.op("%s %s m", pnum(x+r), pnum(y))
	p.op("%s %s %s %s %s %s c", pnum(x+r), pnum(y+s*k), pnum(x+k), pnum(y+s*r), pnum(x), pnum(y+s*r))
	p.op("%s %s %s %s %s %s c", pnum(x-k), pnum(y+s*r), pnum(x-r), pnum(y+s*k), pnum(x-r), pnum(y))
	p.op("%s %s %s %s %s %s c", pnum(x-r), pnum(y-s*k), pnum(x-k), pnum(y-s*r), pnum(x), pnum(y-s*r))
	p.op("%s %s %s %s %s %s c", pnum(x+k), pnum(y-s*r), pnum(x+r), pnum(y-s*k), pnum(x+r), pnum(y))
	p.op("h")
}

func (p *pdfPage) roundRect(x, y, w, h, r float64) {
	k := r * (1 - 0.5522847498)
	p.op("%s %s m", pnum(x+r), pnum(y))
	p.op("%s %s l", pnum(x+w-r), pnum(y))
	p.op("%s %s %s %s %s %s c", pnum(x+w-k), pnum(y), pnum(x+w), pnum(y+k), pnum(x+w), pnum(y+r))
	p.op("%s %s l", pnum(x+w), pnum(y+h-r))
	p.op("%s %s %s %s %s %s c", pnum(x+w), pnum(y+h-k), pnum(x+w-k), pnum(y+h), pnum(x+w-r), pnum(y+h))
	p.op("%s %s l", pnum(x+r), pnum(y+h))
	p.op("%s %s %s %s %s %s c", pnum(x+k), pnum(y+h), pnum(x), pnum(y+h-k), pnum(x), pnum(y+h-r))
	p.op("%s %s l", pnum(x), pnum(y+r))
	p.op("%s %s %s %s %s %s c", pnum(x), pnum(y+k), pnum(x+k), pnum(y), pnum(x+r), pnum(y))
	p.op("h")
}

// draw writes the Scene in the raster backend's order, in pixels: the
// page's matrix turns them into points (kx, ky points a pixel) with y
// down.
func (p *pdfPage) draw(s render.Scene, kx, ky float64) {
	p.op("%s 0 0 %s 0 %s cm", pnum(kx), pnum(-ky), pnum(s.Height*ky))
	p.op("1 J 1 j")
	if s.Background.A > 0 {
		p.fill(s.Background, 1)
		p.op("0 0 %s %s re f", pnum(s.Width), pnum(s.Height))
	}
	for _, a := range s.Areas {
		if len(a.Points) < 3 || a.Fill.A == 0 {
			continue
		}
		p.fill(a.Fill, 1)
		p.poly(a.Points)
		p.op("f")
	}
	p.edges(s.Edges)
	for _, n := range s.Nodes {
		if n.Opacity <= 0 {
			continue
		}
		if n.StrokeWidth > 0 {
			p.fill(n.Stroke, n.Opacity)
			p.circle(n.X, n.Y, n.R+n.StrokeWidth, false)
			p.circle(n.X, n.Y, n.R, true)
			p.op("f")
		}
		p.fill(n.Fill, n.Opacity)
		p.circle(n.X, n.Y, n.R, false)
		p.op("f")
		if n.Pinned {
			p.fill(n.Stroke, n.Opacity)
			p.circle(n.X, n.Y, n.R*0.32, false)
			p.op("f")
		}
	}
	for _, t := range s.Texts {
		p.text(t)
	}
	for _, pn := range s.Panels {
		r := math.Min(8, pn.H/4)
		if pn.Stroke.A > 0 {
			p.fill(pn.Stroke, 1)
			p.roundRect(pn.X-1, pn.Y-1, pn.W+2, pn.H+2, r)
			p.op("f")
		}
		p.fill(pn.Fill, 1)
		p.roundRect(pn.X, pn.Y, pn.W, pn.H, r)
		p.op("f")
	}
	p.edges(s.PanelLines)
	for _, t := range s.PanelTexts {
		p.text(t)
	}
}

func (p *pdfPage) edges(edges []render.EdgeShape) {
	for _, e := range edges {
		if e.Opacity <= 0 {
			continue
		}
		wd := e.Style.Width
		op := e.Opacity
		if wd < 1 {
			op, wd = op*wd, 1 // as the raster draws a hairline
		}
		unit := math.Max(1, e.Style.Width)
		var dash []string
		for _, v := range e.Style.Dash {
			dash = append(dash, pnum(v*unit))
		}
		p.stroke(e.Style.Color, op)
		p.op("%s w [%s] 0 d 0 J", pnum(wd), strings.Join(dash, " "))
		p.op("%s %s m %s %s l S", pnum(e.From[0]), pnum(e.From[1]), pnum(e.To[0]), pnum(e.To[1]))
		if e.Style.Arrow {
			h := render.ArrowHead(e)
			p.fill(e.Style.Color, op)
			p.poly(h[:])
			p.op("f")
		}
	}
	p.op("[] 0 d 1 J")
}

// font is the embedded font of a face, or nil when it is drawn as
// outlines.
func (p *pdfPage) font(face int, bold bool) *pdfFont {
	k := faceKey{face, bold}
	if f, ok := p.faces[k]; ok {
		return f
	}
	name, data := p.fonts.FaceFile(face, bold)
	var f *pdfFont
	if data != nil {
		var err error
		if f, err = newPDFFont("F"+strconv.Itoa(len(p.order)+1), name, data); err != nil {
			f = nil
		} else {
			p.order = append(p.order, f)
		}
	}
	p.faces[k] = f
	return f
}

// text writes one line: halo first (stroked glyphs), then the glyphs.
func (p *pdfPage) text(t render.Text) {
	if t.Opacity <= 0 || t.S == "" {
		return
	}
	size := math.Max(1, math.Round(t.Size*4)/4)
	runs, width := p.fonts.Runs(t.S, t.Size, t.Bold)
	x := t.X
	switch t.Align {
	case render.Center:
		x -= width / 2
	case render.Right:
		x -= width
	}
	y := math.Round(t.Y)
	if t.Halo.A > 0 {
		p.stroke(t.Halo, 0.9*t.Opacity)
		p.op("%s w", pnum(math.Max(2, t.Size/4.5)))
		p.glyphs(runs, x, y, size, t.Bold, 1)
	}
	p.fill(t.Color, t.Opacity)
	p.glyphs(runs, x, y, size, t.Bold, 0)
}

// glyphs shows runs from (x, y) in text render mode mode (0 fill,
// 1 stroke); each glyph goes where the layout put it.
func (p *pdfPage) glyphs(runs []render.FaceRun, x, y, size float64, bold bool, mode int) {
	for _, r := range runs {
		f := p.font(r.Face, bold)
		tr := mode
		if f == nil || f.cids != nil {
			// Outlines; a CFF face's text goes over them, invisible, so
			// it can still be searched and copied (PDF viewers differ in
			// how they find a CFF glyph by CID; the outlines do not).
			p.outlines(r, x, y, size, bold, mode)
			if f == nil || mode != 0 {
				continue
			}
			tr = 3
		}
		p.op("BT /%s %s Tf %d Tr 1 0 0 -1 %s %s Tm", f.res, pnum(size), tr, pnum(x+r.X[0]), pnum(y))
		var tj strings.Builder
		tj.WriteString("[<")
		for i, ru := range r.Runes {
			g, adv := f.glyph(ru)
			fmt.Fprintf(&tj, "%04X", g)
			if i+1 < len(r.Runes) {
				// Where the PDF's own advance would put the next glyph,
				// against where the layout puts it.
				want := (r.X[i+1] - r.X[i]) / size * 1000
				if d := adv - want; math.Abs(d) > 0.05 {
					fmt.Fprintf(&tj, ">%s<", pnum(d))
				}
			}
		}
		tj.WriteString(">] TJ ET")
		p.op("%s", tj.String())
	}
}

// outlines draws a run in a face that is not embedded as filled (or
// stroked) glyph outlines.
func (p *pdfPage) outlines(r render.FaceRun, x, y, size float64, bold bool, mode int) {
	sf := p.fonts.FaceFont(r.Face, bold)
	ppem := fixed.Int26_6(math.Round(size * 64))
	for i, ru := range r.Runes {
		g, err := sf.GlyphIndex(&p.sbuf, ru)
		if err != nil || g == 0 {
			continue
		}
		segs, err := sf.LoadGlyph(&p.sbuf, g, ppem, nil)
		if err != nil || len(segs) == 0 {
			continue
		}
		ox := x + r.X[i]
		xy := func(q fixed.Point26_6) (float64, float64) { return ox + float64(q.X)/64, y + float64(q.Y)/64 }
		var cx, cy float64
		for k, sg := range segs {
			switch sg.Op {
			case sfnt.SegmentOpMoveTo:
				if k > 0 {
					p.op("h")
				}
				cx, cy = xy(sg.Args[0])
				p.op("%s %s m", pnum(cx), pnum(cy))
			case sfnt.SegmentOpLineTo:
				cx, cy = xy(sg.Args[0])
				p.op("%s %s l", pnum(cx), pnum(cy))
			case sfnt.SegmentOpQuadTo:
				// A quadratic as the cubic it equals.
				qx, qy := xy(sg.Args[0])
				ex, ey := xy(sg.Args[1])
				p.op("%s %s %s %s %s %s c", pnum(cx+2*(qx-cx)/3), pnum(cy+2*(qy-cy)/3), pnum(ex+2*(qx-ex)/3), pnum(ey+2*(qy-ey)/3), pnum(ex), pnum(ey))
				cx, cy = ex, ey
			case sfnt.SegmentOpCubeTo:
				ax, ay := xy(sg.Args[0])
				bx, by := xy(sg.Args[1])
				cx, cy = xy(sg.Args[2])
				p.op("%s %s %s %s %s %s c", pnum(ax), pnum(ay), pnum(bx), pnum(by), pnum(cx), pnum(cy))
			}
		}
		p.op("h")
		if mode == 1 {
			p.op("S")
		} else {
			p.op("f")
		}
	}
}

// pnum writes a number for PDF: at most three decimals, no exponent.
func pnum(v float64) string {
	s := strconv.FormatFloat(v, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}
