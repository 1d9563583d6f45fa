package export

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/gif"
	"image/png"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

func scriptsDataset(t *testing.T) *graphmodel.Dataset {
	t.Helper()
	data, err := os.ReadFile("testdata/scripts.json")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := graphmodel.Parse("scripts.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// inkPerRune reports, for each rune of the label t, whether its part of
// the label's box holds dark pixels (text is near black in the light
// theme; the halo is the background).
func inkPerRune(img image.Image, t render.Text, fonts *render.Fonts) []bool {
	bx := render.TextBox(t, fonts.Width(t.S, t.Size, t.Bold))
	var out []bool
	x := bx[0]
	prefix := ""
	for _, r := range t.S {
		prefix += string(r)
		next := bx[0] + fonts.Width(prefix, t.Size, t.Bold)
		dark := 0
		for py := int(bx[1]); py < int(bx[3]); py++ {
			for px := int(x); px < int(next); px++ {
				cr, cg, cb, _ := img.At(px, py).RGBA()
				if (cr+cg+cb)/3>>8 < 110 {
					dark++
				}
			}
		}
		out = append(out, r == ' ' || dark >= 4)
		x = next
	}
	return out
}

// TestEveryScriptDrawn exports a dataset named in Hangul, Kana/Han
// (simplified) and Cyrillic as PNG, GIF and SVG: every actor's label is
// in the picture, each of its characters with ink where it stands in the
// PNG and GIF, and as text in the SVG with CJK faces in its font list.
// The characters are in Echoes' embedded fonts, so this holds on a
// machine with no CJK font.
func TestEveryScriptDrawn(t *testing.T) {
	ds := scriptsDataset(t)
	day := graphmodel.MustDate("2024").Last()
	o := picture.Options{Width: 1280, Height: 720, Legend: true, Caption: true, Theme: render.Light()}
	fonts, err := render.NewFontsFor("", nil)
	if err != nil {
		t.Fatal(err)
	}
	b := picture.Still(ds, day, o, fonts)
	want := map[string]bool{"中国": true, "日本": true, "대한민국": true, "Россия": true}
	var labels []render.Text
	for _, tx := range b.Texts {
		if tx.Of != "" {
			labels = append(labels, tx)
			delete(want, tx.S)
		}
	}
	if len(want) > 0 {
		t.Fatalf("labels %v missing from the scene", want)
	}
	for _, ext := range []string{".png", ".gif"} {
		data, err := Bytes(ext, ds, What{At: day}, o)
		if err != nil {
			t.Fatal(err)
		}
		var img image.Image
		if ext == ".png" {
			img, err = png.Decode(bytes.NewReader(data))
		} else {
			img, err = gif.Decode(bytes.NewReader(data))
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range labels {
			for i, ok := range inkPerRune(img, l, fonts) {
				if !ok {
					t.Errorf("%s: character %d of %q has no ink", ext, i+1, l.S)
				}
			}
		}
	}
	data, err := Bytes(".svg", ds, What{At: day}, o)
	if err != nil {
		t.Fatal(err)
	}
	texts, root := svgTexts(t, data)
	for _, l := range labels {
		if !texts[l.S] {
			t.Errorf("SVG lacks the label %q", l.S)
		}
	}
	for _, family := range []string{"Noto Sans CJK KR", "Noto Sans CJK JP", "Noto Sans CJK SC"} {
		if !strings.Contains(root["font-family"], family) {
			t.Errorf("SVG font-family %q lacks %s", root["font-family"], family)
		}
	}
}

// svgTexts parses an SVG and returns its texts and the root's attributes.
func svgTexts(t *testing.T, data []byte) (map[string]bool, map[string]string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	texts, root := map[string]bool{}, map[string]string{}
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			if v.Name.Local == "svg" {
				for _, a := range v.Attr {
					k := a.Name.Local
					if a.Name.Space != "" && a.Name.Space != "http://www.w3.org/2000/svg" {
						k = "xml:" + k
					}
					root[k] = a.Value
				}
			}
			inText = v.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts[string(v)] = true
			}
		case xml.EndElement:
			inText = false
		}
	}
	return texts, root
}
