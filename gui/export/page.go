package export

import (
	"fmt"
	"math"
	"strings"
)

// Page is a paper size for a PDF, in points, landscape.
type Page struct {
	Name string
	W, H float64
}

// Pages are the paper sizes --page names.
func Pages() []Page {
	return []Page{
		{"a4", 841.89, 595.28},
		{"letter", 792, 612},
		{"a3", 1190.55, 841.89},
	}
}

// PageNamed finds a paper size by name (any case); an unknown name gets
// an error naming those there are.
func PageNamed(name string) (Page, error) {
	var names []string
	for _, p := range Pages() {
		if strings.EqualFold(name, p.Name) {
			return p, nil
		}
		names = append(names, p.Name)
	}
	return Page{}, fmt.Errorf("page %q: use %s", name, strings.Join(names, ", "))
}

// Pixels is the page's size in pixels at 96 an inch, the size a picture
// for it is laid out at.
func (p Page) Pixels() (w, h int) {
	return int(math.Round(p.W / PxToPt)), int(math.Round(p.H / PxToPt))
}
