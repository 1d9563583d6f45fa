package export

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"testing"
)

// TestEncodePNGRoundTrip decodes what EncodePNG writes with the standard
// decoder and compares every pixel, opaque and translucent, across band
// boundaries.
func TestEncodePNGRoundTrip(t *testing.T) {
	rnd := rand.New(rand.NewSource(7))
	for _, tc := range []struct {
		w, h   int
		opaque bool
	}{{1, 1, true}, {37, 300, true}, {640, 777, true}, {129, 513, false}} {
		img := image.NewRGBA(image.Rect(0, 0, tc.w, tc.h))
		for i := 0; i < len(img.Pix); i += 4 {
			a := uint8(255)
			if !tc.opaque {
				a = uint8(rnd.Intn(256))
			}
			c := color.NRGBA{uint8(rnd.Intn(256)), uint8(rnd.Intn(256)), uint8(rnd.Intn(256)), a}
			img.Set((i/4)%tc.w, (i/4)/tc.w, c)
		}
		var buf bytes.Buffer
		if err := EncodePNG(&buf, img); err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("%dx%d: decode: %v", tc.w, tc.h, err)
		}
		for y := 0; y < tc.h; y++ {
			for x := 0; x < tc.w; x++ {
				want := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
				have := color.NRGBAModel.Convert(got.At(x, y)).(color.NRGBA)
				if want != have {
					t.Fatalf("%dx%d: pixel (%d,%d) = %v, want %v", tc.w, tc.h, x, y, have, want)
				}
			}
		}
	}
}
