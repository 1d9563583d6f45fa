package lesson

import (
	"fmt"
	"slices"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// Check holds a decoded lesson to its dataset: events and actors it names
// must be the dataset's, and its dates inside the dataset's range. data is
// the file's text, to place the problems.
func Check(name string, data []byte, l *Lesson, ds *graphmodel.Dataset) error {
	pl := walk(data)
	var ps graphmodel.Problems
	add := func(path, msg string) {
		p := graphmodel.Problem{File: name, Path: path, Msg: msg}
		if len(data) > 0 {
			p.Line, p.Col = lineCol(data, pl.offset(path))
		}
		ps = append(ps, p)
	}
	for _, s := range l.Problems(ds) {
		add(s.Path, s.Msg)
	}
	if len(ps) > 0 {
		sortProblems(ps)
		return ps
	}
	return nil
}

// Issue is what is wrong at a path of the lesson ("steps[2].event").
type Issue struct{ Path, Msg string }

// Problems lists what in l does not fit ds, by path; the window checks a
// lesson it edits with it before saving.
func (l *Lesson) Problems(ds *graphmodel.Dataset) []Issue {
	var out []Issue
	add := func(path, format string, a ...any) { out = append(out, Issue{path, fmt.Sprintf(format, a...)}) }
	inRange := func(path string, d graphmodel.Date) {
		if d.IsZero() {
			return
		}
		if d.Last() < ds.First() || d.First() > ds.Last() {
			add(path, "%s is outside the dataset's range (%s to %s); pick a date inside it", d, ds.Range.Start, ds.Range.End)
		}
	}
	kinds := graphmodel.Kinds()
	for i, s := range l.Steps {
		at := fmt.Sprintf("steps[%d]", i)
		if s.Event != "" && eventByID(ds, s.Event) == nil {
			add(at+".event", "unknown event %q in %q; use the id of one of its events%s", s.Event, ds.Title, example(ds))
		}
		inRange(at+".date", s.Date)
		inRange(at+".compare", s.Compare)
		if s.Predict && (s.Event != "" || !s.Date.IsZero()) && s.Day(ds) <= ds.First() {
			add(at+".predict", "a predict step needs a day before it to show; the step is on the dataset's first day")
		}
		for j, k := range s.Hide {
			if !slices.Contains(kinds, k) {
				names := make([]string, len(kinds))
				for n, x := range kinds {
					names[n] = string(x)
				}
				add(fmt.Sprintf("%s.hide[%d]", at, j), "unknown relation kind %q; use one of %s", k, strings.Join(names, ", "))
			}
		}
		for j, a := range s.Focus {
			if ds.Actor(a) == nil {
				ids := make([]string, 0, len(ds.Actors))
				for _, x := range ds.Actors {
					ids = append(ids, x.ID)
				}
				if len(ids) > 12 {
					ids = append(ids[:12], "...")
				}
				add(fmt.Sprintf("%s.focus[%d]", at, j), "actor %q is not in %q (is the lesson for another dataset?); use one of %s", a, ds.Title, strings.Join(ids, ", "))
			}
		}
	}
	return out
}

// example names one event id of ds, for a message.
func example(ds *graphmodel.Dataset) string {
	if len(ds.Events) == 0 {
		return " (it has none: give a \"date\" instead)"
	}
	return fmt.Sprintf(", e.g. %q", ds.Events[0].ID)
}
