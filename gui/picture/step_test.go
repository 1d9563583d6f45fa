package picture

import (
	"fmt"
	"testing"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/lesson"
	"github.com/echoes-viz/echoes/gui/render"
	"github.com/echoes-viz/echoes/resources"
)

// TestBuiltInLessonLegible presents the built-in lesson end to end at
// 1280×720 in the projector theme, every predict step before and after its
// reveal, and holds each picture to Legibility as TestLegibleEverywhere
// holds the dataset's events.
func TestBuiltInLessonLegible(t *testing.T) {
	c, ds := testChain(t)
	l, err := lesson.Parse(resources.LessonName, resources.LessonJSON(), ds)
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Width: 1280, Height: 720, Theme: render.Projector(), Legend: true, Caption: true, Chain: c}
	pictures := 0
	for i := range l.Steps {
		s := &l.Steps[i]
		for _, revealed := range []bool{false, true} {
			if !s.Predict && !revealed {
				continue
			}
			b := Step(ds, s, revealed, o, c.fonts)
			pictures++
			span := 0.85
			if !s.Compare.IsZero() {
				span = 0 // as compare mode in TestLegibleEverywhere
			}
			for _, p := range Legibility(b, c.fonts, span) {
				t.Errorf("step %d (revealed %v): %s", i+1, revealed, p)
			}
		}
	}
	if pictures != len(l.Steps)+4 {
		t.Errorf("%d pictures for %d steps", pictures, len(l.Steps))
	}
}

// TestStepView checks a predict step's two faces: the day before with the
// question, then the day with the answer and the new ties glowing.
func TestStepView(t *testing.T) {
	_, ds := testChain(t)
	s := &lesson.Step{Event: "e1950-10-19", Predict: true, Question: "What does China do?", Caption: "It goes to war.",
		Hide: []graphmodel.Kind{graphmodel.Kind("sanctions")}, Focus: []string{"PRC", "USA"}}
	tests := []struct {
		revealed bool
		day      graphmodel.Day
		caption  string
		glows    bool
	}{
		{false, graphmodel.DayOf(1950, 10, 18), "What does China do?", false},
		{true, graphmodel.DayOf(1950, 10, 19), "It goes to war.", true},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint("revealed ", tc.revealed), func(t *testing.T) {
			v := StepViewOf(ds, s, tc.revealed, "")
			if (v.Event.Title == "China enters the Korean War") != tc.revealed {
				t.Errorf("title %q gives the answer away, or is not the event's after the reveal", v.Event.Title)
			}
			if v.Day != tc.day || v.Event.Caption != tc.caption || v.Waiting == tc.revealed {
				t.Errorf("day %v caption %q waiting %v", v.Day, v.Event.Caption, v.Waiting)
			}
			if got := v.Emphasis["r13-b"]; got != tc.glows {
				t.Errorf("China–US war tie glows: %v, want %v", got, tc.glows)
			}
			if !v.Focus["PRC"] || v.Focus["RUS"] {
				t.Errorf("focus %v", v.Focus)
			}
			if tc.revealed && !v.Focus["r13-b"] {
				t.Error("the tie between focused actors is not in focus")
			}
		})
	}
}
