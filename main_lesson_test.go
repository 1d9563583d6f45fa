package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/echoes-viz/echoes/graphmodel/lesson"
	"github.com/echoes-viz/echoes/resources"
)

// TestLessonCommands: validate tells lessons from datasets and places a
// bad lesson's problem in one line; export --lesson writes the handout
// and refuses a PDF it cannot write.
func TestLessonCommands(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	if err := os.WriteFile(good, resources.LessonJSON(), 0o644); err != nil {
		t.Fatal(err)
	}
	head := `{"echoes": "lesson", "title": "T", "steps": [` + "\n"
	tests := []struct {
		name, text, want string
		code             int
	}{
		{"good", "", "good.json: valid lesson (13 steps, 4 predict", exitOK},
		{"wrong JSON", head + `{"event": "e1950-02-14",}]}`, "wrong JSON.json:2:25: JSON syntax", exitWork},
		{"unknown event", head + `{"event": "e2030"}]}`, `unknown event.json:2:11: steps[0].event: unknown event "e2030"`, exitWork},
		{"out of range", head + `{"date": "1930"}]}`, "out of range.json:2:10: steps[0].date: 1930 is outside the dataset's range", exitWork},
		{"another dataset", head + `{"date": "1950", "focus": ["FRA"]}]}`, `another dataset.json:2:28: steps[0].focus[0]: actor "FRA"`, exitWork},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := good
			if tc.text != "" {
				path = filepath.Join(dir, tc.name+".json")
				if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var so, se bytes.Buffer
			code := run([]string{"validate", path}, &so, &se)
			out := so.String() + se.String()
			if code != tc.code || !strings.Contains(out, tc.want) {
				t.Errorf("exit %d, output %q; want %d and %q", code, out, tc.code, tc.want)
			}
			if lines := strings.Count(strings.TrimSpace(out), "\n"); lines != 0 || strings.Contains(out, "panic") {
				t.Errorf("%d lines: %q", lines+1, out)
			}
		})
	}
	var so, se bytes.Buffer
	out := filepath.Join(dir, "handout") + "/"
	if code := run([]string{"export", "--lesson", good, "-o", out, "--size", "640x360"}, &so, &se); code != exitOK {
		t.Fatalf("handout: exit %d: %s", code, se.String())
	}
	files, _ := filepath.Glob(filepath.Join(out, "step-*.png"))
	if len(files) != 13+4 {
		t.Errorf("%d handout pictures, want 13 pages and 4 questions", len(files))
	}
	se.Reset()
	pdf := filepath.Join(dir, "h.pdf")
	if code := run([]string{"export", "--lesson", good, "-o", pdf, "--size", "640x360"}, &so, &se); code != exitOK {
		t.Errorf("PDF: exit %d: %q", code, se.String())
	}
	if b, err := os.ReadFile(pdf); err != nil || !bytes.Contains(b, []byte("/Count 17")) {
		t.Errorf("the PDF handout has not 17 pages (%v)", err)
	}
}

// redPixels counts the war red of the projector theme's war lines.
func redPixels(img image.Image) int { return near(img, color.NRGBA{0xC0, 0x26, 0x1A, 255}, 30) }

// TestLessonThroughWindowUnderXvfb is the first check: a lesson is
// built through the window with keys alone (three steps, one made a
// predict step, that one moved up, its caption typed), saved, and the app
// restarted on it; presented, the predict step shows its question (the
// screen is the handout's question page) and, after the reveal key, the
// new ties: China's war lines, in red and glowing.
func TestLessonThroughWindowUnderXvfb(t *testing.T) {
	disp := xvfbScreen(t, "1280x720x24")
	needTools(t, "compare")
	dir := t.TempDir()
	path := filepath.Join(dir, "my-lesson.json")

	x := startApp(t, disp, "--lesson", path, "--at", "1950-02-14")
	x.run("xdotool", "windowmove", x.wid, "0", "0")
	x.run("xdotool", "windowfocus", "--sync", x.wid)
	step := 700 * time.Millisecond
	x.key("ctrl+shift+a", step) // 1: the 1950 alliance
	x.key("Right", step)
	x.key("ctrl+shift+a", step) // 2: the green light
	for range 3 {
		x.key("Right", step)
	}
	if got := x.title(); !strings.Contains(got, "China enters the Korean War") {
		t.Fatalf("three events on, the title is %q", got)
	}
	x.key("ctrl+shift+a", step) // 3: China enters the war
	x.key("ctrl+shift+p", step) // ... as a predict step
	x.key("alt+Up", step)       // ... moved to second place
	x.key("ctrl+shift+e", step)
	x.run("xdotool", "type", "--delay", "30", "China crosses the Yalu.")
	time.Sleep(step)
	x.shot("lesson-built")
	// A click on the picture's empty corner takes the keys back from the
	// caption field.
	x.run("xdotool", "mousemove", "--window", x.wid, "30", "120", "click", "1")
	time.Sleep(step)
	x.key("ctrl+shift+s", time.Second)

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the lesson was not saved: %v\n%s", err, x.stderr)
	}
	ds, err := resources.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	l, err := lesson.Parse(path, data, ds)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range l.Steps {
		got = append(got, fmt.Sprintf("%s predict=%v %q", s.Event, s.Predict, s.Caption))
	}
	want := []string{`e1950-02-14 predict=false ""`, `e1950-10-19 predict=true "China crosses the Yalu."`, `e1950-04 predict=false ""`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("saved lesson:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	x.stop()

	// A new start on the saved lesson, presented.
	y := startApp(t, disp, "--lesson", path)
	y.run("xdotool", "mousemove", "1279", "719")
	y.run("xdotool", "windowfocus", "--sync", y.wid)
	y.key("p", 1500*time.Millisecond)
	if got := y.title(); !strings.Contains(got, "lesson step 1/3") {
		t.Fatalf("after P the title is %q", got)
	}
	y.key("Right", 1500*time.Millisecond)
	if got := y.title(); !strings.Contains(got, "lesson step 2/3, question") {
		t.Fatalf("on the predict step the title is %q", got)
	}
	question := y.stableShot(t, "lesson-question", 4*time.Second, 40*time.Second)
	handout := filepath.Join(dir, "handout") + "/"
	y.run(y.cmd.Path, "export", "--lesson", path, "--theme", "projector", "--size", "1280x720", "-o", handout)
	page := filepath.Join(handout, "step-02-question.png")
	if share := differs(t, question, page); share > 0.01 {
		t.Errorf("the question on screen differs from the handout's question page in %.2f%% of pixels (limit 1%%)", share*100)
	}
	y.key("Right", 1500*time.Millisecond)
	if got := y.title(); !strings.Contains(got, "lesson step 2/3, answer") || !strings.Contains(got, "19 October 1950") {
		t.Errorf("after the reveal key the title is %q", got)
	}
	answer := y.stableShot(t, "lesson-answer", time.Second, 40*time.Second)
	before, after := redPixels(decodePNG(t, question)), redPixels(decodePNG(t, answer))
	if after < before+400 {
		t.Errorf("war red: %d pixels before the reveal, %d after; China's war lines did not come", before, after)
	}
	if share := differs(t, answer, page); share < 0.02 {
		t.Errorf("the answer differs from the question in only %.2f%% of pixels", share*100)
	}
	if out := y.stderr.String(); appTrouble(out) {
		t.Errorf("app logged errors:\n%s", out)
	}
}

// differs is the share of pixels of two pictures that differ by more than
// ImageMagick's fuzz of 10%.
func differs(t *testing.T, a, b string) float64 {
	t.Helper()
	cmd := exec.Command("compare", "-fuzz", "10%", "-metric", "AE", a, b, "null:")
	var out bytes.Buffer
	cmd.Stderr = &out
	cmd.Run() // exits 1 when the images differ at all
	n, err := strconv.ParseFloat(strings.Fields(out.String() + " x")[0], 64)
	if err != nil {
		t.Fatalf("compare said %q", out.String())
	}
	img := decodePNG(t, a)
	return n / float64(img.Bounds().Dx()*img.Bounds().Dy())
}

func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
