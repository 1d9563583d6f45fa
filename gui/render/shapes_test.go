package render

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// ink is the total coverage an opaque shape left on a transparent image,
// in pixels.
func ink(img *image.RGBA) float64 {
	sum := 0
	for i := 3; i < len(img.Pix); i += 4 {
		sum += int(img.Pix[i])
	}
	return float64(sum) / 255
}

func newTestCanvas() *canvas {
	img := image.NewRGBA(image.Rect(0, 0, 200, 120))
	return &canvas{img: img, clip: img.Bounds()}
}

// Every drawing routine must cover the shape's true area: a line of length
// l and width w covers l·w (less what its dashes leave out), a disc π·r²,
// at any angle and sub-pixel position.
func TestShapeAreas(t *testing.T) {
	black := paintOf(color.NRGBA{A: 255}, 1)
	tests := []struct {
		name string
		draw func(c *canvas)
		area float64
	}{
		{"thin horizontal", func(c *canvas) { c.ramp.set(black); c.line(10.3, 20.6, 150.3, 20.6, 1, nil) }, 140},
		{"thin diagonal", func(c *canvas) { c.ramp.set(black); c.line(10.2, 10.7, 110.2, 110.7, 1, nil) }, 100 * math.Sqrt2},
		{"thin steep", func(c *canvas) { c.ramp.set(black); c.line(50.5, 5.25, 70.5, 105.25, 1.2, nil) }, math.Hypot(20, 100) * 1.2},
		{"thin dashed half on", func(c *canvas) { c.ramp.set(black); c.line(10, 30.5, 170, 30.5, 1, []float64{4, 4}) }, 80},
		{"thin dashed uphill", func(c *canvas) { c.ramp.set(black); c.line(170, 100.5, 10, 20.5, 1, []float64{3, 1}) }, 0.75 * math.Hypot(160, 80)},
		{"wide", func(c *canvas) { c.ramp.set(black); c.wideLine(20.5, 60.25, 180.5, 60.25, 5, nil) }, 160 * 5},
		{"wide diagonal", func(c *canvas) { c.ramp.set(black); c.wideLine(30, 10, 110, 90, 4, nil) }, 80 * math.Sqrt2 * 4},
		{"wide dashed", func(c *canvas) { c.ramp.set(black); c.wideLine(20, 50, 180, 50, 3, []float64{6, 6}) }, 80 * 3},
		{"disc", func(c *canvas) { c.disc(60.3, 50.7, 20, 18, 0, black, black) }, math.Pi * 400},
		{"small disc", func(c *canvas) { c.disc(60.6, 50.1, 2.5, 1.5, 0, black, black) }, math.Pi * 6.25},
		{"triangle", func(c *canvas) { c.triangle([3][2]float64{{10, 10}, {90, 10}, {10, 70}}, black) }, 80 * 60 / 2},
		{"rounded rectangle", func(c *canvas) { c.roundRect(20.5, 20.5, 100, 50, 8, black) }, 100*50 - (4-math.Pi)*64},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newTestCanvas()
			tc.draw(c)
			got := ink(c.img)
			if math.Abs(got-tc.area) > 0.03*tc.area+1.5 {
				t.Errorf("covered %.1f pixels, want %.1f", got, tc.area)
			}
		})
	}
}

// The column-by-column dash walk must agree with the direct lookup.
func TestDashWalkMatchesDashAt(t *testing.T) {
	patterns := [][]float64{{4, 1.5, 1, 1.5}, {0.6, 1.6}, {5, 1.2}, {3, 2}}
	for _, p := range patterns {
		var ends [8]float64
		period := 0.0
		for i, d := range p {
			period += d
			ends[i] = period
		}
		for _, step := range []float64{1, 1.3, -1, -1.41} {
			var w dashWalk
			s := -7.3
			w.start(ends[:len(p)], period, s)
			for k := 0; k < 200; k++ {
				want := dashAt(ends[:len(p)], period, s, math.Abs(step))
				if got := w.cover(math.Abs(step)); math.Abs(got-want) > 1e-9 {
					t.Fatalf("pattern %v, step %v, at %.2f: walk says %.3f, lookup %.3f", p, step, s, got, want)
				}
				w.advance(step)
				s += step
			}
		}
	}
}

// The inner run of a rounded box, filled without geometry, matches the
// box drawn pixel by pixel from its distance field.
func TestRoundRectInnerRun(t *testing.T) {
	p := paintOf(color.NRGBA{250, 250, 245, 232}, 1)
	for _, tc := range []struct{ x, y, w, h, r float64 }{
		{10, 10, 227, 307, 8}, {10.4, 11.7, 60.3, 20.2, 5.05}, {3, 4, 40, 12, 3}, {0.5, 0.5, 9, 9, 0.3}, {-5, 20, 50, 30, 8},
	} {
		img := image.NewRGBA(image.Rect(0, 0, 260, 340))
		want := image.NewRGBA(img.Bounds())
		for i := range img.Pix {
			img.Pix[i] = uint8(i * 7)
		}
		copy(want.Pix, img.Pix)
		(&canvas{img: img, clip: img.Bounds()}).roundRect(tc.x, tc.y, tc.w, tc.h, tc.r, p)
		cx, cy, hx, hy := tc.x+tc.w/2, tc.y+tc.h/2, tc.w/2-tc.r, tc.h/2-tc.r
		for py := 0; py < 340; py++ {
			for px := 0; px < 260; px++ {
				dx, dy := math.Abs(float64(px)+0.5-cx)-hx, math.Abs(float64(py)+0.5-cy)-hy
				d := max(dx, dy) - tc.r
				if dx > 0 && dy > 0 {
					d = math.Hypot(dx, dy) - tc.r
				}
				if d < 0.5 && float64(px) >= math.Floor(tc.x) && float64(px) < math.Ceil(tc.x+tc.w) &&
					float64(py) >= math.Floor(tc.y) && float64(py) < math.Ceil(tc.y+tc.h) {
					p.blend(want.Pix[want.PixOffset(px, py):], coverage(0.5-d))
				}
			}
		}
		if n := differing(img, want); n > 0 {
			t.Errorf("box %+v: %d pixels differ from the distance field's", tc, n)
		}
	}
}

func differing(a, b *image.RGBA) int {
	n := 0
	for i := 0; i < len(a.Pix); i += 4 {
		if [4]uint8(a.Pix[i:i+4]) != [4]uint8(b.Pix[i:i+4]) {
			n++
		}
	}
	return n
}
