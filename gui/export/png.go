package export

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"io"
	"runtime"
	"sync"
)

// EncodePNG writes img as a PNG, compressing bands of rows in parallel the
// way pigz does: each band is deflated on its own and ends on a byte
// boundary (a sync flush), so the pieces concatenate into one valid zlib
// stream. Rows use the Up filter, which suits pictures of flat colour.
// An opaque image is written as RGB, otherwise as non-premultiplied RGBA.
// The output is the same whatever the core count, since the bands are
// fixed by the image height.
func EncodePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	opaque := img.Opaque()
	bpp := 4
	colorType := byte(6)
	if opaque {
		bpp, colorType = 3, 2
	}
	stride := width * bpp
	raw := func(y int, dst []byte) {
		row := img.Pix[(y-b.Min.Y)*img.Stride:]
		for x := 0; x < width; x++ {
			p := row[x*4 : x*4+4]
			o := dst[x*bpp:]
			if opaque {
				o[0], o[1], o[2] = p[0], p[1], p[2]
				continue
			}
			a := uint32(p[3])
			if a == 0 {
				o[0], o[1], o[2], o[3] = 0, 0, 0, 0
				continue
			}
			// Unpremultiply as image/color does, at 16 bits.
			a16 := a * 0x101
			o[0] = byte(uint32(p[0]) * 0x101 * 0xffff / a16 >> 8)
			o[1] = byte(uint32(p[1]) * 0x101 * 0xffff / a16 >> 8)
			o[2] = byte(uint32(p[2]) * 0x101 * 0xffff / a16 >> 8)
			o[3] = byte(a)
		}
	}

	const bandRows = 256
	nb := (height + bandRows - 1) / bandRows
	filtered := make([][]byte, nb)
	packed := make([][]byte, nb)
	errs := make([]error, nb)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for k := 0; k < runtime.GOMAXPROCS(0); k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			prev, cur := make([]byte, stride), make([]byte, stride)
			for i := range jobs {
				y0, y1 := i*bandRows, min(height, (i+1)*bandRows)
				out := make([]byte, 0, (y1-y0)*(stride+1))
				if y0 > 0 {
					raw(b.Min.Y+y0-1, prev)
				} else {
					clear(prev)
				}
				for y := y0; y < y1; y++ {
					raw(b.Min.Y+y, cur)
					out = append(out, 2) // Up
					for x := 0; x < stride; x++ {
						out = append(out, cur[x]-prev[x])
					}
					prev, cur = cur, prev
				}
				filtered[i] = out
				var buf bytes.Buffer
				fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
				if _, err := fw.Write(out); err != nil {
					errs[i] = err
					continue
				}
				if i == nb-1 {
					errs[i] = fw.Close()
				} else {
					errs[i] = fw.Flush()
				}
				packed[i] = buf.Bytes()
			}
		}()
	}
	for i := 0; i < nb; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	sum := adler32.New()
	for _, f := range filtered {
		sum.Write(f)
	}

	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, colorType
	chunk(&out, "IHDR", ihdr)
	var z bytes.Buffer
	z.Write([]byte{0x78, 0x01})
	for _, p := range packed {
		z.Write(p)
	}
	z.Write(binary.BigEndian.AppendUint32(nil, sum.Sum32()))
	chunk(&out, "IDAT", z.Bytes())
	chunk(&out, "IEND", nil)
	_, err := w.Write(out.Bytes())
	return err
}

func chunk(w *bytes.Buffer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	w.WriteString(kind)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}
