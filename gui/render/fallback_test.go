package render

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/resources"
)

// builtinOnly is a Fonts that never looks at the system's fonts, as on a
// machine with none but Echoes' own.
func builtinOnly(t *testing.T, lang string, warn func(string)) *Fonts {
	t.Helper()
	f, err := NewFontsFor(lang, warn)
	if err != nil {
		t.Fatal(err)
	}
	f.system = true
	return f
}

// TestEmbeddedCoversEchoesText holds the embedded CJK subsets to every
// character Echoes itself writes: the embedded dataset's names in every
// language and every translation. When it fails, run cjk/subset.sh.
func TestEmbeddedCoversEchoesText(t *testing.T) {
	ds, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, a := range ds.Actors {
		for _, n := range a.Names {
			for _, l := range n.Localised {
				texts = append(texts, l.Name, l.Short)
			}
		}
	}
	for _, g := range ds.Groupings {
		for _, l := range g.Localised {
			texts = append(texts, l.Name)
		}
	}
	files, _ := filepath.Glob("../lang/translations/*.json")
	if len(files) == 0 {
		t.Fatal("no translations found in ../lang/translations")
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, v := range m {
			texts = append(texts, v)
		}
	}
	texts = append(texts, "1950년 6월 25일", "1950年6月25日", "25 июня 1950 г.")
	for _, lang := range []string{"", "ko", "ja", "zh-Hans", "zh-Hant", "ru"} {
		f := builtinOnly(t, lang, nil)
		for _, s := range texts {
			if miss := f.Missing(s); len(miss) > 0 {
				t.Errorf("lang %q: the embedded fonts lack %q of %q; run gui/render/cjk/subset.sh", lang, string(miss), s)
			}
		}
	}
}

// TestMissingWarnsOncePerActor names an actor with characters no font has
// once, however often its names are checked, and not the others.
func TestMissingWarnsOncePerActor(t *testing.T) {
	var got []string
	f, err := NewFontsFor("", func(s string) { got = append(got, s) })
	if err != nil {
		t.Fatal(err)
	}
	ds := &graphmodel.Dataset{Actors: []*graphmodel.Actor{
		{ID: "KOR", Names: []graphmodel.NameSpan{{Name: "대한민국", Short: "한국"}}},
		{ID: "NOWHERE", Names: []graphmodel.NameSpan{{Name: "Land \U0010FFFD", Short: "L\U0010FFFD"}}},
	}}
	for range 3 {
		f.CheckNames(ds)
	}
	if len(got) != 1 || !strings.Contains(got[0], "NOWHERE") || !strings.Contains(got[0], "Land") {
		t.Fatalf("warnings %q, want one naming NOWHERE", got)
	}
	// What can be drawn still is: the Latin letters keep their widths.
	if w, l := f.Width("L\U0010FFFD", 20, true), f.Width("L", 20, true); w < l {
		t.Errorf("the name with a missing character is %.1f px wide, less than its letter L (%.1f)", w, l)
	}
}

// TestWidthOfEveryScript gives text in each script a width from the face
// that draws it: a CJK character is about one em, never zero.
func TestWidthOfEveryScript(t *testing.T) {
	f := builtinOnly(t, "", nil)
	for _, c := range []struct {
		s        string
		min, max float64 // per rune, in ems
	}{
		{"Россия", 0.4, 0.8},
		{"대한민국", 0.9, 1.05},
		{"日本", 0.9, 1.05},
		{"中国", 0.9, 1.05},
		{"臺灣", 0.9, 1.05},
	} {
		n := float64(len([]rune(c.s)))
		w := f.Width(c.s, 20, true) / 20 / n
		if w < c.min || w > c.max {
			t.Errorf("%s: %.2f em a character, want %.2f to %.2f", c.s, w, c.min, c.max)
		}
	}
}

// TestSystemFontsForUserText draws a user's names beyond the embedded
// subsets with the system's CJK fonts, when it has them (Debian's
// fonts-noto-cjk); without one it says which characters are missing.
func TestSystemFontsForUserText(t *testing.T) {
	const text = "서울특별시 北海道札幌市 臺灣省"
	if miss := builtinOnly(t, "", nil).Missing(text); len(miss) == 0 {
		t.Fatalf("the embedded subsets already have all of %q; pick rarer characters", text)
	}
	f, err := NewFontsFor("ko", func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	if !SystemHasCJK("ko") || !SystemHasCJK("ja") || !SystemHasCJK("zh-Hant") {
		if len(f.Missing(text)) == 0 {
			t.Error("no system CJK font, yet nothing is missing")
		}
		t.Skip("no system CJK font (apt-get install fonts-noto-cjk to run this)")
	}
	if miss := f.Missing(text); len(miss) > 0 {
		t.Errorf("the system's fonts lack %q of %q", string(miss), text)
	}
	if w := f.Width("서울", 20, false); w < 36 {
		t.Errorf("서울 is %.1f px wide at 20 px, want about two ems", w)
	}
}
