package export

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/gif"
	"os"
	"path/filepath"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

// wholeGIF is the animation as it was made before it streamed: every
// frame drawn and kept, then image/gif.EncodeAll of the list.
func wholeGIF(t *testing.T, ds *graphmodel.Dataset, from, to graphmodel.Day, o picture.Options, fonts *render.Fonts) []byte {
	t.Helper()
	tl := picture.NewTimeline(ds, from, to, fonts)
	pal := Palette(o.Theme, ds)
	q := newQuantizer(pal)
	var out gif.GIF
	var prev *image.Paletted
	for i, f := range tl.Frames {
		b := render.Build(f, tl.Options(o), fonts)
		full := q.quantize(render.Raster(b.Scene, fonts))
		img := full
		if prev != nil {
			img = delta(prev, full)
		}
		prev = full
		out.Image = append(out.Image, img)
		out.Delay = append(out.Delay, tl.Delays[i])
		out.Disposal = append(out.Disposal, gif.DisposalNone)
	}
	out.Config = image.Config{ColorModel: pal, Width: o.Width, Height: o.Height}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, &out); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGIFStreamsSameBytes checks the streamed GIF is byte for byte the
// one EncodeAll makes of the whole list of frames, for ranges of one stop
// (a single frame) and of several.
func TestGIFStreamsSameBytes(t *testing.T) {
	ds := dataset(t)
	fonts, err := render.NewFonts()
	if err != nil {
		t.Fatal(err)
	}
	o := picture.Options{Width: 320, Height: 200, Legend: true, Caption: true, Theme: render.Light()}
	for _, tc := range []struct{ name, from, to string }{
		{"one stop", "1950-06-25", "1950-06-25"},
		{"a year", "1950-01-01", "1950"},
		{"two years", "1971", "1972"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, to := graphmodel.MustDate(tc.from).First(), graphmodel.MustDate(tc.to).Last()
			got, _, err := Animate(ds, from, to, o, fonts)
			if err != nil {
				t.Fatal(err)
			}
			if want := wholeGIF(t, ds, from, to, o, fonts); !bytes.Equal(got, want) {
				t.Errorf("streamed GIF differs from EncodeAll's: %d bytes, want %d", len(got), len(want))
			}
		})
	}
}

// TestCancelLeavesNoFile cancels an animation after its first frames and
// checks no file (and no temporary file) is left, and that an older file
// of that name is kept as it was.
func TestCancelLeavesNoFile(t *testing.T) {
	ds := dataset(t)
	dir := t.TempDir()
	what := What{Animate: true, From: graphmodel.MustDate("1950").First(), To: graphmodel.MustDate("1953").Last()}
	o := picture.Options{Width: 320, Height: 200, Caption: true}
	for _, tc := range []struct {
		name string
		old  bool
	}{{"new file", false}, {"over an old file", true}} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".gif")
			if tc.old {
				if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var calls int
			err := Write(path, ds, what, o, Run{Ctx: ctx, Progress: func(done, total int) {
				calls++
				if done == 3 {
					cancel()
				}
			}})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err %v, want context.Canceled", err)
			}
			data, rerr := os.ReadFile(path)
			switch {
			case tc.old && string(data) != "old":
				t.Errorf("old file now %q (%v)", data, rerr)
			case !tc.old && rerr == nil:
				t.Errorf("a cancelled export left %s", path)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "over an old file.gif" {
					t.Errorf("left behind: %s", e.Name())
				}
			}
			if calls < 3 {
				t.Errorf("progress heard %d times before the cancel", calls)
			}
		})
	}
}
