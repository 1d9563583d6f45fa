package export

import (
	"bytes"
	"encoding/xml"
	"image/gif"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
	"github.com/echoes-viz/echoes/resources"
)

func dataset(t testing.TB) *graphmodel.Dataset {
	t.Helper()
	ds, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestPNGSize(t *testing.T) {
	ds := dataset(t)
	for _, sz := range [][2]int{{640, 400}, {1920, 1080}, {333, 777}} {
		data, err := Bytes(".png", ds, What{At: graphmodel.MustDate("2024").Last()}, picture.Options{Width: sz[0], Height: sz[1], Legend: true, Caption: true})
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Width != sz[0] || cfg.Height != sz[1] {
			t.Errorf("PNG %dx%d, want %v", cfg.Width, cfg.Height, sz)
		}
	}
}

// TestSVGParsesAndHoldsLabels checks the SVG is well-formed XML and that
// every label of the scene is in it as text.
func TestSVGParsesAndHoldsLabels(t *testing.T) {
	ds := dataset(t)
	day := graphmodel.MustDate("2024").Last()
	o := picture.Options{Width: 1600, Height: 1000, Legend: true, Caption: true, Theme: render.Light()}
	data, err := Bytes(".svg", ds, What{At: day}, o)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var texts []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			texts = append(texts, string(cd))
		}
	}
	all := strings.Join(texts, "\n")
	fonts, _ := render.NewFonts()
	b := picture.Still(ds, day, o, fonts)
	for _, tx := range append(b.Texts, b.PanelTexts...) {
		if !strings.Contains(all, tx.S) {
			t.Errorf("SVG lacks the label %q", tx.S)
		}
	}
	for _, want := range []string{"North Korea", "Japan", "stroke-dasharray"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

func TestSVGEscapesUserText(t *testing.T) {
	s := render.Scene{Width: 100, Height: 100, Texts: []render.Text{{S: `<b>"A&B"</b>`, Size: 10, Opacity: 1}}}
	var buf bytes.Buffer
	if err := render.SVG(&buf, s, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<b>") {
		t.Error("markup in a label reached the SVG unescaped")
	}
	if err := xml.Unmarshal(buf.Bytes(), new(struct{})); err != nil {
		t.Errorf("SVG does not parse: %v", err)
	}
}

// TestGIFTimeline checks the animation has a hold frame per stop and the
// glide frames between, with the delays the timeline promises.
func TestGIFTimeline(t *testing.T) {
	ds := dataset(t)
	from, to := graphmodel.MustDate("1950-01-01").First(), graphmodel.MustDate("1950").Last()
	fonts, _ := render.NewFonts()
	data, tl, err := Animate(ds, from, to, picture.Options{Width: 480, Height: 300, Legend: true, Caption: true}, fonts)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("GIF does not decode: %v", err)
	}
	stopsWant := 1 // from
	for _, e := range ds.Events {
		if e.Day() > from && e.Day() <= to {
			stopsWant++
		}
	}
	if e := ds.EventNear(to); e == nil || e.Day() != to {
		stopsWant++ // the range end, when no event falls on it
	}
	if tl.Holds != stopsWant {
		t.Errorf("%d holds, want %d stops", tl.Holds, stopsWant)
	}
	wantFrames := stopsWant + (stopsWant-1)*(picture.GlideFrames-1)
	if len(g.Image) != wantFrames || len(g.Delay) != wantFrames {
		t.Fatalf("%d frames, want %d", len(g.Image), wantFrames)
	}
	holds := 0
	for i, d := range g.Delay {
		if d != tl.Delays[i] {
			t.Fatalf("frame %d delay %d, want %d", i, d, tl.Delays[i])
		}
		if d == picture.HoldDelay {
			holds++
		}
	}
	if holds != stopsWant {
		t.Errorf("%d hold frames in the file, want %d", holds, stopsWant)
	}
	if g.Config.Width != 480 || g.Config.Height != 300 {
		t.Errorf("GIF %dx%d", g.Config.Width, g.Config.Height)
	}
}

// TestWriteAtomicKeepsOldFileOnFailure makes the write itself fail, after
// the picture is drawn and its temporary file written: a folder stands
// where the file goes (a rename that fails even for root), so the old
// content must stay whole and the temporary file must be cleaned up. Then
// an export over an old file replaces it, leaving nothing behind.
func TestWriteAtomicKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	ds := dataset(t)
	o := picture.Options{Width: 200, Height: 100}
	blocked := filepath.Join(dir, "blocked.png")
	os.Mkdir(blocked, 0o755)
	inside := filepath.Join(blocked, "old.txt")
	os.WriteFile(inside, []byte("old"), 0o644)
	err := File(blocked, ds, What{At: ds.Last()}, o)
	if err == nil {
		t.Fatal("an export over a folder succeeded")
	}
	if msg := err.Error(); !strings.Contains(msg, blocked+": it is a folder") || strings.Contains(msg, ".tmp") {
		t.Errorf("error %q should call %s a folder and name no temporary file", msg, blocked)
	}
	if b, _ := os.ReadFile(inside); string(b) != "old" {
		t.Error("a failed export changed what was there")
	}
	path := filepath.Join(dir, "keep.png")
	os.WriteFile(path, []byte("old"), 0o640)
	if err := File(path, ds, What{At: ds.Last()}, o); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) == "old" {
		t.Error("export did not replace the file")
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("the replaced file has mode %v, want the old 0640", st.Mode().Perm())
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
