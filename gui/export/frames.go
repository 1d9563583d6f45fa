package export

import (
	"context"
	"image"
	"runtime"
	"sync"

	"github.com/echoes-viz/echoes/gui/picture"
	"github.com/echoes-viz/echoes/gui/render"
)

// drawFrames draws every frame of tl, several at once, turns each into a
// T with a converter made per worker (newConv), and hands them to emit in
// order, as soon as each is ready. At most a few converted frames wait
// for emit at any time, so an animation of any length takes the memory
// of a handful of frames, never of the whole timeline. A cancelled ctx or
// an error from emit stops the drawing and is returned.
func drawFrames[T any](ctx context.Context, tl picture.Timeline, o picture.Options, fonts *render.Fonts,
	newConv func() func(*image.RGBA) T, emit func(i int, v T) error) error {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel() // the dispatcher stops, closes jobs, and the workers end
		wg.Wait()
	}()
	ropt := tl.Options(o)
	n := len(tl.Frames)
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	ahead := workers + 1 // converted frames waiting their turn, at most
	results := make([]chan T, n)
	for i := range results {
		results[i] = make(chan T, 1)
	}
	tokens := make(chan struct{}, ahead)
	jobs := make(chan int)
	go func() {
		defer close(jobs)
		for i := 0; i < n; i++ {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rgba := image.NewRGBA(image.Rect(0, 0, o.Width, o.Height))
			conv := newConv()
			for i := range jobs {
				if ctx.Err() != nil {
					continue
				}
				b := render.Build(tl.Frames[i], ropt, fonts)
				render.RasterInto(rgba, b.Scene, fonts)
				results[i] <- conv(rgba)
			}
		}()
	}
	for i := 0; i < n; i++ {
		var v T
		select {
		case v = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		// Both may be ready: a cancel stops before the next frame.
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := emit(i, v); err != nil {
			return err
		}
		<-tokens
	}
	return nil
}
