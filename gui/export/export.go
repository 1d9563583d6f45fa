// Package export encodes pictures as files with no display: it asks the
// picture package for the Scene (the same the window draws) and writes it
// as PNG, SVG or GIF, atomically.
package export

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"io"
	"path/filepath"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/formats"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

// What says which picture to make.
type What struct {
	At graphmodel.Day
	// Compare, when set, puts At and Other side by side.
	Compare bool
	Other   graphmodel.Day
	// Animate makes a GIF of the timeline from From to To.
	Animate  bool
	From, To graphmodel.Day
	// Filmstrip, when set, makes small multiples of these days in
	// Columns columns (0: picture.FilmstripColumns).
	Filmstrip []graphmodel.Day
	Columns   int
	// Page, when set, is the paper a PDF is printed on; the picture is
	// then laid out at its size (Page.Pixels), whatever the options say.
	Page *Page
}

// File writes a picture of ds to path, atomically; the format comes from
// the extension: .png, .svg or .gif (an animation, or a still with
// Animate false).
func File(path string, ds *graphmodel.Dataset, what What, o picture.Options) error {
	return Write(path, ds, what, o, Run{})
}

// Write is File with a Run: it can be cancelled, and it reports progress.
// A failed or cancelled export leaves no file behind (and an older file
// of that name as it was).
func Write(path string, ds *graphmodel.Dataset, what What, o picture.Options, run Run) error {
	if err := CheckPath(path, what.Animate); err != nil {
		return err
	}
	ext := filepath.Ext(path)
	if IsVideo(ext) {
		if err := writeVideo(path, ds, what, o, run); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	}
	err := formats.WriteAtomic(path, func(w io.Writer) error {
		return Encode(w, ext, ds, what, o, run)
	})
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// Bytes renders the picture in the format of ext (".png", ".svg", ".gif").
func Bytes(ext string, ds *graphmodel.Dataset, what What, o picture.Options) ([]byte, error) {
	var buf bytes.Buffer
	if err := Encode(&buf, ext, ds, what, o, Run{}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Encode writes the picture in the format of ext to w, an animation
// frame by frame as each is drawn.
func Encode(w io.Writer, ext string, ds *graphmodel.Dataset, what What, o picture.Options, run Run) error {
	ds, o, fonts, err := prepare(ds, o)
	if err != nil {
		return err
	}
	ext = strings.ToLower(ext)
	if what.Animate {
		if ext != ".gif" {
			return fmt.Errorf("an animation is written as .gif, .mp4 or .webm, not %q", ext)
		}
		_, err := AnimateTo(w, ds, what.From, what.To, o, fonts, run)
		return err
	}
	if err := run.ctx().Err(); err != nil {
		return err
	}
	if what.Page != nil {
		o.Width, o.Height = what.Page.Pixels()
	}
	var b render.Built
	switch {
	case len(what.Filmstrip) > 0:
		b = picture.Filmstrip(ds, what.Filmstrip, what.Columns, o, fonts)
	case what.Compare:
		b = picture.Compare(ds, what.At, what.Other, o, fonts)
	default:
		b = picture.Still(ds, what.At, o, fonts)
	}
	if ext == ".pdf" && what.Page != nil {
		if err := EncodePDFPage(w, b.Scene, fonts, what.Page.W, what.Page.H); err != nil {
			return fmt.Errorf("write PDF: %w", err)
		}
		run.report(1, 1)
		return nil
	}
	return encodeScene(w, ext, b.Scene, ds, o, fonts, run)
}

// prepare checks the size and scale, and gives the dataset in the
// picture's language, the options with a theme, and the fonts.
func prepare(ds *graphmodel.Dataset, o picture.Options) (*graphmodel.Dataset, picture.Options, *render.Fonts, error) {
	// Checked here too, not only by the command line: a size or scale out
	// of range asks for more memory than there is, or draws nothing.
	if err := CheckSize(o.Width, o.Height); err != nil {
		return nil, o, nil, err
	}
	if err := CheckScale(o.Scale, o.Width, o.Height); err != nil {
		return nil, o, nil, err
	}
	// Han characters take the forms of the picture's language; names are
	// the dataset's in that language where it gives them.
	fonts, err := render.NewFontsFor(o.Lang, nil)
	if err != nil {
		return nil, o, nil, err
	}
	ds = ds.Localised(o.Lang)
	if o.Theme == nil {
		o.Theme = render.Light()
	}
	return ds, o, fonts, nil
}

// encodeScene writes one Scene in the format of ext.
func encodeScene(w io.Writer, ext string, sc render.Scene, ds *graphmodel.Dataset, o picture.Options, fonts *render.Fonts, run Run) error {
	switch ext {
	case ".png":
		if err := EncodePNG(w, render.Raster(sc, fonts)); err != nil {
			return fmt.Errorf("encode PNG: %w", err)
		}
	case ".svg":
		if err := render.SVG(w, sc, fonts); err != nil {
			return fmt.Errorf("write SVG: %w", err)
		}
	case ".pdf":
		if err := EncodePDF(w, sc, fonts); err != nil {
			return fmt.Errorf("write PDF: %w", err)
		}
	case ".gif":
		img := render.Raster(sc, fonts)
		pal := Palette(o.Theme, ds)
		p := image.NewPaletted(img.Bounds(), pal)
		draw.Draw(p, p.Bounds(), img, image.Point{}, draw.Src)
		if err := gif.Encode(w, p, nil); err != nil {
			return fmt.Errorf("encode GIF: %w", err)
		}
	default:
		return fmt.Errorf("unknown picture format %q; use .png, .svg, .pdf or .gif", ext)
	}
	run.report(1, 1)
	return nil
}

// WriteAtomic writes data to a temporary file beside path and renames it
// into place, so an existing file is never left half-written; it is
// formats.WriteAtomic, the one way Echoes writes a file.
func WriteAtomic(path string, data []byte) error {
	return formats.WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
