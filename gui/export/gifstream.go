package export

import (
	"bufio"
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"io"
)

// gifWriter writes an animated GIF one frame at a time, byte for byte as
// image/gif.EncodeAll writes the whole list: each frame is encoded by
// EncodeAll alone, with the same screen and palette, and its image block
// (graphic control extension, descriptor and LZW data) is copied out.
type gifWriter struct {
	w      *bufio.Writer
	config image.Config
	frames int // how many frames the file will hold
	done   int
	buf    bytes.Buffer
	err    error
}

func newGIFWriter(w io.Writer, pal color.Palette, width, height, frames int) *gifWriter {
	return &gifWriter{w: bufio.NewWriter(w), frames: frames,
		config: image.Config{ColorModel: pal, Width: width, Height: height}}
}

// headerLen is the length of what EncodeAll writes before the first
// image block for a one-frame GIF with a global palette of n colours: the
// signature, the logical screen descriptor and the colour table, padded
// to a power of two of at least 2 entries.
func headerLen(n int) int {
	size := 2
	for size < n {
		size *= 2
	}
	return 6 + 7 + 3*size
}

// netscapeLoop is the application extension EncodeAll writes after the
// header of an animation that loops forever (LoopCount 0).
var netscapeLoop = []byte("\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00")

// frame writes one frame with its delay in 1/100 s.
func (g *gifWriter) frame(img *image.Paletted, delay int) error {
	if g.err != nil {
		return g.err
	}
	if g.done >= g.frames {
		return errors.New("more frames than announced")
	}
	g.buf.Reset()
	one := gif.GIF{Image: []*image.Paletted{img}, Delay: []int{delay}, Disposal: []byte{gif.DisposalNone}, Config: g.config}
	if g.err = gif.EncodeAll(&g.buf, &one); g.err != nil {
		return g.err
	}
	data := g.buf.Bytes()
	h := headerLen(len(g.config.ColorModel.(color.Palette)))
	if g.done == 0 {
		_, g.err = g.w.Write(data[:h])
		if g.err == nil && g.frames > 1 {
			_, g.err = g.w.Write(netscapeLoop)
		}
	}
	if g.err == nil {
		_, g.err = g.w.Write(data[h : len(data)-1]) // without the trailer
	}
	g.done++
	return g.err
}

// close writes the trailer and flushes.
func (g *gifWriter) close() error {
	if g.err != nil {
		return g.err
	}
	if g.done != g.frames {
		return errors.New("fewer frames than announced")
	}
	if g.err = g.w.WriteByte(0x3b); g.err != nil {
		return g.err
	}
	g.err = g.w.Flush()
	return g.err
}
