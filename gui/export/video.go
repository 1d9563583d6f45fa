package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

// VideoRate is the frame rate frames are read at, 50/3 a second: one
// video frame is one glide frame of the GIF (6/100 s). A hold is not
// written as the 58 copies its 3.5 s would take: each timeline frame is
// written once and ffmpeg stamps it with its time (holdPTS), so the video
// has a variable frame rate, the GIF's timing exactly, and a twelfth of
// the frames to encode.
const VideoRate = "50/3"

// videoFrameCs is one video frame in 1/100 s.
const videoFrameCs = 6.0

// IsVideo reports whether ext (".mp4", ".webm") is written as a video.
func IsVideo(ext string) bool {
	switch strings.ToLower(ext) {
	case ".mp4", ".webm":
		return true
	}
	return false
}

// ffmpegArgs are the encoder settings per container: H.264 in MP4 and
// VP9 in WebM, both yuv420p (what PowerPoint, Keynote and Google Slides
// play), the size made even as yuv420p needs.
func ffmpegArgs(ext string, w, h int, vfr bool, out string) []string {
	vf := "pad=ceil(iw/2)*2:ceil(ih/2)*2"
	if vfr {
		vf = holdPTS() + "," + vf
	}
	args := []string{"-hide_banner", "-loglevel", "error", "-nostdin", "-y",
		"-f", "rawvideo", "-pix_fmt", "rgb24", "-s", fmt.Sprintf("%dx%d", w, h), "-framerate", VideoRate, "-i", "pipe:0",
		"-vf", vf, "-pix_fmt", "yuv420p", "-fflags", "+bitexact", "-map_metadata", "-1"}
	if vfr {
		args = append(args, "-fps_mode", "vfr")
	}
	if ext == ".webm" {
		args = append(args, "-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "34", "-row-mt", "1", "-deadline", "good", "-cpu-used", "5", "-f", "webm")
	} else {
		// Timeline frames are flat drawings that change little: a look-ahead
		// of two frames, one reference frame, no B-frames and one thread
		// keep x264 at 4K near 300 MB instead of 1.8 GB (its defaults look
		// 40 frames ahead with three threads), and CRF 27 keeps the 1080p
		// timeline under 10 MB with the lines and text sharp.
		args = append(args, "-c:v", "libx264", "-preset", "medium", "-crf", "27",
			"-x264-params", "rc-lookahead=2:ref=1:bframes=0:threads=1:lookahead-threads=1", "-movflags", "+faststart", "-f", "mp4")
	}
	return append(args, out)
}

// holdPTS is the filter that gives frame N of a timeline its time: the
// holds before it (one every picture.GlideFrames frames, from the first)
// at picture.HoldDelay each, the glides at picture.GlideDelay.
func holdPTS() string {
	holds := fmt.Sprintf("ceil(N/%d)", picture.GlideFrames)
	return fmt.Sprintf("setpts='(%s*%g+(N-%s)*%g)/TB'", holds, float64(picture.HoldDelay)/100, holds, float64(picture.GlideDelay)/100)
}

// timedByPattern reports whether the timeline's delays follow holdPTS's
// pattern (a hold, then GlideFrames-1 glides, ..., ending on a hold).
func timedByPattern(tl picture.Timeline) bool {
	if len(tl.Delays)%picture.GlideFrames != 1 {
		return false
	}
	for i, d := range tl.Delays {
		want := picture.GlideDelay
		if i%picture.GlideFrames == 0 {
			want = picture.HoldDelay
		}
		if d != want {
			return false
		}
	}
	return true
}

// FFmpeg is the path of ffmpeg, or an error that says how to get it.
func FFmpeg() (string, error) {
	p, err := exec.LookPath("ffmpeg")
	if err != nil {
		return "", errors.New("writing video needs ffmpeg, which is not on the PATH: install the ffmpeg package (apt install ffmpeg, dnf install ffmpeg, brew install ffmpeg)")
	}
	return p, nil
}

// writeVideo encodes the timeline as a video through ffmpeg, which reads
// raw frames from a pipe as they are drawn and writes a temporary file
// beside path; the file is renamed into place only when ffmpeg succeeds.
func writeVideo(path string, ds *graphmodel.Dataset, what What, o picture.Options, run Run) (err error) {
	bin, err := FFmpeg()
	if err != nil {
		return err
	}
	if !what.Animate {
		return errors.New("a video is of the timeline; add --animate")
	}
	ds, o, fonts, err := prepare(ds, o)
	if err != nil {
		return err
	}
	o.Transparent = false // a video has no alpha: the theme's background
	ext := strings.ToLower(filepath.Ext(path))
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*"+ext)
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer func() {
		if err != nil {
			os.Remove(tmpName)
		}
	}()
	ctx, cancel := context.WithCancel(run.ctx())
	defer cancel()
	tl := picture.NewTimeline(ds, what.From, what.To, fonts)
	vfr := timedByPattern(tl)
	cmd := exec.CommandContext(ctx, bin, ffmpegArgs(ext, o.Width, o.Height, vfr, tmpName)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start ffmpeg: %w", err)
	}
	err = streamFrames(ctx, pipe, tl, vfr, o, fonts, run)
	pipe.Close()
	werr := cmd.Wait()
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err == nil && werr != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:]
		}
		err = fmt.Errorf("ffmpeg failed (%v): %s", werr, msg)
	}
	if err != nil {
		return err
	}
	// CreateTemp makes the file private; a picture is for sharing, as the
	// other formats are written.
	if err := os.Chmod(tmpName, 0o644); err != nil {
		return err
	}
	return os.Rename(tmpName, path)
}

// streamFrames draws the timeline's frames and writes each to w as raw
// RGB: once, and the last twice so its hold has an end, when ffmpeg times
// them (vfr); else as many times as its delay lasts in video frames.
func streamFrames(ctx context.Context, w io.Writer, tl picture.Timeline, vfr bool, o picture.Options, fonts *render.Fonts, run Run) error {
	// Frame buffers go round: those written come back for the next.
	free := make(chan []byte, 8)
	newConv := func() func(*image.RGBA) []byte {
		return func(img *image.RGBA) []byte {
			var buf []byte
			select {
			case buf = <-free:
			default:
				buf = make([]byte, o.Width*o.Height*3)
			}
			toRGB(buf, img)
			return buf
		}
	}
	var total float64 // hundredths of a second so far
	written := 0      // video frames so far
	return drawFrames(ctx, tl, o, fonts, newConv, func(i int, buf []byte) error {
		total += float64(tl.Delays[i])
		n := int(math.Round(total/videoFrameCs)) - written
		if vfr {
			n = 1
			if i == len(tl.Frames)-1 {
				n = 2
			}
		}
		for k := 0; k < n; k++ {
			if _, err := w.Write(buf); err != nil {
				return fmt.Errorf("write to ffmpeg: %w", err)
			}
		}
		written += n
		select {
		case free <- buf:
		default:
		}
		run.report(i+1, len(tl.Frames))
		return nil
	})
}

// toRGB packs img's pixels as RGB, dropping alpha (the picture is opaque).
func toRGB(dst []byte, img *image.RGBA) {
	b := img.Bounds()
	k := 0
	for y := 0; y < b.Dy(); y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+b.Dx()*4]
		for x := 0; x < len(row); x += 4 {
			dst[k], dst[k+1], dst[k+2] = row[x], row[x+1], row[x+2]
			k += 3
		}
	}
}
