package lesson

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// MaxFileBytes bounds what Read takes: a lesson is a page of text, and a
// wrong file must not eat memory.
const MaxFileBytes = 4 << 20

// Read reads a lesson file's bytes, refusing one over MaxFileBytes.
func Read(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, graphmodel.Problems{{File: path, Msg: "cannot open the lesson: " + plainErr(err) + "; check the path"}}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, graphmodel.Problems{{File: path, Msg: "cannot read the lesson: " + plainErr(err)}}
	}
	if len(data) > MaxFileBytes {
		return nil, graphmodel.Problems{{File: path, Msg: fmt.Sprintf("file is over the %d MB a lesson may have; is it a lesson?", MaxFileBytes>>20)}}
	}
	return data, nil
}

func plainErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// marker is how a lesson file says what it is, found even in a file too
// broken to decode, so that its problems are reported as a lesson's.
var marker = regexp.MustCompile(`"echoes"\s*:\s*"lesson"`)

// IsLesson says whether data looks like a lesson file (a JSON object whose
// "echoes" key is "lesson") rather than a dataset.
func IsLesson(data []byte) bool {
	var head struct {
		Echoes string `json:"echoes"`
	}
	if json.Unmarshal(data, &head) == nil {
		return head.Echoes == Format
	}
	return marker.Match(data[:min(len(data), 4096)])
}

// Parse decodes a lesson and checks it against ds; name is the file named
// in problems. The error, when not nil, is graphmodel.Problems, each
// placed at FILE:LINE:COL.
func Parse(name string, data []byte, ds *graphmodel.Dataset) (*Lesson, error) {
	l, err := Decode(name, data)
	if err != nil {
		return nil, err
	}
	if err := Check(name, data, l, ds); err != nil {
		return nil, err
	}
	return l, nil
}

// rawStep is a step as written: dates as text, so that a bad one is
// reported at its place and in words about the file.
type rawStep struct {
	Event    string   `json:"event"`
	Date     string   `json:"date"`
	Title    string   `json:"title"`
	Caption  string   `json:"caption"`
	Notes    string   `json:"notes"`
	Predict  bool     `json:"predict"`
	Question string   `json:"question"`
	Compare  string   `json:"compare"`
	Hide     []string `json:"hide"`
	Focus    []string `json:"focus"`
	Zoom     float64  `json:"zoom"`
}

type rawLesson struct {
	Echoes      string    `json:"echoes"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Dataset     string    `json:"dataset"`
	Steps       []rawStep `json:"steps"`
}

var (
	lessonKeys = []string{"echoes", "title", "description", "dataset", "steps"}
	stepKeys   = []string{"event", "date", "title", "caption", "notes", "predict", "question", "compare", "hide", "focus", "zoom"}
)

// Decode reads a lesson's JSON and checks what needs no dataset: its
// shape, known keys, dates and zoom.
func Decode(name string, data []byte) (*Lesson, error) {
	var raw rawLesson
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, graphmodel.Problems{decodeProblem(name, data, err)}
	}
	pl := walk(data)
	var ps graphmodel.Problems
	add := func(path, msg string) {
		line, col := lineCol(data, pl.offset(path))
		ps = append(ps, graphmodel.Problem{File: name, Line: line, Col: col, Path: path, Msg: msg})
	}
	if _, ok := pl.at[""]; !ok || data[pl.at[""]] != '{' {
		return nil, graphmodel.Problems{{File: name, Line: 1, Col: 1, Msg: "a lesson is a JSON object { ... }; see docs/lessons.md"}}
	}
	for _, k := range pl.keys {
		var known []string
		switch {
		case k.object == "":
			known = lessonKeys
		case strings.HasPrefix(k.object, "steps[") && !strings.Contains(k.object, "."):
			known = stepKeys
		default:
			continue
		}
		if !slices.Contains(known, k.key) {
			line, col := lineCol(data, k.off)
			ps = append(ps, graphmodel.Problem{File: name, Line: line, Col: col, Path: join(k.object, k.key),
				Msg: fmt.Sprintf("unknown key %q; use one of %s", k.key, strings.Join(known, ", "))})
		}
	}
	if raw.Echoes != Format {
		add("echoes", `a lesson starts with "echoes": "lesson"; add it, or check this is a lesson and not a dataset`)
	}
	if strings.TrimSpace(raw.Title) == "" {
		add("title", "the lesson has no title; add \"title\": \"...\"")
	}
	if len(raw.Steps) == 0 {
		add("steps", "the lesson has no steps; add \"steps\": [{\"event\": \"...\"}]")
	}
	if len(raw.Steps) > MaxSteps {
		add("steps", fmt.Sprintf("%d steps, over the %d a lesson may have; split it into two lessons", len(raw.Steps), MaxSteps))
	}
	l := &Lesson{Echoes: raw.Echoes, Title: raw.Title, Description: raw.Description, Dataset: raw.Dataset}
	date := func(path, s string) graphmodel.Date {
		if s == "" {
			return graphmodel.Date{}
		}
		d, err := graphmodel.ParseDate(s)
		if err != nil {
			add(path, fmt.Sprintf("%q is not a date; write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"", s))
		}
		return d
	}
	for i, r := range raw.Steps {
		at := fmt.Sprintf("steps[%d]", i)
		s := Step{Event: r.Event, Title: r.Title, Caption: r.Caption, Notes: r.Notes, Predict: r.Predict,
			Question: r.Question, Focus: r.Focus, Zoom: r.Zoom}
		s.Date = date(at+".date", r.Date)
		s.Compare = date(at+".compare", r.Compare)
		for _, k := range r.Hide {
			s.Hide = append(s.Hide, graphmodel.Kind(k))
		}
		switch {
		case r.Event == "" && r.Date == "":
			add(at, "the step has neither an event nor a date; add \"event\": \"ID\" or \"date\": \"YYYY-MM-DD\"")
		case r.Event != "" && r.Date != "":
			add(at+".date", "the step names an event and a date; keep one (an event brings its own date)")
		}
		if r.Predict && strings.TrimSpace(r.Question) == "" {
			add(at+".predict", "a predict step asks a question; add \"question\": \"What happens next?\"")
		}
		if !r.Predict && r.Question != "" {
			add(at+".question", "only a predict step asks its question; add \"predict\": true or remove the question")
		}
		if r.Zoom != 0 && (r.Zoom < MinZoom || r.Zoom > MaxZoom) {
			add(at+".zoom", fmt.Sprintf("zoom %g is out of range; write a number from %g to %g (1 shows the whole network)", r.Zoom, MinZoom, MaxZoom))
		}
		l.Steps = append(l.Steps, s)
	}
	if len(ps) > 0 {
		sortProblems(ps)
		return nil, ps
	}
	return l, nil
}

func join(object, key string) string {
	if object == "" {
		return key
	}
	return object + "." + key
}

func sortProblems(ps graphmodel.Problems) {
	slices.SortStableFunc(ps, func(a, b graphmodel.Problem) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
}

// decodeProblem places an encoding/json error and says it in words about
// the file.
func decodeProblem(name string, data []byte, err error) graphmodel.Problem {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	off, msg := 0, ""
	switch {
	case errors.As(err, &syn):
		off = int(syn.Offset) - 1
		if strings.Contains(syn.Error(), "unexpected end") {
			off, msg = len(data), "file ends too early; the JSON object is not closed"
		} else {
			msg = "JSON syntax: " + strings.TrimPrefix(syn.Error(), "json: ") + "; check for a missing comma, quote or bracket just before here"
		}
	case errors.As(err, &typ):
		// The offset is past the value: place it at the value's start.
		off = int(typ.Offset) - 1
		best := -1
		for _, o := range walk(data).at {
			if o < int(typ.Offset) && o > best {
				best = o
			}
		}
		if best >= 0 {
			off = best
		}
		want := "another value"
		switch typ.Type.Kind().String() {
		case "string":
			want = "text in quotes"
		case "bool":
			want = "true or false"
		case "float64":
			want = "a number"
		case "slice":
			want = "a list in [ ]"
		case "struct":
			want = "an object in { }"
		}
		msg = fmt.Sprintf("%s: found %s; write %s", typ.Field, typ.Value, want)
		if typ.Field == "" {
			msg = fmt.Sprintf("found %s; a lesson is a JSON object { ... }", typ.Value)
		}
	default:
		off, msg = len(data), "file ends too early or is not JSON; check it with a JSON validator"
	}
	line, col := lineCol(data, off)
	return graphmodel.Problem{File: name, Line: line, Col: col, Msg: msg}
}
