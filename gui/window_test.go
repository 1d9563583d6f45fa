package gui

import (
	"image"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
	"github.com/echoes-viz/echoes/resources"
)

func newTestWindow(t *testing.T, at string) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	ds, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	// The test's goroutine owns the window: what background work hands
	// over waits in a queue that the helpers below drain.
	w, err := newWindow(a, ds, "Echoes", graphmodel.MustDate(at).Last(), false, false, newQueueLoop())
	if err != nil {
		t.Fatal(err)
	}
	w.Win.Resize(fyne.NewSize(1100, 760))
	t.Cleanup(w.Win.Close)
	return w
}

// drain runs what background work of w has handed over so far.
func drain(w *Window) { w.loop.(*queueLoop).drain() }

func capture(w *Window) image.Image {
	drain(w)
	return w.Win.Canvas().Capture()
}

func differ(a, b image.Image) int {
	n := 0
	bb := a.Bounds()
	for y := bb.Min.Y; y < bb.Max.Y; y += 2 {
		for x := bb.Min.X; x < bb.Max.X; x += 2 {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n
}

func TestTimelineMovesDateAndDrawing(t *testing.T) {
	w := newTestWindow(t, "1950")
	before := capture(w)
	edges1950 := len(w.Network.Built().Edges)
	if edges1950 == 0 {
		t.Fatal("1950: no edges drawn")
	}
	if got := w.Viewer.Day(); got != graphmodel.MustDate("1950-12-31").First() {
		t.Fatalf("opened at %s", got)
	}
	tl := w.Timeline
	test.TapAt(tl, fyne.NewPos(tl.Size().Width-timelinePad, tl.Size().Height/2))
	if got := w.Viewer.Day().Year(); got != 2024 {
		t.Fatalf("tapping the end of the slider went to %d, want 2024", got)
	}
	after := capture(w)
	if n := differ(before, after); n < 1000 {
		t.Errorf("moving the slider changed only %d sampled pixels", n)
	}
	built := w.Network.Built()
	rels := map[string]bool{}
	for _, e := range built.Edges {
		rels[e.RelationID] = true
	}
	if !rels["r56-a"] {
		t.Errorf("2024: the Russia–North Korea treaty (r56-a) is not drawn; drawn: %v", rels)
	}
	if rels["r09"] {
		t.Error("2024: the 1950 Sino-Soviet treaty is still drawn")
	}
}

func TestKeysStepEvents(t *testing.T) {
	w := newTestWindow(t, "1950-06-01")
	start := w.Viewer.Day()
	key := w.Win.Canvas().OnTypedKey()
	key(&fyne.KeyEvent{Name: fyne.KeyRight})
	next := w.Viewer.Day()
	if next <= start {
		t.Fatalf("Right did not move forward: %s -> %s", start, next)
	}
	if e := w.Viewer.Dataset().EventNear(next); e == nil || e.Day() != next {
		t.Errorf("Right landed on %s, not on an event", next)
	}
	key(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if w.Viewer.Day() >= next {
		t.Errorf("Left did not move back from %s", next)
	}
	key(&fyne.KeyEvent{Name: fyne.KeyEnd})
	if w.Viewer.Day() != w.Viewer.Dataset().Last() {
		t.Errorf("End went to %s", w.Viewer.Day())
	}
	key(&fyne.KeyEvent{Name: fyne.KeyHome})
	if w.Viewer.Day() != w.Viewer.Dataset().First() {
		t.Errorf("Home went to %s", w.Viewer.Day())
	}
	legend := w.Network.Legend
	key(&fyne.KeyEvent{Name: fyne.KeyL})
	if w.Network.Legend == legend {
		t.Error("L did not toggle the legend")
	}
}

func TestDragPinsAndHoverTooltip(t *testing.T) {
	w := newTestWindow(t, "2024")
	capture(w)
	b := w.Network.Built()
	var node struct {
		id   string
		x, y float32
	}
	for _, n := range b.Nodes {
		if n.ID == "JPN" {
			node.id, node.x, node.y = n.ID, float32(n.X), float32(n.Y)
		}
	}
	if node.id == "" {
		t.Fatal("Japan is not drawn in 2024")
	}
	pos := fyne.NewPos(node.x, node.y) // the test canvas has scale 1
	w.Network.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	if h := w.Network.Hovered(); h.ID != "JPN" || h.Kind != render.ActorTarget {
		t.Errorf("hover over Japan gave %+v", h)
	}
	capture(w)
	if len(w.Network.Built().Panels) < 2 {
		t.Error("no tooltip panel drawn on hover")
	}
	w.Network.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	drop := fyne.NewPos(pos.X-60, pos.Y+40)
	w.Network.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: drop}, Dragged: fyne.NewDelta(-60, 40)})
	if !w.Viewer.Network().Pinned("JPN") {
		t.Fatal("dragging Japan did not pin it")
	}
	w.Network.DragEnd()
	capture(w)
	moved := false
	for _, n := range w.Network.Built().Nodes {
		if n.ID == "JPN" && (abs32(float32(n.X)-node.x+60) < 3 && abs32(float32(n.Y)-node.y-40) < 3) {
			moved = true
		}
	}
	if !moved {
		t.Error("Japan was not drawn where it was dropped")
	}
	w.Network.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(node.x-60, node.y+40)})
	if w.Viewer.Network().Pinned("JPN") {
		t.Error("double-tap did not unpin Japan")
	}
}

func TestTapShowsDetails(t *testing.T) {
	w := newTestWindow(t, "2024")
	capture(w)
	for _, n := range w.Network.Built().Nodes {
		if n.ID == "DPRK" {
			test.TapAt(w.Network, fyne.NewPos(float32(n.X), float32(n.Y)))
		}
	}
	text := w.details.text.String()
	for _, want := range []string{"North Korea", "Treaty on Comprehensive Strategic Partnership", "Sources:"} {
		if !contains(text, want) {
			t.Errorf("details lack %q:\n%s", want, text)
		}
	}
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// TestModesByKey covers the presentation keys headless: P, C, Esc, and
// that the event keys still work in presentation mode.
func TestModesByKey(t *testing.T) {
	w := newTestWindow(t, "1950-06-01")
	var hide func()
	w.after = func(_ time.Duration, f func()) { hide = f }
	key := w.Win.Canvas().OnTypedKey()
	key(&fyne.KeyEvent{Name: fyne.KeyP})
	if !w.Presenting() || w.Network.Theme.Name != "projector" || !w.Network.Caption {
		t.Fatalf("P: presenting %v, theme %s, caption in picture %v", w.Presenting(), w.Network.Theme.Name, w.Network.Caption)
	}
	if w.top.Visible() || w.bottom.Visible() {
		t.Error("P: the controls are still shown")
	}
	w.reveal()
	if !w.top.Visible() || hide == nil {
		t.Fatal("moving the mouse did not reveal the controls")
	}
	hide()
	if w.top.Visible() {
		t.Error("the controls did not hide again after the mouse stopped")
	}
	before := w.Win.Title()
	for i := 0; i < 3; i++ {
		key(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if w.Win.Title() == before || !strings.Contains(w.Win.Title(), "[presentation]") {
		t.Errorf("title after three Rights: %q (was %q)", w.Win.Title(), before)
	}
	key(&fyne.KeyEvent{Name: fyne.KeyC})
	if !w.Comparing() {
		t.Fatal("C did not turn compare on")
	}
	capture(w)
	if len(w.Network.Built().Nodes) < 2*len(w.Viewer.Snapshot().Actors)-2 {
		t.Errorf("compare draws %d nodes for %d actors: not two sides", len(w.Network.Built().Nodes), len(w.Viewer.Snapshot().Actors))
	}
	key(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Presenting() {
		t.Error("Esc did not leave presentation mode")
	}
	key(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Comparing() {
		t.Error("a second Esc did not leave compare mode")
	}
}

func TestFiltersAndSearch(t *testing.T) {
	w := newTestWindow(t, "2024")
	capture(w)
	all := len(w.Network.Built().Edges)
	w.Network.HiddenKinds[graphmodel.Normalisation] = true
	w.Network.Refresh()
	capture(w)
	if got := len(w.Network.Built().Edges); got >= all {
		t.Errorf("hiding normalisations left %d of %d edges", got, all)
	}
	for _, e := range w.Network.Built().Edges {
		if r := w.Viewer.Dataset().Relation(e.RelationID); r != nil && r.Kind == graphmodel.Normalisation {
			t.Errorf("hidden kind drawn: %s", e.RelationID)
		}
	}
	if id := w.findActor("soviet union"); id != "RUS" {
		t.Errorf("search for a former name found %q, want RUS", id)
	}
	if id := w.findActor("japan"); id != "JPN" {
		t.Errorf("search for japan found %q", id)
	}
	if id := w.findActor("atlantis"); id != "" {
		t.Errorf("search for atlantis found %q", id)
	}
}

// The Filters tab is built when first opened; its boxes then start from
// the filters in force and unticking one hides that kind.
func TestFiltersTabBuiltOnOpen(t *testing.T) {
	w := newTestWindow(t, "2024")
	w.Network.HiddenKinds[graphmodel.Summit] = true
	w.side.SelectIndex(2)
	var checks []*widget.Check
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Check:
			checks = append(checks, v)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(v.Content)
		}
	}
	walk(w.side.Items[2].Content)
	if len(checks) != len(graphmodel.Kinds())+3 {
		t.Fatalf("the Filters tab holds %d boxes, want one per kind and certainty", len(checks))
	}
	for _, c := range checks {
		if c.Text == graphmodel.Summit.Label() && c.Checked {
			t.Error("the summit box is ticked though summits are hidden")
		}
		if c.Text == graphmodel.Normalisation.Label() {
			c.SetChecked(false)
		}
	}
	if !w.Network.HiddenKinds[graphmodel.Normalisation] {
		t.Error("unticking normalisation did not hide it")
	}
}

func TestSearchFormerShortName(t *testing.T) {
	w := newTestWindow(t, "2024")
	if id := w.findActor("USSR"); id != "RUS" {
		t.Errorf("USSR found %q, want RUS", id)
	}
}

// TestSmallestWindowUsable shrinks the window to its minimum: it must fit a
// small laptop screen and still draw the network.
func TestSmallestWindowUsable(t *testing.T) {
	w := newTestWindow(t, "1950")
	min := w.Win.Content().MinSize()
	if min.Width > 640 || min.Height > 480 {
		t.Errorf("the window cannot shrink below %v", min)
	}
	w.Win.Resize(min)
	capture(w)
	if n := len(w.Network.Built().Nodes); n == 0 {
		t.Error("nothing drawn at the smallest size")
	}
}

// The first frame leaves room for the controls where they will be, so
// the network does not move or change size when they join.
func TestStartRoomMatchesControls(t *testing.T) {
	ds, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []fyne.Size{{Width: 1200, Height: 800}, {Width: 900, Height: 640}} {
		a := test.NewTempApp(t)
		w, err := newWindow(a, ds, "Echoes", graphmodel.MustDate("2024").Last(), false, true, newQueueLoop())
		if err != nil {
			t.Fatal(err)
		}
		w.Win.Resize(size)
		d := a.Driver()
		pos, got := d.AbsolutePositionForObject(w.Network), w.Network.Size()
		if w.date.Text != "" || w.caption.text.String() != "" {
			t.Errorf("%v window: the controls were filled before the first frame", size)
		}
		w.controlsJoin()
		if p, s := d.AbsolutePositionForObject(w.Network), w.Network.Size(); p != pos || s != got {
			t.Errorf("%v window: the network is %v at %v in the first frame, %v at %v with the controls", size, got, pos, s, p)
		}
		if w.date.Text == "" || w.caption.text.String() == "" {
			t.Errorf("%v window: the date or the caption is empty once the controls joined", size)
		}
		w.Win.Close()
	}
}

// Before the first event the picture has no event title, and the caption
// says the event it tells is still to come.
func TestBeforeFirstEvent(t *testing.T) {
	w := newTestWindow(t, "2024")
	ds := w.Viewer.Dataset()
	first := ds.Events[0]
	tests := []struct {
		day         graphmodel.Day
		event       *graphmodel.Event
		captionHint string
	}{
		{ds.First(), nil, "the first event; the timeline is at"},
		{first.Day(), first, first.Title},
		{first.Day() + 3, first, "latest event before"},
	}
	for _, tc := range tests {
		w.Viewer.SetDay(tc.day)
		w.update()
		if got := w.Viewer.Frame().Event; got != tc.event {
			t.Errorf("%s: the picture's event is %v, want %v", tc.day.Date().Human(), got, tc.event)
		}
		if c := w.caption.text.String(); !strings.Contains(c, tc.captionHint) {
			t.Errorf("%s: caption %q lacks %q", tc.day.Date().Human(), c, tc.captionHint)
		}
	}
}
