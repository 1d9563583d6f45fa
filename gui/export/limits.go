package export

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/echoes-viz/echoes/gui/picture"
)

// The picture limits, for the command line and the window's export dialog
// alike. The largest picture is 8K (33 megapixels, about 130 MB as RGBA).
// A scale is at most MaxScale, and at most twice the scale the size is
// drawn at by default (MaxScaleFor): the derived scale (picture.ScaleFor)
// runs from 0.6 at the smallest size to 6 at 8K, and past twice it the
// labels and caption crowd the network out of the picture.
const (
	MinWidth, MinHeight = 64, 64
	MaxWidth, MaxHeight = 7680, 4320
	MinScale, MaxScale  = 0.25, 8.0
)

// The default picture sizes: a still, and an animation (smaller, since a
// GIF of the whole timeline grows with every pixel).
const (
	StillWidth, StillHeight     = 1600, 1000
	AnimateWidth, AnimateHeight = 1280, 720
)

// SizeRange says the allowed sizes, for messages and help.
func SizeRange() string {
	return fmt.Sprintf("between %dx%d and %dx%d", MinWidth, MinHeight, MaxWidth, MaxHeight)
}

// MaxScaleFor is the largest scale a w×h picture takes: twice its
// default scale, rounded down to hundredths, and never over MaxScale.
func MaxScaleFor(w, h int) float64 {
	return math.Min(MaxScale, math.Floor(200*picture.ScaleFor(float64(w), float64(h)))/100)
}

// CheckSize says what is wrong with a w×h picture, or nil.
func CheckSize(w, h int) error {
	if w < MinWidth || h < MinHeight || w > MaxWidth || h > MaxHeight {
		return fmt.Errorf("size %dx%d: use a size %s", w, h, SizeRange())
	}
	return nil
}

// CheckScale says what is wrong with the scale of a w×h picture, or nil;
// 0 means "derive it from the size".
func CheckScale(s float64, w, h int) error {
	if s == 0 {
		return nil
	}
	return checkScale(s, strconv.FormatFloat(s, 'g', 6, 64), w, h)
}

// checkScale refuses a scale outside the range, NaN included (it fails
// both comparisons); text is the scale as the user wrote it.
func checkScale(s float64, text string, w, h int) error {
	top := MaxScaleFor(w, h)
	if s >= MinScale && s <= top {
		return nil
	}
	more := ""
	if top < MaxScale && s >= MinScale && s <= MaxScale {
		more = " (a bigger size takes more)"
	}
	return fmt.Errorf("scale %s: at %dx%d use a scale from %g to %g%s, or leave it out to follow the size", text, w, h, MinScale, top, more)
}

// ParseSize reads WxH (e.g. 1920x1080) and checks it.
func ParseSize(s string) (w, h int, err error) {
	ws, hs, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "x")
	if ok {
		w, err = strconv.Atoi(strings.TrimSpace(ws))
		if err == nil {
			h, err = strconv.Atoi(strings.TrimSpace(hs))
		}
	}
	if !ok || err != nil {
		return 0, 0, fmt.Errorf("size %q: write width x height in whole pixels, e.g. 1920x1080, %s", s, SizeRange())
	}
	if err := CheckSize(w, h); err != nil {
		return 0, 0, err
	}
	return w, h, nil
}

// ParseScale reads the scale the user gave for a w×h picture and checks
// it: here 0 is refused, as a scale the user gives is never "derive it".
func ParseScale(s string, w, h int) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	var ne *strconv.NumError
	if err != nil && !(errors.As(err, &ne) && ne.Err == strconv.ErrRange) {
		return 0, fmt.Errorf("scale %q is not a number; at %dx%d use a scale from %g to %g, or leave it out to follow the size", s, w, h, MinScale, MaxScaleFor(w, h))
	}
	// Out of float range, v is ±Inf: refused below like any other.
	if err := checkScale(v, strings.TrimSpace(s), w, h); err != nil {
		return 0, err
	}
	return v, nil
}

// Formats are the extensions File writes: pictures, then the animations
// (.gif is both).
func Formats() []string { return []string{".png", ".svg", ".pdf", ".gif", ".mp4", ".webm"} }

// CheckPath says what is wrong with path's extension for a picture (an
// animation only as .gif, .mp4 or .webm; a still not as a video), or nil.
func CheckPath(path string, animate bool) error {
	ext := strings.ToLower(filepath.Ext(path))
	if animate {
		if ext != ".gif" && !IsVideo(ext) {
			return fmt.Errorf("%s: an animation is written as .gif, .mp4 or .webm; end the name with one of them", path)
		}
		return nil
	}
	if IsVideo(ext) {
		return fmt.Errorf("%s: a video is of the timeline; add --animate, or end the name with .png, .svg, .pdf or .gif", path)
	}
	for _, f := range Formats() {
		if ext == f {
			return nil
		}
	}
	if ext == "" {
		return fmt.Errorf("%s: the name has no extension; end it with .png, .svg, .pdf, .gif, .mp4 or .webm", path)
	}
	return fmt.Errorf("%s: cannot write %s; end the name with .png, .svg, .pdf, .gif, .mp4 or .webm", path, ext)
}
