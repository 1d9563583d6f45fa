package render

import (
	"image"
	"image/color"
	"testing"
)

// BenchmarkLineColumns strokes 100 one-pixel lines of 1,000 columns each,
// shallow and steep, and reports the cost of one column (two or three
// blended pixels).
func BenchmarkLineColumns(b *testing.B) {
	for _, steep := range []bool{false, true} {
		name := "shallow"
		if steep {
			name = "steep"
		}
		b.Run(name, func(b *testing.B) {
			img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
			c := &canvas{img: img, clip: img.Bounds()}
			c.ramp.set(paintOf(color.NRGBA{0, 100, 200, 255}, 0.3))
			for b.Loop() {
				for i := 0; i < 100; i++ {
					x0, y0, x1, y1 := 10.0, 10+float64(i)*3.3, 1010.0, 300+float64(i)*5.1
					if steep {
						x0, y0, x1, y1 = y0, x0, y1, x1
					}
					c.line(x0, y0, x1, y1, 1, nil)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100000, "ns/column")
		})
	}
}
