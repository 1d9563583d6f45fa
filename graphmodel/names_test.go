package graphmodel

import "testing"

// TestLocalised gives each language its names, keeps English and unknown
// tags as written, and falls back to the English name where a language
// has none.
func TestLocalised(t *testing.T) {
	ds := &Dataset{
		Actors: []*Actor{
			{ID: "ROK", Names: []NameSpan{{Name: "Republic of Korea", Short: "South Korea",
				Localised: map[string]LocalName{"ko": {Name: "대한민국", Short: "한국"}, "ja": {Name: "大韓民国"}}}}},
		},
		Groupings: []*Grouping{{ID: "g", Name: "US–Japan–South Korea", Localised: map[string]LocalName{"ko": {Name: "한·미·일"}}}},
	}
	ds.actorByID = map[string]*Actor{"ROK": ds.Actors[0]}
	for _, c := range []struct {
		lang, name, short, group string
	}{
		{"ko", "대한민국", "한국", "한·미·일"},
		{"ja", "大韓民国", "大韓民国", "US–Japan–South Korea"},
		{"ru", "Republic of Korea", "South Korea", "US–Japan–South Korea"},
		{"en", "Republic of Korea", "South Korea", "US–Japan–South Korea"},
		{"xx", "Republic of Korea", "South Korea", "US–Japan–South Korea"},
	} {
		l := ds.Localised(c.lang)
		name, short := l.Actor("ROK").NameAt(0)
		if name != c.name || short != c.short || l.Groupings[0].Name != c.group {
			t.Errorf("%s: got %q / %q / %q, want %q / %q / %q", c.lang, name, short, l.Groupings[0].Name, c.name, c.short, c.group)
		}
	}
	if ko := ds.Localised("ko"); ko.Original() != ds || ko.Localised("ja").Original() != ds || ds.Original() != ds {
		t.Error("Original does not give back the dataset as written")
	}
	if n, _ := ds.Actors[0].NameAt(0); n != "Republic of Korea" {
		t.Errorf("Localised changed the dataset it was called on: %q", n)
	}
}
