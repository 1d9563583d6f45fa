package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// scanner is a rasterx.Scanner that rasterises each path only over its own
// bounding box, with a uniform colour the vector package draws on its fast
// path. rasterx's own ScannerGV composites the whole image through a
// generic colour function on every Draw, which made a 4K picture take
// seconds.
type scanner struct {
	dst     *image.RGBA
	z       vector.Rasterizer
	ops     []pathOp
	src     image.Uniform
	mask    *image.Alpha
	maskBuf []uint8
	minX    float32
	minY    float32
	maxX    float32
	maxY    float32
}

type pathOp struct {
	move bool
	x, y float32
}

func newScanner(dst *image.RGBA) *scanner {
	s := &scanner{dst: dst}
	s.src.C = color.Black
	s.Clear()
	return s
}

func (s *scanner) add(p fixed.Point26_6, move bool) {
	x, y := float32(p.X)/64, float32(p.Y)/64
	s.ops = append(s.ops, pathOp{move: move, x: x, y: y})
	s.minX, s.minY = min(s.minX, x), min(s.minY, y)
	s.maxX, s.maxY = max(s.maxX, x), max(s.maxY, y)
}

// Start begins a subpath.
func (s *scanner) Start(a fixed.Point26_6) { s.add(a, true) }

// Line adds a segment.
func (s *scanner) Line(b fixed.Point26_6) { s.add(b, false) }

// Draw fills the accumulated path in the current colour.
func (s *scanner) Draw() {
	if len(s.ops) == 0 {
		return
	}
	r := image.Rect(int(math.Floor(float64(s.minX)))-1, int(math.Floor(float64(s.minY)))-1,
		int(math.Ceil(float64(s.maxX)))+1, int(math.Ceil(float64(s.maxY)))+1).Intersect(s.dst.Bounds())
	if r.Empty() {
		return
	}
	s.z.Reset(r.Dx(), r.Dy())
	s.z.DrawOp = draw.Over
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	// No implicit close on a move: rasterx's stroker builds outlines from
	// open pieces whose edges only sum to closed contours.
	for _, op := range s.ops {
		if op.move {
			s.z.MoveTo(op.x-ox, op.y-oy)
			continue
		}
		s.z.LineTo(op.x-ox, op.y-oy)
	}
	// Accumulate coverage into an alpha mask (the vector package's SIMD
	// path), then blend only where the mask is not empty: most of a long
	// edge's box is empty.
	// One buffer serves every Draw; it only grows.
	n := r.Dx() * r.Dy()
	if cap(s.maskBuf) < n {
		s.maskBuf = make([]uint8, n)
	}
	s.mask = &image.Alpha{Pix: s.maskBuf[:n], Stride: r.Dx(), Rect: image.Rect(0, 0, r.Dx(), r.Dy())}
	clear(s.mask.Pix)
	s.z.Draw(s.mask, s.mask.Bounds(), image.Opaque, image.Point{})
	sr, sg, sb, sa := s.src.C.RGBA()
	for y := 0; y < r.Dy(); y++ {
		mrow := s.mask.Pix[y*s.mask.Stride : y*s.mask.Stride+r.Dx()]
		drow := s.dst.Pix[s.dst.PixOffset(r.Min.X, r.Min.Y+y):]
		for x, m := range mrow {
			if m == 0 {
				continue
			}
			ma := uint32(m) * 0x101
			a := 0xffff - sa*ma/0xffff
			p := drow[x*4 : x*4+4 : x*4+4]
			p[0] = uint8((uint32(p[0])*0x101*a/0xffff + sr*ma/0xffff) >> 8)
			p[1] = uint8((uint32(p[1])*0x101*a/0xffff + sg*ma/0xffff) >> 8)
			p[2] = uint8((uint32(p[2])*0x101*a/0xffff + sb*ma/0xffff) >> 8)
			p[3] = uint8((uint32(p[3])*0x101*a/0xffff + sa*ma/0xffff) >> 8)
		}
	}
}

// GetPathExtent returns the accumulated path's bounds.
func (s *scanner) GetPathExtent() fixed.Rectangle26_6 {
	return fixed.Rectangle26_6{
		Min: fixed.Point26_6{X: fixed.Int26_6(s.minX * 64), Y: fixed.Int26_6(s.minY * 64)},
		Max: fixed.Point26_6{X: fixed.Int26_6(s.maxX * 64), Y: fixed.Int26_6(s.maxY * 64)},
	}
}

// SetBounds is a no-op: each Draw sizes itself to its path.
func (s *scanner) SetBounds(int, int) {}

// SetColor sets the fill colour; only plain colours are supported.
func (s *scanner) SetColor(c interface{}) {
	if cc, ok := c.(color.Color); ok {
		s.src.C = cc
	}
}

// SetWinding is a no-op: the vector rasteriser uses non-zero winding.
func (s *scanner) SetWinding(bool) {}

// Clear drops the accumulated path.
func (s *scanner) Clear() {
	s.ops = s.ops[:0]
	s.minX, s.minY = math.MaxFloat32, math.MaxFloat32
	s.maxX, s.maxY = -math.MaxFloat32, -math.MaxFloat32
}

// SetClip is a no-op; scenes are clipped to the image.
func (s *scanner) SetClip(image.Rectangle) {}
