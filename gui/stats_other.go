//go:build !unix

package gui

import "os"

// statsSignal is nil where there is no SIGUSR1: StatsOnSignal does nothing.
var statsSignal os.Signal
