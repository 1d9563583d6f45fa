package picture

import (
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
	"github.com/echoes-viz/echoes/resources"
)

func TestFilmstripColumns(t *testing.T) {
	for _, tc := range []struct{ n, want int }{{0, 1}, {1, 1}, {2, 2}, {3, 3}, {4, 2}, {5, 3}, {8, 4}, {12, 6}} {
		if got := FilmstripColumns(tc.n); got != tc.want {
			t.Errorf("%d panels: %d columns, want %d", tc.n, got, tc.want)
		}
	}
}

// TestFilmstrip checks every panel is titled with its year, an actor of
// every panel sits in the same place in each (relative to its panel), and
// the picture has one legend.
func TestFilmstrip(t *testing.T) {
	ds, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	fonts, err := render.NewFonts()
	if err != nil {
		t.Fatal(err)
	}
	var days []graphmodel.Day
	for _, y := range []string{"1950", "1961", "1972", "1991", "2024"} {
		days = append(days, graphmodel.MustDate(y).Last())
	}
	for _, tc := range []struct {
		name    string
		columns int
		w, h    int
	}{{"default", 0, 1600, 1000}, {"one row", 5, 2400, 700}, {"two columns", 2, 1200, 1400}} {
		t.Run(tc.name, func(t *testing.T) {
			b := Filmstrip(ds, days, tc.columns, Options{Width: tc.w, Height: tc.h, Legend: true, Caption: true}, fonts)
			text := map[string]int{}
			for _, x := range append(b.Texts, b.PanelTexts...) {
				text[x.S]++
			}
			for _, y := range []string{"1950", "1961", "1972", "1991", "2024"} {
				if text[y] == 0 {
					t.Errorf("no panel titled %s", y)
				}
			}
			// The legend names each kind once, whichever way it is laid out.
			if k := graphmodel.Kinds()[0].Label(); text[k] != 1 {
				t.Errorf("%q %d times, want once in one legend", k, text[k])
			}
			cols := tc.columns
			if cols == 0 {
				cols = FilmstripColumns(len(days))
			}
			// Japan is in every panel, at one place within each: a row's
			// panels one step apart, a column's one step apart.
			var xs, ys []float64
			for _, nd := range b.Nodes {
				if nd.ID == "JPN" {
					xs, ys = append(xs, nd.X), append(ys, nd.Y)
				}
			}
			n := len(xs)
			for i := 1; i < n && cols > 1; i++ {
				want := [2]float64{xs[0] + float64(i%cols)*(xs[1]-xs[0]), ys[0]}
				if cols < len(days) {
					want[1] += float64(i/cols) * (ys[cols] - ys[0])
				}
				if d := max(abs(xs[i]-want[0]), abs(ys[i]-want[1])); d > 0.5 {
					t.Errorf("Japan at %.1f,%.1f in panel %d, want %.1f,%.1f", xs[i], ys[i], i, want[0], want[1])
				}
			}
			if n != len(days) {
				t.Errorf("Japan drawn %d times, want %d", n, len(days))
			}
		})
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
