package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/echoes-viz/echoes/gui/render"
)

// EncodePDFPages writes scenes as one vector PDF, a page each, every page
// the size of its Scene at 96 pixels an inch: a lesson's handout. Each
// page is drawn as EncodePDF draws a one-page PDF, with its own subsets
// of the faces it uses.
func EncodePDFPages(w io.Writer, scenes []render.Scene, fonts *render.Fonts) error {
	if len(scenes) == 0 {
		return fmt.Errorf("no pages to write")
	}
	var d pdfDoc
	catalog, pages := d.alloc(), d.alloc()
	kids := make([]string, 0, len(scenes))
	for _, s := range scenes {
		page, err := d.addPage(pages, s, fonts, s.Width*PxToPt, s.Height*PxToPt)
		if err != nil {
			return err
		}
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	d.set(pages, "<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	d.set(catalog, "<< /Type /Catalog /Pages %d 0 R >>", pages)
	return d.write(w, catalog)
}

// addPage draws s as a page of wpt×hpt points under the page tree pages,
// with its own subsets of the faces it uses, and returns the page's object.
func (d *pdfDoc) addPage(pages int, s render.Scene, fonts *render.Fonts, wpt, hpt float64) (int, error) {
	p := &pdfPage{fonts: fonts, faces: map[faceKey]*pdfFont{}, alphas: map[string]string{}}
	p.draw(s, wpt/s.Width, hpt/s.Height)
	var fontRes, gsRes strings.Builder
	for _, f := range p.order {
		n, err := f.embed(d)
		if err != nil {
			return 0, err
		}
		fmt.Fprintf(&fontRes, "/%s %d 0 R ", f.res, n)
	}
	for _, k := range p.alphaOrder {
		fmt.Fprintf(&gsRes, "/%s << /Type /ExtGState /ca %s /CA %s >> ", p.alphas[k], k, k)
	}
	content := d.stream(p.buf.Bytes(), "")
	return d.add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources << /Font << %s>> /ExtGState << %s>> >> /Contents %d 0 R >>",
		pages, pnum(wpt), pnum(hpt), fontRes.String(), gsRes.String(), content), nil
}
