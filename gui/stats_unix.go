//go:build unix

package gui

import (
	"os"
	"syscall"
)

// statsSignal asks for a line of runtime figures (see StatsOnSignal).
var statsSignal os.Signal = syscall.SIGUSR1
