package render

import (
	"fmt"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Fonts measures and draws text with Fyne's own typefaces, so labels look
// the same in the window and in every export. A rune Fyne's Noto Sans
// lacks (Hangul, Kana, Han) comes from the next face that has it: the
// CJK subsets embedded for Echoes' own text, then the system's fonts (see
// fallback.go). Faces are cached per size; a Fonts is safe for concurrent
// use.
type Fonts struct {
	lang string // the language whose Han forms come first

	mu    sync.Mutex // guards faces, the faces' own buffers and warned
	faces map[faceKey]font.Face
	// warned holds the actors already reported as having text no face
	// draws, so each is named once.
	warned map[string]bool
	warn   func(string)

	smu     sync.Mutex // guards srcs, system and runeSrc
	srcs    []*source
	system  bool // whether the system's fonts have been looked up
	runeSrc map[srcKey]int

	gmu    sync.RWMutex // guards the glyph and kerning caches
	glyphs map[glyphKey]*glyph
	kerns  map[kernKey]fixed.Int26_6
}

type faceKey struct {
	size float64
	bold bool
	src  int
}

type srcKey struct {
	r    rune
	bold bool
}

// NewFonts parses the bundled typefaces, with Han characters drawn in
// their simplified Chinese forms first, and reports text no face draws
// on standard error.
func NewFonts() (*Fonts, error) { return NewFontsFor("", nil) }

// NewFontsFor is NewFonts for a language ("ko", "ja", "zh-Hans",
// "zh-Hant", "ru", "en" or empty): its Han forms come first. warn gets the
// one-line warning about text no font draws, once per actor; nil writes
// it to standard error.
func NewFontsFor(lang string, warn func(string)) (*Fonts, error) {
	srcs, err := builtinSources(lang)
	if err != nil {
		return nil, err
	}
	if warn == nil {
		warn = warnStderr
	}
	return &Fonts{lang: lang, srcs: srcs, warn: warn, warned: map[string]bool{},
		faces: map[faceKey]font.Face{}, runeSrc: map[srcKey]int{},
		glyphs: map[glyphKey]*glyph{}, kerns: map[kernKey]fixed.Int26_6{}}, nil
}

// Face returns a face of Fyne's Noto Sans at the given pixel size, rounded
// to a quarter pixel so a smooth zoom does not fill the cache.
func (f *Fonts) Face(size float64, bold bool) font.Face {
	return f.face(size, bold, 0)
}

func (f *Fonts) face(size float64, bold bool, src int) font.Face {
	size = math.Max(1, math.Round(size*4)/4)
	k := faceKey{size, bold, src}
	f.mu.Lock()
	defer f.mu.Unlock()
	if face, ok := f.faces[k]; ok {
		return face
	}
	f.smu.Lock()
	s := f.srcs[src]
	f.smu.Unlock()
	face, err := opentype.NewFace(s.pick(bold), &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		// Only invalid sizes fail, and size is clamped above.
		panic(fmt.Sprintf("render: font face at %v: %v", size, err))
	}
	f.faces[k] = face
	return face
}

// Width is the advance width of s in pixels, each rune measured in the
// face that draws it.
func (f *Fonts) Width(s string, size float64, bold bool) float64 {
	size = math.Max(1, math.Round(size*4)/4)
	var w fixed.Int26_6
	prev, prevSrc := rune(-1), -1
	for _, r := range s {
		src := f.sourceOf(r, bold)
		if prev >= 0 && src == prevSrc {
			w += f.kern(size, bold, prev, r)
		}
		w += f.advance(size, bold, r)
		prev, prevSrc = r, src
	}
	return fixedToF(w)
}

// Wrap breaks s into lines no wider than width.
func (f *Fonts) Wrap(s string, size float64, bold bool, width float64) []string {
	var lines []string
	line := ""
	for _, word := range splitWords(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && f.Width(try, size, bold) > width {
			lines = append(lines, line)
			line = word
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func fixedToF(v fixed.Int26_6) float64 { return float64(v) / 64 }
