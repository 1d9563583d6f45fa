package picture

import (
	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/render"
)

// Animation timing, in hundredths of a second as GIF counts.
const (
	// HoldDelay is how long each event stays on screen: long enough to
	// read its caption aloud.
	HoldDelay = 350
	// GlideFrames frames of GlideDelay each move the nodes between events.
	GlideFrames = 8
	GlideDelay  = 6
)

// Timeline is an animation of a dataset: a hold on each stop and a glide
// between, as frames with their delays in 1/100 s.
type Timeline struct {
	Frames []render.Frame
	Delays []int
	Holds  int // frames that hold on a stop
}

// NewTimeline lays out the timeline from one day to another.
func NewTimeline(ds *graphmodel.Dataset, from, to graphmodel.Day, fonts *render.Fonts) Timeline {
	var tl Timeline
	st := Stops(ds, from, to, fonts)
	for i, s := range st {
		if i > 0 {
			a := st[i-1]
			for k := 1; k < GlideFrames; k++ {
				t := float64(k) / GlideFrames
				tl.Frames = append(tl.Frames, render.Between(a.Snap, s.Snap, render.EaseInOut(t), a.Pos, s.Pos))
				tl.Delays = append(tl.Delays, GlideDelay)
			}
		}
		tl.Frames = append(tl.Frames, render.FrameOf(s.Snap, s.Pos))
		tl.Delays = append(tl.Delays, HoldDelay)
		tl.Holds++
	}
	return tl
}

// Options is the render options of every frame of the timeline.
func (tl Timeline) Options(o Options) render.Options { return o.Render() }
