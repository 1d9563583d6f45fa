package render

import (
	"embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"

	"github.com/echoes-viz/echoes/graphmodel"
)

// cjkFS holds Noto Sans CJK cut down to the characters Echoes itself shows
// in Korean, Japanese and Chinese (the embedded dataset's localised names
// and the interface's translations): a few hundred glyphs per language
// instead of a 20 MB collection. cjk/subset.sh makes them; the test
// TestEmbeddedCoversEchoesText keeps them complete.
//
//go:embed cjk/*.otf
var cjkFS embed.FS

// source is one typeface in the fallback chain, in a regular and a bold
// weight (bold may be the regular face when the family has no bold).
type source struct {
	name          string
	regular, bold *opentype.Font
}

func (s *source) pick(bold bool) *opentype.Font {
	if bold && s.bold != nil {
		return s.bold
	}
	return s.regular
}

// has reports whether the source's face of that weight maps r to a glyph.
func (s *source) has(r rune, bold bool) bool {
	var b sfnt.Buffer
	i, err := s.pick(bold).GlyphIndex(&b, r)
	return err == nil && i != 0
}

// hanOrder is the order the embedded subsets are tried in for each
// language, so shared Han characters take that language's forms.
func hanOrder(lang string) []string {
	switch lang {
	case "ja":
		return []string{"ja", "zh-Hant", "zh-Hans", "ko"}
	case "ko":
		return []string{"ko", "zh-Hant", "ja", "zh-Hans"}
	case "zh-Hant":
		return []string{"zh-Hant", "zh-Hans", "ja", "ko"}
	default:
		return []string{"zh-Hans", "zh-Hant", "ja", "ko"}
	}
}

// builtinSources are Fyne's Noto Sans, then the embedded CJK subsets.
func builtinSources(lang string) ([]*source, error) {
	reg, err := opentype.Parse(theme.DefaultTextFont().Content())
	if err != nil {
		return nil, fmt.Errorf("parse text font: %w", err)
	}
	bold, err := opentype.Parse(theme.DefaultTextBoldFont().Content())
	if err != nil {
		return nil, fmt.Errorf("parse bold font: %w", err)
	}
	srcs := []*source{{name: "Noto Sans", regular: reg, bold: bold}}
	for _, l := range hanOrder(lang) {
		s := &source{name: "Noto Sans CJK (" + l + ", Echoes' subset)"}
		for _, w := range []struct {
			file string
			to   **opentype.Font
		}{{"Regular", &s.regular}, {"Bold", &s.bold}} {
			data, err := cjkFS.ReadFile("cjk/NotoSansCJK-" + l + "-" + w.file + ".otf")
			if err != nil {
				return nil, fmt.Errorf("embedded CJK font: %w", err)
			}
			if *w.to, err = opentype.Parse(data); err != nil {
				return nil, fmt.Errorf("parse embedded CJK font %s %s: %w", l, w.file, err)
			}
		}
		srcs = append(srcs, s)
	}
	return srcs, nil
}

// sourceOf is the index of the first source that draws r; 0 (Noto Sans,
// which draws its box for a missing glyph) when none does.
func (f *Fonts) sourceOf(r rune, bold bool) int {
	return max(0, f.lookup(r, bold))
}

// lookup is sourceOf, or -1 when no source draws r. A rune none of the
// built-in faces has makes Fonts look for the system's fonts, once.
func (f *Fonts) lookup(r rune, bold bool) int {
	k := srcKey{r, bold}
	f.smu.Lock()
	defer f.smu.Unlock()
	if i, ok := f.runeSrc[k]; ok {
		return i
	}
	i, found := f.find(r, bold)
	if !found && !f.system && !invisible(r) {
		f.system = true
		f.srcs = append(f.srcs, systemSources(f.lang)...)
		i, found = f.find(r, bold)
	}
	if !found {
		i = -1
	}
	f.runeSrc[k] = i
	return i
}

func (f *Fonts) find(r rune, bold bool) (int, bool) {
	for i, s := range f.srcs {
		if s.has(r, bold) {
			return i, true
		}
	}
	return 0, false
}

// invisible runes need no glyph: spaces and controls.
func invisible(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }

// Missing lists the runes of s that no font Echoes has or found draws, in
// order, each once.
func (f *Fonts) Missing(s string) []rune {
	var out []rune
	for _, r := range s {
		if !invisible(r) && f.lookup(r, false) < 0 && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// CheckNames warns once per actor whose names (at any date) have
// characters no font draws; the rest of each name is drawn all the same.
// It returns the ids of the actors it warned about now.
func (f *Fonts) CheckNames(ds *graphmodel.Dataset) []string {
	var warned []string
	if f == nil || ds == nil {
		return nil
	}
	for _, a := range ds.Actors {
		for _, n := range a.Names {
			if f.checkName(a.ID, n.Short+" "+n.Name, n.Name) {
				warned = append(warned, a.ID)
				break
			}
		}
	}
	return warned
}

// checkName warns about id once when text has runes no font draws.
func (f *Fonts) checkName(id, text, name string) bool {
	f.mu.Lock()
	done := f.warned[id]
	f.mu.Unlock()
	if done {
		return false
	}
	miss := f.Missing(text)
	if len(miss) == 0 {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.warned[id] {
		return false
	}
	f.warned[id] = true
	f.warn(fmt.Sprintf("echoes: no installed font has %q, in the name of actor %s (%s): those characters are left out; install a font that has them (on Debian or Ubuntu: apt-get install fonts-noto-cjk)",
		string(miss), id, name))
	return true
}

func warnStderr(msg string) { fmt.Fprintln(os.Stderr, msg) }

// fcLang is fontconfig's name for each language Echoes speaks.
var fcLang = map[string]string{"ko": "ko", "ja": "ja", "zh-Hans": "zh-cn", "zh-Hant": "zh-tw", "ru": "ru"}

// systemSources finds the system's sans-serif faces for the region's
// languages the way fontconfig does (fc-match, the language's own first),
// or, without fc-match, the CJK and Noto faces under the usual font
// folders. Files are read on demand, not loaded whole.
func systemSources(lang string) []*source {
	order := []string{lang}
	for _, l := range []string{"ko", "ja", "zh-Hans", "zh-Hant", "ru"} {
		if l != lang {
			order = append(order, l)
		}
	}
	var out []*source
	seen := map[string]bool{}
	add := func(reg, bold fontRef) {
		if seen[reg.key()] {
			return
		}
		seen[reg.key()] = true
		s := &source{name: reg.key()}
		if s.regular = reg.open(); s.regular == nil {
			return
		}
		s.bold = bold.open()
		out = append(out, s)
	}
	if _, err := exec.LookPath("fc-match"); err == nil {
		for _, l := range order {
			if fl, ok := fcLang[l]; ok {
				add(fcMatch("sans-serif:lang="+fl), fcMatch("sans-serif:bold:lang="+fl))
			}
		}
		return out
	}
	for _, p := range scanFonts() {
		add(fontRef{file: p}, fontRef{file: strings.Replace(p, "Regular", "Bold", 1)})
	}
	return out
}

// fontRef is a face in a font file: a file and, for a collection, an index.
type fontRef struct {
	file  string
	index int
}

func (r fontRef) key() string { return r.file + "#" + strconv.Itoa(r.index) }

// open parses the face, reading the file on demand; nil when it cannot.
func (r fontRef) open() *opentype.Font {
	if r.file == "" {
		return nil
	}
	fh, err := os.Open(r.file)
	if err != nil {
		return nil
	}
	// The file stays open for the life of the process: the face reads its
	// glyphs from it.
	if strings.EqualFold(filepath.Ext(r.file), ".ttc") || strings.EqualFold(filepath.Ext(r.file), ".otc") {
		c, err := opentype.ParseCollectionReaderAt(fh)
		if err != nil || r.index >= c.NumFonts() {
			fh.Close()
			return nil
		}
		f, err := c.Font(r.index)
		if err != nil {
			fh.Close()
			return nil
		}
		return f
	}
	f, err := opentype.ParseReaderAt(fh)
	if err != nil {
		fh.Close()
		return nil
	}
	return f
}

// fcMatch asks fontconfig for the file and index of pattern's best face.
func fcMatch(pattern string) fontRef {
	out, err := exec.Command("fc-match", "--format=%{file}|%{index}", pattern).Output()
	if err != nil {
		return fontRef{}
	}
	file, idx, _ := strings.Cut(string(out), "|")
	i, _ := strconv.Atoi(strings.TrimSpace(idx))
	return fontRef{file: file, index: i}
}

// scanFonts lists the CJK font files (and other Noto faces after them)
// under the folders fontconfig reads by default on Linux.
func scanFonts() []string {
	home, _ := os.UserHomeDir()
	var cjk, other []string
	for _, dir := range []string{"/usr/share/fonts", "/usr/local/share/fonts", filepath.Join(home, ".local/share/fonts"), filepath.Join(home, ".fonts")} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			name := filepath.Base(p)
			ext := strings.ToLower(filepath.Ext(name))
			if ext != ".ttf" && ext != ".otf" && ext != ".ttc" && ext != ".otc" || strings.Contains(name, "Bold") {
				return nil
			}
			switch {
			case strings.Contains(name, "CJK") && strings.Contains(name, "Sans"):
				cjk = append(cjk, p)
			case strings.Contains(name, "Sans"):
				other = append(other, p)
			}
			return nil
		})
	}
	return append(cjk, other...)
}

// EmbeddedCJK is Echoes' own subset of Noto Sans CJK for lang ("ko",
// "ja", "zh-Hans", "zh-Hant"), regular or bold, and false for any other
// language. It has printable ASCII too, so it can stand alone as an
// interface font.
func EmbeddedCJK(lang string, bold bool) ([]byte, bool) {
	weight := "Regular"
	if bold {
		weight = "Bold"
	}
	data, err := cjkFS.ReadFile("cjk/NotoSansCJK-" + lang + "-" + weight + ".otf")
	return data, err == nil
}

// SystemHasCJK reports whether the system has a face, found as Fonts finds
// them, that draws lang's script (a Hangul syllable for Korean, Kana for
// Japanese, a Han character of the right form for Chinese).
func SystemHasCJK(lang string) bool {
	sample := map[string]rune{"ko": '한', "ja": 'の', "zh-Hans": '国', "zh-Hant": '國'}[lang]
	if sample == 0 {
		return true
	}
	for _, s := range systemSources(lang) {
		if s.has(sample, false) {
			return true
		}
	}
	return false
}
