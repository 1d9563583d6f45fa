package lang

import (
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
)

func TestFromLocale(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ko", "ko"}, {"ko_KR.UTF-8", "ko"}, {"ja_JP", "ja"}, {"zh-Hans", "zh-Hans"}, {"ZH-HANT", "zh-Hant"},
		{"zh_CN.UTF-8", "zh-Hans"}, {"zh_TW", "zh-Hant"}, {"zh-HK", "zh-Hant"}, {"zh_SG", "zh-Hans"},
		{"ru_RU.UTF-8", "ru"}, {"en_GB", "en"}, {"de_DE", ""}, {"C", ""}, {"", ""},
	} {
		if got := FromLocale(c.in); got != c.want {
			t.Errorf("FromLocale(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if _, err := Parse("fr"); err == nil {
		t.Error("Parse(fr) took a language Echoes does not speak")
	}
}

func TestSystem(t *testing.T) {
	for _, c := range []struct{ language, lcAll, lang, want string }{
		{"", "", "ko_KR.UTF-8", "ko"},
		{"ja:en", "", "ko_KR.UTF-8", "ja"},
		{"", "ru_RU.UTF-8", "ko_KR.UTF-8", "ru"},
		{"", "de_DE.UTF-8", "ko_KR.UTF-8", "en"},
		{"", "", "", "en"},
	} {
		t.Setenv("LANGUAGE", c.language)
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", c.lang)
		if got := System(); got != c.want {
			t.Errorf("System() with LANGUAGE=%q LC_ALL=%q LANG=%q = %q, want %q", c.language, c.lcAll, c.lang, got, c.want)
		}
	}
}

func TestDate(t *testing.T) {
	day := graphmodel.Date{Year: 1950, Month: 6, Day: 25}
	month := graphmodel.Date{Year: 1950, Month: 6}
	year := graphmodel.Date{Year: 1950}
	for _, c := range []struct {
		tag              string
		day, month, year string
	}{
		{"en", "25 June 1950", "June 1950", "1950"},
		{"ko", "1950년 6월 25일", "1950년 6월", "1950년"},
		{"ja", "1950年6月25日", "1950年6月", "1950年"},
		{"zh-Hans", "1950年6月25日", "1950年6月", "1950年"},
		{"zh-Hant", "1950年6月25日", "1950年6月", "1950年"},
		{"ru", "25 июня 1950 г.", "июнь 1950 г.", "1950 г."},
	} {
		for _, d := range []struct {
			d    graphmodel.Date
			want string
		}{{day, c.day}, {month, c.month}, {year, c.year}} {
			if got := Date(c.tag, d.d); got != d.want {
				t.Errorf("Date(%s, %v) = %q, want %q", c.tag, d.d, got, d.want)
			}
		}
	}
	if got, want := Date(English, day), day.Human(); got != want {
		t.Errorf("English date %q differs from Date.Human %q", got, want)
	}
}

// TestEveryStringTranslated holds every language to translating every
// English text, the kinds' legend labels included.
func TestEveryStringTranslated(t *testing.T) {
	for _, k := range graphmodel.Kinds() {
		if _, ok := tables[English][k.Label()]; !ok {
			t.Errorf("en.json lacks the kind label %q", k.Label())
		}
	}
	for _, tag := range tags[1:] {
		for key := range tables[English] {
			if tables[tag][key] == "" {
				t.Errorf("%s.json lacks %q", tag, key)
			}
		}
		for key := range tables[tag] {
			if _, ok := tables[English][key]; !ok {
				t.Errorf("%s.json has %q, which en.json lacks", tag, key)
			}
		}
	}
}

func TestLocaleNamesItsTag(t *testing.T) {
	for _, tag := range Tags() {
		if got := FromLocale(Locale(tag)); got != tag {
			t.Errorf("FromLocale(Locale(%s)) = %q", tag, got)
		}
	}
}
