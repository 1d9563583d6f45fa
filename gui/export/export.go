// Package export writes Echoes pictures to files with no display: the same
// Scene the window draws, at any size.
package export

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/layout"
	"github.com/echoes-viz/echoes/gui/render"
)

// Seed is the layout seed of the window and every export, so the same data
// gives the same picture everywhere.
const Seed = 1950

// SettleTicks bounds the layout run for a cold start at one date.
const SettleTicks = 600

// TicksFor scales a tick budget down for big networks, so that opening a
// 50,000-node file shows a first layout in about a second rather than
// minutes; the window keeps refining it as the user moves through time.
func TicksFor(ticks, actors int) int {
	if actors <= 2000 {
		return ticks
	}
	return max(20, ticks*2000/actors)
}

// Options describe one picture.
type Options struct {
	Width, Height int
	// Scale multiplies text and line sizes; 0 derives it from the size so
	// that a bigger picture is the same picture, not a smaller drawing.
	Scale       float64
	Theme       *render.Theme
	Transparent bool
	Legend      bool
	Caption     bool
	// Positions, when set, are used instead of a fresh layout: the window
	// passes what is on screen.
	Positions map[string][2]float64
	Pinned    map[string]bool
	Zoom      float64
	PanX      float64
	PanY      float64
}

// Theme returns the named drawing theme.
func Theme(name string) (*render.Theme, bool) { return render.ThemeNamed(name) }

// BaseSize is the picture size at which Scale is 1.
const BaseWidth, BaseHeight = 1280.0, 800.0

// ScaleFor is the default scale of a w×h picture.
func ScaleFor(w, h int) float64 {
	return math.Max(0.5, math.Min(float64(w)/BaseWidth, float64(h)/BaseHeight))
}

// NewNetwork is the layout every picture uses: seeded, with collision
// radii wide enough for each actor's longest label.
func NewNetwork(ds *graphmodel.Dataset, fonts *render.Fonts) *layout.Network {
	n := layout.NewNetwork(Seed)
	widths := map[string]float64{}
	th := render.Light()
	for _, a := range ds.Actors {
		w := 2 * th.NodeRadius
		for _, nm := range a.Names {
			w = math.Max(w, fonts.Width(nm.Short, th.LabelSize, true)+12)
		}
		widths[a.ID] = w
	}
	n.LabelWidth = func(id string) float64 { return widths[id] }
	return n
}

// Layout runs the layout cold for day, as the window does when it opens.
func Layout(s *graphmodel.Snapshot, fonts *render.Fonts) map[string][2]float64 {
	n := NewNetwork(s.Dataset, fonts)
	n.Update(s)
	n.Settle(TicksFor(SettleTicks, len(s.Actors)))
	return n.Positions()
}

// Scene builds the picture of ds at day.
func Scene(ds *graphmodel.Dataset, day graphmodel.Day, o Options, fonts *render.Fonts) render.Built {
	s := ds.At(day)
	pos := o.Positions
	if pos == nil {
		pos = Layout(s, fonts)
	}
	f := render.FrameOf(s, pos)
	f.Pinned = o.Pinned
	sc := o.Scale
	if sc <= 0 {
		sc = ScaleFor(o.Width, o.Height)
	}
	return render.Build(f, render.Options{Theme: o.Theme, Width: float64(o.Width), Height: float64(o.Height),
		Scale: sc, Zoom: o.Zoom, PanX: o.PanX, PanY: o.PanY, Legend: o.Legend, Title: true, Caption: o.Caption,
		SourceLine: true, Transparent: o.Transparent}, fonts)
}

// What says which picture to make.
type What struct {
	At graphmodel.Day
	// Compare, when set, puts At and Other side by side.
	Compare bool
	Other   graphmodel.Day
	// Animate makes a GIF of the timeline from From to To.
	Animate  bool
	From, To graphmodel.Day
}

// File writes a picture of ds to path, atomically; the format comes from
// the extension: .png, .svg or .gif (an animation, or a still with
// Animate false).
func File(path string, ds *graphmodel.Dataset, what What, o Options) error {
	data, err := Bytes(filepath.Ext(path), ds, what, o)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return WriteAtomic(path, data)
}

// Bytes renders the picture in the format of ext (".png", ".svg", ".gif").
func Bytes(ext string, ds *graphmodel.Dataset, what What, o Options) ([]byte, error) {
	fonts, err := render.NewFonts()
	if err != nil {
		return nil, err
	}
	if o.Theme == nil {
		o.Theme = render.Light()
	}
	ext = strings.ToLower(ext)
	if what.Animate {
		if ext != ".gif" {
			return nil, fmt.Errorf("an animation is written as .gif, not %q", ext)
		}
		data, _, err := Animate(ds, what.From, what.To, o, fonts)
		return data, err
	}
	var b render.Built
	if what.Compare {
		b = Compare(ds, what.At, what.Other, o, fonts)
	} else {
		b = Scene(ds, what.At, o, fonts)
	}
	var buf bytes.Buffer
	switch ext {
	case ".png":
		if err := EncodePNG(&buf, render.Raster(b.Scene, fonts)); err != nil {
			return nil, fmt.Errorf("encode PNG: %w", err)
		}
	case ".svg":
		if err := render.SVG(&buf, b.Scene, fonts); err != nil {
			return nil, fmt.Errorf("write SVG: %w", err)
		}
	case ".gif":
		img := render.Raster(b.Scene, fonts)
		pal := Palette(o.Theme, ds)
		p := image.NewPaletted(img.Bounds(), pal)
		draw.Draw(p, p.Bounds(), img, image.Point{}, draw.Src)
		if err := gif.Encode(&buf, p, nil); err != nil {
			return nil, fmt.Errorf("encode GIF: %w", err)
		}
	default:
		return nil, fmt.Errorf("unknown picture format %q; use .png, .svg or .gif", ext)
	}
	return buf.Bytes(), nil
}

// WriteAtomic writes data to a temporary file beside path and renames it
// into place, so an existing file is never left half-written.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	// CreateTemp makes the file private; give it the mode of the file it
	// replaces, or the usual 0644.
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	_, werr := tmp.Write(data)
	if werr == nil {
		werr = tmp.Chmod(mode)
	}
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(name)
		return fmt.Errorf("write %s: %w", path, werr)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
