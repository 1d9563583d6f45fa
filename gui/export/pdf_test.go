package export

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

// TestSubsetKeepsGlyphs checks a subset of Noto Sans still parses, keeps
// the glyphs asked for (composites with their parts) and is smaller.
func TestSubsetKeepsGlyphs(t *testing.T) {
	fonts, err := render.NewFonts()
	if err != nil {
		t.Fatal(err)
	}
	_, data := fonts.FaceFile(0, false)
	sf, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	var gids []sfnt.GlyphIndex
	for _, r := range "Korea–Ünion é" {
		g, _ := sf.GlyphIndex(&buf, r)
		gids = append(gids, g)
	}
	sub, err := subsetTrueType(data, gids)
	if err != nil {
		t.Fatal(err)
	}
	if len(sub) >= len(data)/2 {
		t.Errorf("subset %d bytes of %d", len(sub), len(data))
	}
	ss, err := sfnt.Parse(sub)
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	for _, g := range gids {
		want, err1 := sf.LoadGlyph(&buf, g, 1000*64, nil)
		got, err2 := ss.LoadGlyph(&buf, g, 1000*64, nil)
		if err1 != nil || err2 != nil || len(got) != len(want) || len(want) == 0 && g != 3 && g != 0 {
			t.Errorf("glyph %d: %d segments (%v), want %d (%v)", g, len(got), err2, len(want), err1)
		}
	}
}

// TestPDFText writes stills, a comparison and checks the file has its
// fonts embedded and, where poppler is installed, that pdffonts finds
// them embedded and subset and pdftotext reads the text back.
func TestPDFText(t *testing.T) {
	ds := dataset(t)
	o := picture.Options{Width: 800, Height: 500, Legend: true, Caption: true}
	for _, tc := range []struct {
		name string
		lang string
		what What
		want []string
	}{
		{"still", "", What{At: graphmodel.MustDate("2024").Last()}, []string{"2024", "North Korea", "Legend"}},
		{"compare", "", What{Compare: true, At: graphmodel.MustDate("1950").Last(), Other: graphmodel.MustDate("2024").Last()}, []string{"1950", "2024", "Japan"}},
		{"filmstrip", "", What{Filmstrip: []graphmodel.Day{graphmodel.MustDate("1950").Last(), graphmodel.MustDate("1991").Last(), graphmodel.MustDate("2024").Last()}},
			[]string{"1950", "1991", "2024", "Alliance"}},
		{"still in Korean", "ko", What{At: graphmodel.MustDate("2024").Last()}, []string{"2024", "북한", "범례"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := o
			o.Lang = tc.lang
			data, err := Bytes(".pdf", ds, tc.what, o)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := Bytes(".pdf", ds, tc.what, o)
			if !bytes.Equal(data, again) {
				t.Error("two PDFs of the same picture differ")
			}
			for _, s := range []string{"%PDF-1.7", "/FontFile2", "/ToUnicode", "/Identity-H", "%%EOF"} {
				if !bytes.Contains(data, []byte(s)) {
					t.Errorf("no %s in the PDF", s)
				}
			}
			if _, err := exec.LookPath("pdftotext"); err != nil {
				t.Skip("pdftotext not installed (poppler-utils)")
			}
			path := filepath.Join(t.TempDir(), "p.pdf")
			if err := WriteAtomic(path, data); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdftotext", path, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			for _, s := range tc.want {
				if !strings.Contains(string(out), s) {
					t.Errorf("pdftotext does not find %q in:\n%s", s, out)
				}
			}
			fl, err := exec.Command("pdffonts", path).Output()
			if err != nil {
				t.Fatalf("pdffonts: %v", err)
			}
			for _, line := range strings.Split(string(fl), "\n")[2:] {
				if f := strings.Fields(line); len(f) > 0 && !strings.Contains(line, "yes yes yes") {
					t.Errorf("font not embedded, subset and mapped: %s", line)
				}
			}
		})
	}
}
