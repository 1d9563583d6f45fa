package render

import (
	"image"
	"image/color"
	"testing"
)

func BenchmarkLineColumns(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	c := &canvas{img: img, clip: img.Bounds()}
	c.ramp.set(paintOf(color.NRGBA{0, 100, 200, 255}, 0.3))
	for b.Loop() {
		for i := 0; i < 100; i++ {
			c.line(10, 10+float64(i)*3.3, 1010, 300+float64(i)*5.1, 1, nil)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100000, "ns/column")
}

func BenchmarkLineColumnsSteep(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	c := &canvas{img: img, clip: img.Bounds()}
	c.ramp.set(paintOf(color.NRGBA{0, 100, 200, 255}, 0.3))
	for b.Loop() {
		for i := 0; i < 100; i++ {
			c.line(10+float64(i)*3.3, 10, 300+float64(i)*5.1, 1010, 1, nil)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100000, "ns/column")
}
