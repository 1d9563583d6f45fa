package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/gui/export"
	"github.com/echoes-viz/echoes/gui/picture"
)

// isTerminal reports whether f is a terminal (a character device).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressLine returns the progress callback of `echoes export`: on a
// terminal, one line redrawn in place with the frames done, the time
// spent and an estimate of the time left; nil (nothing printed) when out
// is not a terminal, or for a still.
func progressLine(out io.Writer, terminal bool, now func() time.Time) func(done, total int) {
	if !terminal {
		return nil
	}
	start := now()
	return func(done, total int) {
		if total <= 1 {
			return
		}
		el := now().Sub(start)
		left := "…"
		if done > 0 {
			left = clock(time.Duration(float64(el) / float64(done) * float64(total-done)))
		}
		fmt.Fprintf(out, "\rframe %d of %d, %s spent, about %s left  ", done, total, clock(el), left)
		if done == total {
			fmt.Fprintln(out)
		}
	}
}

// clock writes d as m:ss.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// exportRun is the Run of `echoes export`: Ctrl+C cancels it (and the
// file is not written), and progress shows on a terminal.
func exportRun() (export.Run, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	return export.Run{Ctx: ctx, Progress: progressLine(os.Stdout, isTerminal(os.Stdout), time.Now)}, stop
}

// parseFilmstrip reads --filmstrip: "events" (the days that open the
// story's chapters) or dates, YYYY, YYYY-MM or YYYY-MM-DD, comma-separated.
func parseFilmstrip(s string, ds *graphmodel.Dataset) ([]graphmodel.Day, error) {
	if strings.EqualFold(strings.TrimSpace(s), "events") {
		return picture.FilmstripEvents(ds), nil
	}
	var days []graphmodel.Day
	for _, part := range strings.Split(s, ",") {
		d, err := parseAt(strings.TrimSpace(part), ds)
		if err != nil {
			return nil, fmt.Errorf("--filmstrip %q: %q is not a date; give dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. --filmstrip 1950,1961,1972,1991,2024, or --filmstrip events", s, strings.TrimSpace(part))
		}
		days = append(days, d)
	}
	if len(days) < 2 || len(days) > 12 {
		return nil, fmt.Errorf("--filmstrip %q: give 2 to 12 dates, e.g. --filmstrip 1950,1961,1972,1991,2024", s)
	}
	return days, nil
}
