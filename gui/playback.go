package gui

import "time"

// NextEvent moves to the first event after the day; false at the end.
func (v *Viewer) NextEvent() bool {
	for _, e := range v.ds.Events {
		if e.Day() > v.day {
			v.SetDay(e.Day())
			return true
		}
	}
	return false
}

// PrevEvent moves to the last event before the day; false at the start.
func (v *Viewer) PrevEvent() bool {
	for i := len(v.ds.Events) - 1; i >= 0; i-- {
		if e := v.ds.Events[i]; e.Day() < v.day {
			v.SetDay(e.Day())
			return true
		}
	}
	return false
}

// Playing reports whether playback runs.
func (v *Viewer) Playing() bool { return v.playing }

// TogglePlay starts or stops playback: step to the next event, glide, hold
// there so the class can read the caption, and go on.
func (v *Viewer) TogglePlay() {
	if v.playing {
		v.stopPlay()
		v.changed()
		return
	}
	v.playing = true
	stop := make(chan struct{})
	v.playStop = stop
	if !v.NextEvent() {
		v.SetDay(v.ds.First())
	}
	go func() {
		t := time.NewTicker(Glide + Hold)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				v.loop.post(func() {
					select {
					case <-stop:
						return
					default:
					}
					if !v.NextEvent() {
						v.stopPlay()
						v.changed()
					}
				})
			}
		}
	}()
	v.changed()
}

func (v *Viewer) stopPlay() {
	if v.playing {
		close(v.playStop)
		v.playing = false
	}
}
