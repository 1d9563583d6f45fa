package export

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/echoes-viz/echoes/gui/picture"
)

// TestScaleLimits protects the scale check every export goes through:
// NaN, infinities and huge scales once ran out of memory or panicked, 0
// and negatives were taken, and 100 drew a blank picture.
func TestScaleLimits(t *testing.T) {
	tests := []struct {
		s    float64
		w, h int
		ok   bool
	}{
		{0, 1600, 1000, true}, // derived from the size
		{1, 1600, 1000, true},
		{0.25, 1600, 1000, true},
		{2.5, 1600, 1000, true},
		{2.51, 1600, 1000, false},
		{8, 7680, 4320, true},
		{8.01, 7680, 4320, false},
		{1.2, 64, 64, true},
		{1.3, 64, 64, false},
		{0.24, 1600, 1000, false},
		{-1, 1600, 1000, false},
		{math.NaN(), 1600, 1000, false},
		{math.Inf(1), 7680, 4320, false},
		{math.Inf(-1), 1600, 1000, false},
		{1e9, 7680, 4320, false},
		{1000, 7680, 4320, false},
	}
	for _, tc := range tests {
		err := CheckScale(tc.s, tc.w, tc.h)
		if (err == nil) != tc.ok {
			t.Errorf("CheckScale(%v, %dx%d) = %v, want ok %v", tc.s, tc.w, tc.h, err, tc.ok)
		}
	}
	if _, err := ParseScale("0", 1600, 1000); err == nil {
		t.Error("a scale of 0 given by the user was taken")
	}
}

// TestSizeLimits protects the size check, defined once for the command
// line and the dialog.
func TestSizeLimits(t *testing.T) {
	tests := []struct {
		in   string
		w, h int
		ok   bool
	}{
		{"1920x1080", 1920, 1080, true},
		{" 64X64 ", 64, 64, true},
		{"7680x4320", 7680, 4320, true},
		{"7681x4320", 0, 0, false},
		{"63x64", 0, 0, false},
		{"0x0", 0, 0, false},
		{"-5x100", 0, 0, false},
		{"NaNxNaN", 0, 0, false},
		{"1e9x1e9", 0, 0, false},
		{"99999999999999999999x100", 0, 0, false},
		{"800", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tc := range tests {
		w, h, err := ParseSize(tc.in)
		if (err == nil) != tc.ok || w != tc.w || h != tc.h {
			t.Errorf("ParseSize(%q) = %d, %d, %v; want %d, %d, ok %v", tc.in, w, h, err, tc.w, tc.h, tc.ok)
		}
		if err != nil && (!strings.Contains(err.Error(), "64x64 and 7680x4320") || strings.Contains(err.Error(), "\n")) {
			t.Errorf("ParseSize(%q): message %q should give the range on one line", tc.in, err)
		}
	}
}

// TestBytesRefusesBadScaleAtOnce protects callers other than the command
// line (the window's dialog, a library user): the picture is refused
// before anything is drawn.
func TestBytesRefusesBadScaleAtOnce(t *testing.T) {
	ds := dataset(t)
	for _, s := range []float64{math.NaN(), math.Inf(1), 1e9, -1, 100} {
		start := time.Now()
		_, err := Bytes(".png", ds, What{At: ds.Last()}, picture.Options{Width: 1600, Height: 1000, Scale: s})
		if err == nil {
			t.Errorf("scale %v was drawn", s)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("scale %v took %v to refuse", s, d)
		}
	}
	if _, err := Bytes(".png", ds, What{At: ds.Last()}, picture.Options{Width: 9000, Height: 1000}); err == nil {
		t.Error("a 9000-pixel width was drawn")
	}
}
