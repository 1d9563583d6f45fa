package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"io"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

// Animate renders the timeline from one day to another as an animated GIF
// in memory; see AnimateTo.
func Animate(ds *graphmodel.Dataset, from, to graphmodel.Day, o picture.Options, fonts *render.Fonts) ([]byte, picture.Timeline, error) {
	var buf bytes.Buffer
	tl, err := AnimateTo(&buf, ds, from, to, o, fonts, Run{})
	if err != nil {
		return nil, tl, err
	}
	return buf.Bytes(), tl, nil
}

// AnimateTo writes the timeline from one day to another to w as an
// animated GIF: a hold on each event, a smooth glide between. Frames after
// the first store only the rectangle that changed, with unchanged pixels
// transparent, which keeps the whole 1945–2024 timeline small. Frames are
// drawn several at once, quantised, and written as soon as their turn
// comes: only the previous frame is kept, so memory does not grow with
// the timeline. The bytes are those image/gif.EncodeAll writes for the
// same frames.
func AnimateTo(w io.Writer, ds *graphmodel.Dataset, from, to graphmodel.Day, o picture.Options, fonts *render.Fonts, run Run) (picture.Timeline, error) {
	if o.Theme == nil {
		o.Theme = render.Light()
	}
	tl := picture.NewTimeline(ds, from, to, fonts)
	pal := Palette(o.Theme, ds)
	gw := newGIFWriter(w, pal, o.Width, o.Height, len(tl.Frames))
	var prev *image.Paletted
	newConv := func() func(*image.RGBA) *image.Paletted {
		q := newQuantizer(pal)
		return q.quantize
	}
	err := drawFrames(run.ctx(), tl, o, fonts, newConv, func(i int, full *image.Paletted) error {
		img := full
		if prev != nil {
			img = delta(prev, full)
		}
		prev = full
		if err := gw.frame(img, tl.Delays[i]); err != nil {
			return fmt.Errorf("encode GIF: %w", err)
		}
		run.report(i+1, len(tl.Frames))
		return nil
	})
	if err != nil {
		return tl, err
	}
	if err := gw.close(); err != nil {
		return tl, fmt.Errorf("encode GIF: %w", err)
	}
	return tl, nil
}

// quantizer maps colours to the nearest palette entry, remembering each
// colour it has seen: a picture has few distinct colours, and the
// standard nearest-colour search for every pixel dominated the time.
type quantizer struct {
	pal   color.Palette
	cache map[uint32]uint8
}

func newQuantizer(pal color.Palette) *quantizer {
	return &quantizer{pal: pal, cache: map[uint32]uint8{}}
}

func (q *quantizer) quantize(img *image.RGBA) *image.Paletted {
	b := img.Bounds()
	out := image.NewPaletted(b, q.pal)
	for y := 0; y < b.Dy(); y++ {
		src := img.Pix[y*img.Stride : y*img.Stride+b.Dx()*4]
		dst := out.Pix[y*out.Stride : y*out.Stride+b.Dx()]
		for x := range dst {
			p := src[x*4 : x*4+4]
			k := uint32(p[0])<<16 | uint32(p[1])<<8 | uint32(p[2])
			i, ok := q.cache[k]
			if !ok {
				i = uint8(q.pal[1:].Index(color.RGBA{p[0], p[1], p[2], 255}) + 1)
				q.cache[k] = i
			}
			dst[x] = i
		}
	}
	return out
}

// delta crops cur to the rectangle that differs from prev and makes the
// unchanged pixels in it transparent (palette index 0).
func delta(prev, cur *image.Paletted) *image.Paletted {
	b := cur.Bounds()
	minX, minY, maxX, maxY := b.Max.X, b.Max.Y, b.Min.X-1, b.Min.Y-1
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := y * cur.Stride
		for x := b.Min.X; x < b.Max.X; x++ {
			if cur.Pix[row+x] != prev.Pix[row+x] {
				minX, maxX = min(minX, x), max(maxX, x)
				minY, maxY = min(minY, y), max(maxY, y)
			}
		}
	}
	if maxX < minX {
		minX, minY, maxX, maxY = 0, 0, 0, 0
	}
	r := image.Rect(minX, minY, maxX+1, maxY+1)
	out := image.NewPaletted(r, cur.Palette)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			i := y*cur.Stride + x
			if cur.Pix[i] != prev.Pix[i] {
				out.SetColorIndex(x, y, cur.Pix[i])
			}
		}
	}
	return out
}

// Palette is the GIF palette: index 0 transparent, then every colour the
// theme and dataset name exactly (so relation colours stay true), their
// blends toward the background for antialiased edges, and a colour cube.
func Palette(th *render.Theme, ds *graphmodel.Dataset) color.Palette {
	pal := color.Palette{color.NRGBA{}}
	seen := map[color.NRGBA]bool{{}: true}
	add := func(c color.Color) {
		n := color.NRGBAModel.Convert(c).(color.NRGBA)
		n.A = 255
		if !seen[n] && len(pal) < 256 {
			seen[n] = true
			pal = append(pal, n)
		}
	}
	bg := th.Background
	blend := func(c color.NRGBA, t float64) color.NRGBA {
		return color.NRGBA{R: uint8(float64(c.R)*t + float64(bg.R)*(1-t)), G: uint8(float64(c.G)*t + float64(bg.G)*(1-t)),
			B: uint8(float64(c.B)*t + float64(bg.B)*(1-t)), A: 255}
	}
	base := []color.NRGBA{bg, th.Text, th.MutedText, th.Panel, th.PanelStroke, th.NodeStroke}
	for _, k := range graphmodel.Kinds() {
		base = append(base, th.Kinds[k].Color)
	}
	for _, a := range ds.Actors {
		if c, ok := render.ParseColor(a.Color); ok {
			base = append(base, c)
		}
	}
	for _, c := range base {
		add(c)
	}
	for _, g := range th.Groupings {
		add(blend(color.NRGBA{R: g.R, G: g.G, B: g.B, A: 255}, float64(g.A)/255))
	}
	for _, t := range []float64{0.5, 0.25} {
		for _, k := range graphmodel.Kinds() {
			add(blend(th.Kinds[k].Color, t))
		}
	}
	for _, t := range []float64{0.75, 0.5, 0.25} {
		add(blend(th.Text, t))
	}
	for r := 0; r < 6; r++ {
		for g := 0; g < 6; g++ {
			for b := 0; b < 6; b++ {
				add(color.NRGBA{R: uint8(r * 51), G: uint8(g * 51), B: uint8(b * 51), A: 255})
			}
		}
	}
	return pal
}
