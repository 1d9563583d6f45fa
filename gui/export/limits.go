package export

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// The picture limits, for the command line and the window's export dialog
// alike. The largest picture is 8K (33 megapixels, about 130 MB as RGBA);
// the scale stays within what a picture of these sizes can hold: the
// derived scale (picture.ScaleFor) runs from 0.6 at the smallest size to 6
// at 8K, and past 8 the labels and nodes of a still outgrow even 8K.
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

// ScaleRange says the allowed scales, for messages and help.
func ScaleRange() string {
	return fmt.Sprintf("from %g to %g", MinScale, MaxScale)
}

// CheckSize says what is wrong with a w×h picture, or nil.
func CheckSize(w, h int) error {
	if w < MinWidth || h < MinHeight || w > MaxWidth || h > MaxHeight {
		return fmt.Errorf("size %dx%d: use a size %s", w, h, SizeRange())
	}
	return nil
}

// CheckScale says what is wrong with a scale, or nil; 0 means "derive it
// from the size".
func CheckScale(s float64) error {
	if s == 0 {
		return nil
	}
	return checkScale(s, strconv.FormatFloat(s, 'g', 6, 64))
}

// checkScale refuses a scale outside the range, NaN included (it fails
// both comparisons); text is the scale as the user wrote it.
func checkScale(s float64, text string) error {
	if !(s >= MinScale && s <= MaxScale) {
		return fmt.Errorf("scale %s: use a scale %s, or leave it out to follow the size", text, ScaleRange())
	}
	return nil
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

// ParseScale reads a scale the user gave and checks it: here 0 is
// refused, as a scale the user gives is never "derive it".
func ParseScale(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	var ne *strconv.NumError
	if err != nil && !(errors.As(err, &ne) && ne.Err == strconv.ErrRange) {
		return 0, fmt.Errorf("scale %q: write a number %s, e.g. 2", s, ScaleRange())
	}
	// Out of float range, v is ±Inf: refused below like any other.
	if err := checkScale(v, strings.TrimSpace(s)); err != nil {
		return 0, err
	}
	return v, nil
}

// Formats are the extensions File writes.
func Formats() []string { return []string{".png", ".svg", ".gif"} }

// CheckPath says what is wrong with path's extension for a picture (an
// animation only as .gif), or nil.
func CheckPath(path string, animate bool) error {
	ext := strings.ToLower(filepath.Ext(path))
	if animate {
		if ext != ".gif" {
			return fmt.Errorf("%s: an animation is written as .gif; end the name with .gif", path)
		}
		return nil
	}
	for _, f := range Formats() {
		if ext == f {
			return nil
		}
	}
	if ext == "" {
		return fmt.Errorf("%s: the name has no extension; end it with .png, .svg or .gif", path)
	}
	return fmt.Errorf("%s: cannot write %s; end the name with .png, .svg or .gif", path, ext)
}
