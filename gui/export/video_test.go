package export

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

// TestVideo writes a year of the timeline as MP4 and WebM and checks,
// with ffprobe, the codec, the pixel format and that the video lasts what
// the GIF's delays add up to.
func TestVideo(t *testing.T) {
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Skip("ffmpeg not installed")
	}
	ds := dataset(t)
	from, to := graphmodel.MustDate("1950-01-01").First(), graphmodel.MustDate("1950").Last()
	fonts, _ := render.NewFonts()
	tl := picture.NewTimeline(ds, from, to, fonts)
	gifSecs := 0.0
	for _, d := range tl.Delays {
		gifSecs += float64(d) / 100
	}
	for _, tc := range []struct{ ext, codec string }{{".mp4", "h264"}, {".webm", "vp9"}} {
		t.Run(tc.ext, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "v"+tc.ext)
			what := What{Animate: true, From: from, To: to}
			if err := File(path, ds, what, picture.Options{Width: 321, Height: 201, Caption: true}); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,pix_fmt:format=duration", "-of", "default=nw=1", path).Output()
			if err != nil {
				t.Fatalf("ffprobe: %v", err)
			}
			got := string(out)
			for _, want := range []string{"codec_name=" + tc.codec, "pix_fmt=yuv420p"} {
				if !strings.Contains(got, want) {
					t.Errorf("ffprobe says %q, want %s", got, want)
				}
			}
			_, d, _ := strings.Cut(got, "duration=")
			secs, _ := strconv.ParseFloat(strings.TrimSpace(d), 64)
			if math.Abs(secs-gifSecs) > 0.2 {
				t.Errorf("video lasts %.2f s, the GIF %.2f s", secs, gifSecs)
			}
		})
	}
}

// TestVideoWithoutFFmpeg checks that without ffmpeg the error names the
// package and nothing is written.
func TestVideoWithoutFFmpeg(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", dir)
	path := filepath.Join(dir, "v.mp4")
	err := File(path, dataset(t), What{Animate: true, From: graphmodel.MustDate("1950").First(), To: graphmodel.MustDate("1950").Last()},
		picture.Options{Width: 320, Height: 200})
	if err == nil || !strings.Contains(err.Error(), "install the ffmpeg package") || strings.Contains(err.Error(), "\n") {
		t.Errorf("err %v, want one line naming the ffmpeg package", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %v", entries)
	}
}
