package export

import "context"

// Run is how one export runs: Ctx, when cancelled, stops it and no file
// is written; Progress, when set, hears after each frame (or the one
// picture of a still) how many of how many are done. The zero Run runs to
// the end and tells nothing.
type Run struct {
	Ctx      context.Context
	Progress func(done, total int)
}

// ctx is the run's context, never nil.
func (r Run) ctx() context.Context {
	if r.Ctx == nil {
		return context.Background()
	}
	return r.Ctx
}

// report tells Progress, if any, that done of total are done.
func (r Run) report(done, total int) {
	if r.Progress != nil {
		r.Progress(done, total)
	}
}
