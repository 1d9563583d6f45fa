package main

// The -drag mode: once the window is drawn, press on plain background in
// the network area, move the pointer right in steps, release, and time how
// long each step takes to show, while counting the distinct frames the
// window shows before, during and after the drag.
//
// Where the picture is: the median x of the saturated pixels (coloured
// nodes and ties; labels, text and the theme's greys are not saturated) of
// the cloud. The cloud is the heaviest group of 8x8-pixel cells holding 16
// or more saturated pixels each, cells at most two apart counting as one
// group. That leaves out what does not pan: a legend drawn over the
// picture is lighter, and it jumps to another corner when the network
// comes near it, which would drag a plain median or centroid of the whole
// area along. A pan moves every pixel of the cloud by the step. The layout
// settling at the same time jiggles nodes by a few pixels and the view's
// fit rescales the cloud about its centre, both of which leave its median
// almost where it was (a pixel or two, against 30 a step). Step k counts
// as shown in the first grab whose median is at least (k-0.5) steps right
// of the median just before the press: half a step of slack for the
// settle's own drift, which the output reports (drift_px, measured once
// every step has shown) so that the margin can be judged.

// #include <X11/Xlib.h>
import "C"

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"time"
)

// dragFlags configure -drag.
type dragFlags struct {
	steps, stepPX int
	every         time.Duration
	wait          time.Duration // from ready to the press
	from          string        // candidate press points, "x,y;x,y" as fractions of the window
	track         string        // where to look for the cloud (default: the whole network area)
	ready         string        // a region that must show readySat saturated pixels before the press
	readySat      int
	quiet         time.Duration // settled once the picture is unchanged this long
	settledAt     time.Duration // earliest settled screenshot, after drawn
	shots         string        // PNG path prefix
	trace         string        // a file for one line per grab
}

// drag runs the -drag mode on win, drawn at tDrawn, whose network area is
// region; it returns the key=value pairs to print. On failure it releases
// the button, calls kill (the app) and exits.
func drag(d *C.Display, win C.Window, tDrawn time.Time, region [4]float64, interval time.Duration, o dragFlags, kill func()) string {
	abort := func(format string, a ...any) {
		press(d, false)
		kill()
		fail(format, a...)
	}
	w, h, ok := windowSize(d, win)
	if !ok {
		abort("the window is not viewable after it was drawn")
	}
	net := boxOf(region, w, h)
	tr := net
	if o.track != "" {
		tr = boxOf(fractions(o.track), w, h).clip(net)
	}
	after := func(t time.Time) float64 { return float64(t.Sub(tDrawn).Microseconds()) / 1000 }
	var trace *os.File
	if o.trace != "" {
		var err error
		if trace, err = os.Create(o.trace); err != nil {
			abort("%v", err)
		}
		defer trace.Close()
		fmt.Fprintln(trace, "ms_after_drawn new_frame cloud_x cloud_px saturated_px event")
	}

	var last view
	var lastPX []C.uint
	var changes []time.Time // when a grab first showed a new picture
	polls := 0
	event := ""
	poll := func() view {
		px, ok := grabRect(d, win, net.x, net.y, net.w, net.h)
		if !ok {
			abort("could not grab the window (closed?) %.0f ms after it was drawn", after(time.Now()))
		}
		v := look(px, net, tr)
		v.t = time.Now()
		changed := polls > 0 && v.hash != last.hash
		if changed {
			changes = append(changes, v.t)
		}
		if trace != nil {
			fmt.Fprintf(trace, "%.1f %v %.0f %d %d %s\n", after(v.t), changed, v.pos, v.cloud, v.sat, event)
		}
		event = ""
		polls++
		last, lastPX = v, px
		return v
	}
	full := func() []C.uint {
		px, _ := grabRect(d, win, 0, 0, w, h)
		return px
	}

	// Ready: the window's final arrangement (e.g. side panels that join
	// after the first frame) is on show.
	if o.ready != "" {
		rb := boxOf(fractions(o.ready), w, h)
		deadline := time.Now().Add(30 * time.Second)
		for {
			poll()
			if px, ok := grabRect(d, win, rb.x, rb.y, rb.w, rb.h); ok && drawn(px, rb.w, rb.h, o.readySat, 0) {
				break
			}
			if time.Now().After(deadline) {
				abort("the -ready region did not show %d saturated pixels within 30 s", o.readySat)
			}
			time.Sleep(interval)
		}
	}
	tReady := time.Now()
	v := poll()
	// An optional look at the settle before the drag.
	for end := tReady.Add(o.wait); time.Now().Before(end); {
		time.Sleep(min(interval, time.Until(end)))
		v = poll()
	}

	// The press point: the first candidate on plain background (21x21
	// pixels all near the network area's commonest colour).
	bg := commonest(lastPX)
	px0, py0 := -1, -1
	for _, c := range strings.Split(o.from, ";") {
		f := fractions(c)
		x, y := int(f[0]*float64(w)), int(f[1]*float64(h))
		if x-10 < net.x || y-10 < net.y || x+10 >= net.x+net.w || y+10 >= net.y+net.h {
			continue
		}
		plain := true
		for yy := y - 10; yy <= y+10 && plain; yy++ {
			for xx := x - 10; xx <= x+10; xx++ {
				if !near(lastPX[(yy-net.y)*net.w+xx-net.x], bg) {
					plain = false
					break
				}
			}
		}
		if plain {
			px0, py0 = x, y
			break
		}
	}
	if px0 < 0 {
		abort("no -drag-from point is on plain background inside the network area")
	}
	ox, oy := windowOrigin(d, win)
	event = "pointer-to-start"
	pointerTo(d, ox+px0, oy+py0)
	time.Sleep(interval)
	v = poll()
	m0 := v.pos
	var atPress []C.uint
	if o.shots != "" {
		atPress = full()
	}
	if math.IsNaN(m0) {
		abort("no cloud of coloured pixels in the -track region to follow")
	}

	// The drag: press, N steps right, release one interval after the last.
	n, step := o.steps, float64(o.stepPX)
	sent := make([]time.Time, n+1)
	shown := make([]time.Time, n+1)
	tPress := time.Now()
	pollsBefore := polls
	// The drift: how far the median wanders by itself once every step
	// has shown, while the layout goes on settling.
	driftMin, driftMax := math.Inf(1), math.Inf(-1)
	event = "press"
	press(d, true)
	var tRelease time.Time
	var mid []C.uint
	next := 1
	offX, offY := 0, 0
	{
		scr := C.XDefaultScreen(d)
		offX, offY = int(C.XDisplayWidth(d, scr))-1, int(C.XDisplayHeight(d, scr))-1
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		now := time.Now()
		switch {
		case next <= n && !now.Before(tPress.Add(time.Duration(next)*o.every)):
			event = fmt.Sprintf("step-%d", next)
			sent[next] = time.Now()
			pointerTo(d, ox+px0+next*o.stepPX, oy+py0)
			next++
		case next > n && tRelease.IsZero() && !now.Before(tPress.Add(time.Duration(n+1)*o.every)):
			event = "release"
			press(d, false)
			tRelease = time.Now()
			pointerTo(d, offX, offY) // off the window: no hover
			if mid == nil {
				mid = full() // the middle step has not shown: what is on show?
			}
		}
		v = poll()
		for k := 1; k < next; k++ {
			if shown[k].IsZero() && v.pos >= m0+(float64(k)-0.5)*step {
				shown[k] = v.t
			}
		}
		if mid == nil && !shown[(n+1)/2].IsZero() {
			mid = full()
		}
		if !tRelease.IsZero() {
			pending := false
			for k := 1; k <= n; k++ {
				pending = pending || shown[k].IsZero()
			}
			if !pending && !math.IsNaN(v.pos) {
				driftMin, driftMax = math.Min(driftMin, v.pos), math.Max(driftMax, v.pos)
			}
			quiet := len(changes) == 0 || time.Since(changes[len(changes)-1]) >= o.quiet
			if (!pending || time.Since(tRelease) > 5*time.Second) && quiet {
				break
			}
		}
		if time.Now().After(deadline) {
			break
		}
		wake := time.Now().Add(interval)
		if next <= n {
			wake = minTime(wake, tPress.Add(time.Duration(next)*o.every))
		} else if tRelease.IsZero() {
			wake = minTime(wake, tPress.Add(time.Duration(n+1)*o.every))
		}
		time.Sleep(time.Until(wake))
	}
	tEnd := time.Now()
	settledOK := len(changes) == 0 || tEnd.Sub(changes[len(changes)-1]) >= o.quiet
	lastChange := tDrawn
	if len(changes) > 0 {
		lastChange = changes[len(changes)-1]
	}
	if t := tDrawn.Add(o.settledAt); time.Now().Before(t) {
		time.Sleep(time.Until(t))
	}
	settled := full()

	var lat []float64
	var latStr []string
	missed := 0
	for k := 1; k <= n; k++ {
		if shown[k].IsZero() {
			missed++
			latStr = append(latStr, "-")
			continue
		}
		l := float64(shown[k].Sub(sent[k]).Microseconds()) / 1000
		lat = append(lat, l)
		latStr = append(latStr, fmt.Sprintf("%.0f", l))
	}
	med, worst := math.NaN(), math.NaN()
	if len(lat) > 0 {
		s := append([]float64(nil), lat...)
		sort.Float64s(s)
		med, worst = s[len(s)/2], s[len(s)-1]
		if len(s)%2 == 0 {
			med = (s[len(s)/2-1] + s[len(s)/2]) / 2
		}
	}
	count := func(from, to time.Time) int {
		c := 0
		for _, t := range changes {
			if t.After(from) && !t.After(to) {
				c++
			}
		}
		return c
	}
	rate := func(c int, from, to time.Time) float64 {
		if s := to.Sub(from).Seconds(); s > 0 {
			return float64(c) / s
		}
		return 0
	}
	fb, fd, fa := count(tDrawn, tPress), count(tPress, tRelease), count(tRelease, lastChange)
	midSat := -1 // saturated pixels in the network area of the mid-drag shot
	if mid != nil {
		midSat = 0
		for y := net.y; y < net.y+net.h; y++ {
			for x := net.x; x < net.x+net.w; x++ {
				if saturated(mid[y*w+x]) {
					midSat++
				}
			}
		}
	}
	drift := "-"
	if driftMax >= driftMin {
		drift = fmt.Sprintf("%.0f", driftMax-driftMin)
	}
	moving := fmt.Sprintf("%.0f", after(lastChange))
	if !settledOK {
		moving = ">" + moving
	}
	if o.shots != "" {
		if atPress != nil {
			savePNG(o.shots+"press.png", atPress, w, h)
		}
		if mid != nil {
			savePNG(o.shots+"mid-drag.png", mid, w, h)
		}
		if settled != nil {
			savePNG(o.shots+"settled.png", settled, w, h)
		}
	}
	return fmt.Sprintf("ready_ms=%.0f press_ms=%.0f release_ms=%.0f press=%d,%d steps=%d step_px=%d lat_ms=%s lat_med_ms=%.0f lat_max_ms=%.0f missed=%d "+
		"frames_before=%d fps_before=%.1f frames_drag=%d fps_drag=%.1f frames_after=%d fps_after=%.1f moving_ms=%s "+
		"shift_px=%.0f drift_px=%s mid_sat=%d drag_poll_ms=%.1f",
		after(tReady), after(tPress), after(tRelease), px0, py0, n, o.stepPX, strings.Join(latStr, ","), med, worst, missed,
		fb, rate(fb, tDrawn, tPress), fd, rate(fd, tPress, tRelease), fa, rate(fa, tRelease, lastChange), moving,
		last.pos-m0, drift, midSat, float64(tEnd.Sub(tPress).Microseconds())/1000/float64(max(1, polls-pollsBefore)))
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
