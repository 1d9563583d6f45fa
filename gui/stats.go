package gui

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
)

// StatsOnSignal makes the process write one line of runtime figures to w
// each time it receives SIGUSR1 (on Unix; elsewhere it does nothing):
//
//	echoes: stats goroutines=14 heap_inuse=9437184 rss=171966464
//
// goroutines is runtime.NumGoroutine, heap_inuse is MemStats.HeapInuse in
// bytes, and rss is the resident set in bytes from /proc/self/status (0
// where there is no such file). .ci/perf sends the signal during its
// endurance run to count goroutines and memory from outside the process.
func StatsOnSignal(w io.Writer) {
	if statsSignal == nil {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, statsSignal)
	go func() {
		for range ch {
			fmt.Fprintln(w, statsLine())
		}
	}()
}

func statsLine() string {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return fmt.Sprintf("echoes: stats goroutines=%d heap_inuse=%d rss=%d", runtime.NumGoroutine(), ms.HeapInuse, residentBytes())
}

// residentBytes reads VmRSS from /proc/self/status; 0 when it cannot.
func residentBytes() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}
