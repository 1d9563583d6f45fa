package render

import (
	"fmt"
	"math"
	"sync"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Fonts measures and draws text with Fyne's own typefaces, so labels look
// the same in the window and in every export. Faces are cached per size;
// a Fonts is safe for concurrent use.
type Fonts struct {
	regular, bold *opentype.Font

	mu    sync.Mutex // guards faces and the faces' own buffers
	faces map[faceKey]font.Face

	gmu    sync.RWMutex // guards the glyph and kerning caches
	glyphs map[glyphKey]*glyph
	kerns  map[kernKey]fixed.Int26_6
}

type faceKey struct {
	size float64
	bold bool
}

// NewFonts parses the bundled typefaces.
func NewFonts() (*Fonts, error) {
	reg, err := opentype.Parse(theme.DefaultTextFont().Content())
	if err != nil {
		return nil, fmt.Errorf("parse text font: %w", err)
	}
	bold, err := opentype.Parse(theme.DefaultTextBoldFont().Content())
	if err != nil {
		return nil, fmt.Errorf("parse bold font: %w", err)
	}
	return &Fonts{regular: reg, bold: bold, faces: map[faceKey]font.Face{},
		glyphs: map[glyphKey]*glyph{}, kerns: map[kernKey]fixed.Int26_6{}}, nil
}

// Face returns a face of the given pixel size, rounded to a quarter pixel
// so a smooth zoom does not fill the cache.
func (f *Fonts) Face(size float64, bold bool) font.Face {
	size = math.Max(1, math.Round(size*4)/4)
	k := faceKey{size, bold}
	f.mu.Lock()
	defer f.mu.Unlock()
	if face, ok := f.faces[k]; ok {
		return face
	}
	src := f.regular
	if bold {
		src = f.bold
	}
	face, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		// Only invalid sizes fail, and size is clamped above.
		panic(fmt.Sprintf("render: font face at %v: %v", size, err))
	}
	f.faces[k] = face
	return face
}

// Width is the advance width of s in pixels.
func (f *Fonts) Width(s string, size float64, bold bool) float64 {
	face := f.Face(size, bold)
	f.mu.Lock()
	defer f.mu.Unlock()
	return fixedToF(font.MeasureString(face, s))
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
