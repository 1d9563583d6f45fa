package render

import (
	"math"
	"strings"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// FaceRun is a piece of a line of text drawn in one face: its runes and
// where each starts, in pixels from the line's start, exactly where the
// raster backend draws them.
type FaceRun struct {
	Face  int // index of the face in the Fonts' fallback chain
	Runes []rune
	X     []float64
}

// Runs lays out s at size as the raster backend does (the size rounded to
// a quarter pixel, each rune's advance and kerning summed in fixed point)
// and splits it into runs of the face that draws each rune, for backends
// that write text as text (PDF). It also gives the line's width.
func (f *Fonts) Runs(s string, size float64, bold bool) ([]FaceRun, float64) {
	size = math.Max(1, math.Round(size*4)/4)
	var runs []FaceRun
	var dot fixed.Int26_6
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot += f.kern(size, bold, prev, r)
		}
		prev = r
		src := f.sourceOf(r, bold)
		if len(runs) == 0 || runs[len(runs)-1].Face != src {
			runs = append(runs, FaceRun{Face: src})
		}
		last := &runs[len(runs)-1]
		last.Runes = append(last.Runes, r)
		last.X = append(last.X, fixedToF(dot))
		dot += f.advance(size, bold, r)
	}
	return runs, fixedToF(dot)
}

// FaceFont is face i of the fallback chain in the given weight, for
// glyph indices, advances and outlines.
func (f *Fonts) FaceFont(i int, bold bool) *sfnt.Font {
	f.smu.Lock()
	defer f.smu.Unlock()
	return f.srcs[i].pick(bold)
}

// FaceFile is the name and the font file of face i in the given weight,
// for a backend that embeds it; data is nil for a system face, which a
// backend draws as outlines instead.
func (f *Fonts) FaceFile(i int, bold bool) (name string, data []byte) {
	f.smu.Lock()
	s := f.srcs[i]
	f.smu.Unlock()
	weight := "Regular"
	if bold && s.bold != nil {
		weight = "Bold"
	}
	if i == 0 {
		if weight == "Bold" {
			return "NotoSans-Bold", theme.DefaultTextBoldFont().Content()
		}
		return "NotoSans-Regular", theme.DefaultTextFont().Content()
	}
	// The embedded subsets are named "Noto Sans CJK (LANG, Echoes' subset)".
	lang, ok := strings.CutPrefix(s.name, "Noto Sans CJK (")
	if !ok {
		return s.name, nil
	}
	lang, _, _ = strings.Cut(lang, ",")
	data, err := cjkFS.ReadFile("cjk/NotoSansCJK-" + lang + "-" + weight + ".otf")
	if err != nil {
		return s.name, nil
	}
	return "NotoSansCJK" + strings.ReplaceAll(lang, "-", "") + "-" + weight, data
}
