package resources

import (
	"testing"

	"github.com/echoes-viz/echoes/graphmodel/lesson"
)

// TestBuiltInLesson holds the built-in lesson to what the issue asks of
// it: valid against the embedded dataset, about twelve steps, at least
// three of them predict steps, each in the lesson's own words.
func TestBuiltInLesson(t *testing.T) {
	ds, err := Dataset()
	if err != nil {
		t.Fatal(err)
	}
	l, err := lesson.Parse(LessonName, LessonJSON(), ds)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(l.Steps); n < 10 || n > 15 {
		t.Errorf("%d steps; about twelve wanted", n)
	}
	predicts := 0
	for i, s := range l.Steps {
		if s.Predict {
			predicts++
		}
		if s.Title == "" || s.Notes == "" {
			t.Errorf("step %d has no title or notes of its own", i+1)
		}
		if i > 0 && s.Day(ds) < l.Steps[i-1].Day(ds) {
			t.Errorf("step %d goes back in time", i+1)
		}
	}
	if predicts < 3 {
		t.Errorf("%d predict steps, want at least 3", predicts)
	}
}
