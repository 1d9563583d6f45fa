package export

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

// svgBox is a rectangle of an exported SVG: x0, y0, x1, y1.
type svgBox [4]float64

func (a svgBox) overlaps(b svgBox) bool {
	return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

var (
	svgLabel  = regexp.MustCompile(`<text data-of="([^"]*)" x="([-0-9.]+)" y="([-0-9.]+)" font-size="([0-9.]+)" text-anchor="(\w+)"[^>]*textLength="([0-9.]+)"[^>]*>([^<]*)</text>`)
	svgCircle = regexp.MustCompile(`<circle data-id="([^"]*)" cx="([-0-9.]+)" cy="([-0-9.]+)" r="([0-9.]+)"`)
	svgPanel  = regexp.MustCompile(`<rect x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)"`)
)

func atof(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }

// svgLegibility reads an exported SVG as a reader of the file would see it
// and lists any actor label on another label, on another actor's disc or
// on a panel, and any label or disc outside the picture.
func svgLegibility(svg []byte, w, h float64) []string {
	var out []string
	type label struct {
		of, s string
		box   svgBox
	}
	var labels []label
	for _, m := range svgLabel.FindAllStringSubmatch(string(svg), -1) {
		x, y, size, length := atof(m[2]), atof(m[3]), atof(m[4]), atof(m[6])
		switch m[5] {
		case "middle":
			x -= length / 2
		case "end":
			x -= length
		}
		// The same ascent and descent as render.TextBox.
		labels = append(labels, label{m[1], m[7], svgBox{x, y - size*0.95, x + length, y + size*0.28}})
	}
	type disc struct {
		id      string
		x, y, r float64
	}
	var discs []disc
	for _, m := range svgCircle.FindAllStringSubmatch(string(svg), -1) {
		discs = append(discs, disc{m[1], atof(m[2]), atof(m[3]), atof(m[4])})
	}
	var panels []svgBox
	for _, m := range svgPanel.FindAllStringSubmatch(string(svg), -1) {
		x, y := atof(m[1]), atof(m[2])
		panels = append(panels, svgBox{x, y, x + atof(m[3]), y + atof(m[4])})
	}
	bounds := svgBox{-0.5, -0.5, w + 0.5, h + 0.5}
	for i, l := range labels {
		if l.box[0] < bounds[0] || l.box[1] < bounds[1] || l.box[2] > bounds[2] || l.box[3] > bounds[3] {
			out = append(out, fmt.Sprintf("label %q is outside the picture", l.s))
		}
		for _, m := range labels[i+1:] {
			if l.box.overlaps(m.box) {
				out = append(out, fmt.Sprintf("label %q on label %q", l.s, m.s))
			}
		}
		for _, d := range discs {
			// The nearest point of the box to the disc's centre.
			nx := max(l.box[0], min(d.x, l.box[2]))
			ny := max(l.box[1], min(d.y, l.box[3]))
			if d.id != l.of && (nx-d.x)*(nx-d.x)+(ny-d.y)*(ny-d.y) < d.r*d.r {
				out = append(out, fmt.Sprintf("label %q on the disc of %s", l.s, d.id))
			}
		}
		for _, p := range panels {
			if l.box.overlaps(p) {
				out = append(out, fmt.Sprintf("label %q on a panel", l.s))
			}
		}
	}
	for _, d := range discs {
		if d.x-d.r < bounds[0] || d.y-d.r < bounds[1] || d.x+d.r > bounds[2] || d.y+d.r > bounds[3] {
			out = append(out, fmt.Sprintf("the disc of %s is outside the picture", d.id))
		}
	}
	if len(labels) == 0 {
		out = append(out, "no actor label found in the SVG")
	}
	return out
}

// TestExportedSVGLegible holds the SVG that echoes export writes to the
// legibility checks the window's scenes pass (gui/picture's
// TestLegibleEverywhere): every event date, as a still and beside the
// comparison date, on a projector and on a full HD screen.
func TestExportedSVGLegible(t *testing.T) {
	ds := dataset(t)
	days := []graphmodel.Day{ds.Last()}
	for _, e := range ds.Events {
		days = append(days, e.Day())
	}
	fonts, err := render.NewFonts()
	if err != nil {
		t.Fatal(err)
	}
	// One chain for every picture: the layout of each date is made once.
	chain := picture.NewChain(ds, fonts)
	problems := 0
	for _, day := range days {
		for _, sz := range [][2]int{{1280, 720}, {1920, 1080}} {
			o := picture.Options{Width: sz[0], Height: sz[1], Theme: render.Projector(), Legend: true, Caption: true, Chain: chain}
			for _, what := range []What{{At: day}, {Compare: true, At: ds.CompareDay(), Other: day}} {
				svg, err := Bytes(".svg", ds, what, o)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range svgLegibility(svg, float64(sz[0]), float64(sz[1])) {
					if problems < 30 {
						t.Errorf("%s %dx%d compare=%v: %s", day, sz[0], sz[1], what.Compare, p)
					}
					problems++
				}
			}
		}
	}
	if problems > 0 {
		t.Errorf("%d problems", problems)
	}
}

// TestSVGLegibilityFindsOverlaps makes sure the SVG check can fail: two
// labels on one spot, a label on another actor's disc, a disc off the page.
func TestSVGLegibilityFindsOverlaps(t *testing.T) {
	cases := []struct {
		name, svg string
		want      int
	}{
		{"apart", `<circle data-id="A" cx="50" cy="50" r="10"/><text data-of="A" x="50" y="80" font-size="10" text-anchor="middle" textLength="30">A</text>` +
			`<circle data-id="B" cx="150" cy="50" r="10"/><text data-of="B" x="150" y="80" font-size="10" text-anchor="middle" textLength="30">B</text>`, 0},
		{"label on label", `<text data-of="A" x="50" y="80" font-size="10" text-anchor="middle" textLength="30">A</text>` +
			`<text data-of="B" x="60" y="82" font-size="10" text-anchor="middle" textLength="30">B</text>`, 1},
		{"label on a disc", `<circle data-id="B" cx="50" cy="76" r="10"/><text data-of="A" x="50" y="80" font-size="10" text-anchor="middle" textLength="30">A</text>`, 1},
		{"disc off the page", `<circle data-id="A" cx="195" cy="50" r="10"/><text data-of="A" x="150" y="80" font-size="10" text-anchor="middle" textLength="30">A</text>`, 1},
	}
	for _, c := range cases {
		if got := svgLegibility([]byte(c.svg), 200, 100); len(got) != c.want {
			t.Errorf("%s: %d problems %v, want %d", c.name, len(got), got, c.want)
		}
	}
}
