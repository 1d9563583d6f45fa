package export

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata")

// TestGoldenPNG compares the 2024 picture with a golden image. Fonts and
// antialiasing may shift a few pixels between machines, so it allows up
// to 0.5% of pixels to differ by more than 48 levels in a channel; a
// moved node, a lost edge or a new colour breaks it.
func TestGoldenPNG(t *testing.T) {
	ds := dataset(t)
	for _, tc := range []struct {
		name  string
		theme *render.Theme
		day   string
	}{
		{"2024-light", render.Light(), "2024"},
		{"1950-projector", render.Projector(), "1950"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := Bytes(".png", ds, What{At: graphmodel.MustDate(tc.day).Last()},
				picture.Options{Width: 960, Height: 600, Theme: tc.theme, Legend: true, Caption: true})
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden-"+tc.name+".png")
			if *update {
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./gui/export -run Golden -update to make it)", err)
			}
			a, _ := png.Decode(bytes.NewReader(data))
			b, _ := png.Decode(bytes.NewReader(want))
			frac := pixelDiff(a, b, 48)
			if frac > 0.005 {
				os.MkdirAll(filepath.Join("testdata", "failed"), 0o755)
				os.WriteFile(filepath.Join("testdata", "failed", tc.name+".png"), data, 0o644)
				t.Errorf("%.2f%% of pixels differ from %s (limit 0.5%%); the new image is in testdata/failed", frac*100, path)
			}
		})
	}
}

func pixelDiff(a, b image.Image, tol uint32) float64 {
	if a.Bounds() != b.Bounds() {
		return 1
	}
	bad := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, _ := a.At(x, y).RGBA()
			br, bg, bb, _ := b.At(x, y).RGBA()
			if absDiff(ar, br)>>8 > tol || absDiff(ag, bg)>>8 > tol || absDiff(ab, bb)>>8 > tol {
				bad++
			}
		}
	}
	return float64(bad) / float64(r.Dx()*r.Dy())
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
