package gui

import (
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/lang"
	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

// NetworkView draws the Viewer's frame as one raster and handles the
// pointer: hover shows a tooltip, tap selects, drag moves and pins a node
// (or pans the view), double-tap unpins, the wheel zooms at the cursor.
type NetworkView struct {
	widget.BaseWidget

	viewer *Viewer
	fonts  *render.Fonts

	// Theme is the drawing palette; Legend toggles the legend panel.
	Theme  *render.Theme
	Legend bool
	// OnSelect is called with a node's id or a relation's id ("" clears).
	OnSelect func(actorID, relationID string)
	// OnKey receives keys typed while the view has focus.
	OnKey func(*fyne.KeyEvent)
	// OnRune receives characters typed while the view has focus.
	OnRune func(rune)
	// OnPointer is called whenever the pointer moves over the view.
	OnPointer func()
	// Caption draws the event caption into the picture (presentation mode).
	Caption bool
	// Compare shows CompareDay on the left of the day on show.
	Compare    bool
	CompareDay graphmodel.Day
	// HiddenKinds and HiddenCertainty filter what is drawn.
	HiddenKinds     map[graphmodel.Kind]bool
	HiddenCertainty map[graphmodel.Certainty]bool
	// Step, when set, is the lesson step on show: its caption, glow,
	// filters and focus go on the picture.
	Step *picture.StepView

	zoom, panX, panY float64

	mu      sync.Mutex // guards last, read by the raster generator
	last    render.Built
	scale   float64 // pixels per Fyne unit at the last draw
	hoverAt fyne.Position
	hover   render.Target // the actor or relation under the pointer
	// hoverOn is the picture the hover was found on: a tooltip goes when
	// the date, mode, theme or dataset changes under a still pointer.
	hoverOn pictureKey
	dragID  string
	sel     map[string]bool

	filterCache filterCache

	fitLock  *render.Fit    // holds the view still after a node is moved
	lockDay  graphmodel.Day // the day the lock was taken; a new day frees it
	cmpKey   string
	cmpBuilt render.Built
}

// NewNetworkView makes the canvas for v.
func NewNetworkView(v *Viewer, fonts *render.Fonts, th *render.Theme) *NetworkView {
	n := &NetworkView{viewer: v, fonts: fonts, Theme: th, Legend: true, zoom: 1, scale: 1}
	n.ExtendBaseWidget(n)
	return n
}

// CreateRenderer implements fyne.Widget.
func (n *NetworkView) CreateRenderer() fyne.WidgetRenderer {
	r := &networkRenderer{view: n, trim: newIdleTrim(trimAfter, nil)}
	r.raster = canvas.NewRaster(r.draw)
	return r
}

// Built returns the last drawn scene, for tests and hit tests.
func (n *NetworkView) Built() render.Built {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.last
}

// Zoom returns the zoom factor (1 = fit).
func (n *NetworkView) Zoom() float64 { return n.zoom }

// ZoomBy multiplies the zoom around the view's centre.
func (n *NetworkView) ZoomBy(k float64) {
	n.zoomAt(k, float64(n.Size().Width/2), float64(n.Size().Height/2))
}

// PanBy moves the view by (dx, dy) in Fyne units.
func (n *NetworkView) PanBy(dx, dy float32) {
	n.panX += float64(dx)
	n.panY += float64(dy)
	n.Refresh()
}

// ResetView returns to the fitted view.
func (n *NetworkView) ResetView() {
	n.zoom, n.panX, n.panY = 1, 0, 0
	n.fitLock = nil
	n.Refresh()
}

// drawnSelection is the selection less what the day does not draw: a
// relation picked in 1978 lights nothing in 1950, so it must not dim the
// rest of that picture either.
func (n *NetworkView) drawnSelection() map[string]bool {
	if len(n.sel) == 0 {
		return n.sel
	}
	s := n.viewer.Snapshot()
	out := map[string]bool{}
	for id := range n.sel {
		if _, ok := s.Tie(id); ok {
			out[id] = true
			continue
		}
		for _, a := range s.Actors {
			if a.ID == id {
				out[id] = true
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Select marks ids (actors or relations) as the highlighted selection.
func (n *NetworkView) Select(ids map[string]bool) {
	n.sel = ids
	n.Refresh()
}

func (n *NetworkView) options(w, h, scale float64) render.Options {
	if n.hover.Kind != render.NoTarget && n.hoverOn != n.pictureKey() {
		n.hover = render.Target{}
	}
	hl := n.drawnSelection()
	if n.hover.Kind != render.NoTarget {
		hl = map[string]bool{n.hover.ID: true}
		if n.hover.Kind == render.RelationTarget {
			if r := n.viewer.Dataset().Relation(n.hover.ID); r != nil {
				for _, a := range r.Actors {
					hl[a] = true
				}
			}
		}
	}
	if n.fitLock != nil && n.lockDay != n.viewer.Day() {
		n.fitLock = nil
	}
	// The picture an export of this size would be, at the screen's scale.
	// Render counts the pan in units of the picture's scale, the pointer
	// in Fyne units.
	size := n.Size()
	k := picture.ScaleFor(float64(size.Width), float64(size.Height))
	o := picture.Options{Width: int(w), Height: int(h), Theme: n.Theme, Legend: n.Legend, Caption: n.Caption,
		Scale: scale * k, Zoom: n.zoom, PanX: n.panX / k, PanY: n.panY / k, Lang: lang.Current()}.Render()
	o.Highlight, o.Fit = hl, n.fitLock
	return o
}

func (n *NetworkView) zoomAt(k, x, y float64) {
	nz := math.Max(0.2, math.Min(8, n.zoom*k))
	k = nz / n.zoom
	n.mu.Lock()
	v := n.last.View
	sc := n.scale
	n.mu.Unlock()
	// Keep the point under the cursor still: its offset from the view
	// centre scales by k.
	base := [2]float64{v.OX/sc - n.panX, v.OY/sc - n.panY}
	qx, qy := x-base[0]-n.panX, y-base[1]-n.panY
	n.panX = x - base[0] - qx*k
	n.panY = y - base[1] - qy*k
	n.zoom = nz
	n.Refresh()
}

func (n *NetworkView) pixel(p fyne.Position) (float64, float64) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return float64(p.X) * n.scale, float64(p.Y) * n.scale
}

// Scrolled zooms at the pointer (one wheel notch = 10%).
func (n *NetworkView) Scrolled(e *fyne.ScrollEvent) {
	n.zoomAt(math.Pow(1.1, float64(e.Scrolled.DY)/25), float64(e.Position.X), float64(e.Position.Y))
}

// Tapped selects the node or edge under the pointer.
func (n *NetworkView) Tapped(e *fyne.PointEvent) {
	n.requestFocus()
	x, y := n.pixel(e.Position)
	b := n.Built()
	hit := b.TargetAt(x, y)
	n.sel = nil
	var actor, rel string
	switch hit.Kind {
	case render.ActorTarget:
		actor = hit.ID
	case render.RelationTarget:
		rel = hit.ID
	}
	if hit.Kind != render.NoTarget {
		n.sel = map[string]bool{hit.ID: true}
	}
	if n.OnSelect != nil {
		n.OnSelect(actor, rel)
	}
	n.Refresh()
}

// DoubleTapped unpins the node under the pointer.
func (n *NetworkView) DoubleTapped(e *fyne.PointEvent) {
	x, y := n.pixel(e.Position)
	b := n.Built()
	if id := b.NodeAt(x, y); id != "" && n.viewer.Network().Pinned(id) {
		n.viewer.Unpin(id)
	}
}

// MouseDown picks the node a drag will move, before the drag starts.
func (n *NetworkView) MouseDown(e *desktop.MouseEvent) {
	x, y := n.pixel(e.Position)
	b := n.Built()
	n.dragID = b.NodeAt(x, y)
	if n.dragID != "" {
		// Moving a node must not refit the view under the pointer.
		f := b.View.Fit
		n.fitLock, n.lockDay = &f, n.viewer.Day()
	}
}

// MouseUp ends a press without a drag.
func (n *NetworkView) MouseUp(*desktop.MouseEvent) {}

// Dragged moves the picked node (pinning it) or pans the view.
func (n *NetworkView) Dragged(e *fyne.DragEvent) {
	if n.dragID == "" {
		n.panX += float64(e.Dragged.DX)
		n.panY += float64(e.Dragged.DY)
		n.Refresh()
		return
	}
	x, y := n.pixel(e.Position)
	b := n.Built()
	n.viewer.MoveNode(n.dragID, b.View.ToLayout(x, y))
}

// DragEnd lets the other nodes settle around a moved one.
func (n *NetworkView) DragEnd() {
	if n.dragID != "" {
		n.dragID = ""
		n.viewer.Relayout()
	}
}

// MouseIn starts hover tracking.
func (n *NetworkView) MouseIn(e *desktop.MouseEvent) { n.MouseMoved(e) }

// MouseMoved updates the hovered node or edge and its tooltip.
func (n *NetworkView) MouseMoved(e *desktop.MouseEvent) {
	x, y := n.pixel(e.Position)
	b := n.Built()
	hit := b.TargetAt(x, y)
	n.hoverAt = e.Position
	if n.OnPointer != nil {
		n.OnPointer()
	}
	if hit != n.hover || hit.Kind != render.NoTarget {
		n.hover, n.hoverOn = hit, n.pictureKey()
		n.Refresh()
	}
}

// MouseOut clears the hover.
func (n *NetworkView) MouseOut() {
	if n.hover.Kind != render.NoTarget {
		n.hover = render.Target{}
		n.Refresh()
	}
}

// pictureKey is what the picture on show is of, beyond positions.
type pictureKey struct {
	ds      *graphmodel.Dataset
	day     graphmodel.Day
	compare bool
	theme   *render.Theme
}

func (n *NetworkView) pictureKey() pictureKey {
	return pictureKey{n.viewer.Dataset(), n.viewer.Day(), n.Compare, n.Theme}
}

// staleHover drops a hover found on another picture than the one b shows,
// or on something b no longer draws.
func (n *NetworkView) staleHover(b *render.Built) {
	if n.hover.Kind == render.NoTarget {
		return
	}
	drawn := false
	switch n.hover.Kind {
	case render.ActorTarget:
		for _, s := range b.Nodes {
			drawn = drawn || s.ID == n.hover.ID
		}
	case render.RelationTarget:
		for _, e := range b.Edges {
			drawn = drawn || (e.Mark == render.MarkRelation && e.RelationID == n.hover.ID)
		}
	}
	if !drawn || n.hoverOn != n.pictureKey() {
		n.hover = render.Target{}
	}
}

// Hovered returns the actor or relation under the pointer.
func (n *NetworkView) Hovered() render.Target { return n.hover }

func (n *NetworkView) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(n); c != nil {
		c.Focus(n)
	}
}

// FocusGained implements fyne.Focusable.
func (n *NetworkView) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (n *NetworkView) FocusLost() {}

// TypedRune implements fyne.Focusable.
func (n *NetworkView) TypedRune(r rune) {
	if n.OnRune != nil {
		n.OnRune(r)
	}
}

// TypedKey implements fyne.Focusable.
func (n *NetworkView) TypedKey(e *fyne.KeyEvent) {
	if n.OnKey != nil && e.Name != fyne.KeyPlus && e.Name != fyne.KeyMinus && e.Name != fyne.KeyEqual && e.Name != fyne.KeySlash {
		n.OnKey(e)
	}
}
