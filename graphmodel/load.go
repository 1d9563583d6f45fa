package graphmodel

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
)

// MaxFileBytes bounds what Load reads, so a wrong file cannot eat memory.
// It holds the largest file Echoes writes for a network at the limits of
// the formats package (250,000 actors, 1,000,000 relations) as GEXF, its
// most verbose format: about 470 MB.
const MaxFileBytes = 512 << 20

// Load reads and validates a native JSON dataset file.
func Load(path string) (*Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open dataset: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("open dataset: %w", err)
	}
	if st.Size() > MaxFileBytes {
		return nil, Problems{{File: path, Msg: fmt.Sprintf("file is %d MB, over the %d MB limit; split it or remove unused data", st.Size()>>20, MaxFileBytes>>20)}}
	}
	// The limit holds even for a file that grows while it is read.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read dataset: %w", err)
	}
	if len(data) > MaxFileBytes {
		return nil, Problems{{File: path, Msg: fmt.Sprintf("file is over the %d MB limit; split it or remove unused data", MaxFileBytes>>20)}}
	}
	return Parse(path, data)
}

// Parse decodes and validates a native JSON dataset; name is used in
// problem messages. The error, when not nil, is Problems.
func Parse(name string, data []byte) (*Dataset, error) {
	return ParseLimited(name, data, Limits{})
}

// ParseLimited is Parse refusing a file whose lists are longer than lim
// allows, and one nested deeper than MaxDepth, before decoding it.
//
// A file as Echoes writes it is decoded in one pass (fastDecoder). Any
// other goes the slow way: one pass over the text checks what
// encoding/json lets pass (a key given twice in an object, whose later
// value would silently replace the earlier; an unknown field; a malformed
// date), then encoding/json decodes it. Validation's problems are placed
// with a further pass only when there are any.
func ParseLimited(name string, data []byte, lim Limits) (*Dataset, error) {
	var d Dataset
	fast := fastDecoder{data: data, lim: lim}
	if !fast.dataset(&d) {
		d = Dataset{}
		if err := slowDecode(name, data, lim, &d); err != nil {
			return nil, err
		}
	}
	v := validator{file: name}
	maps := v.dataset(&d)
	if len(v.problems) > 0 {
		paths := make([]string, 0, len(v.problems))
		for _, p := range v.problems {
			if p.Path != "" {
				paths = append(paths, p.Path)
			}
		}
		at := locate(data, paths)
		for i := range v.problems {
			if p := &v.problems[i]; p.Path != "" {
				p.off = at[p.Path] + 1
			}
		}
		placeAll(data, v.problems)
		return nil, v.problems
	}
	d.index(maps)
	return &d, nil
}

// slowDecode decodes what the fast decoder would not: the scan finds and
// places what encoding/json would let pass, then encoding/json decodes
// into d and says what else is wrong.
func slowDecode(name string, data []byte, lim Limits, d *Dataset) error {
	scan := newScan(name, data)
	scan.limits = lim
	scan.run(schemaOf(reflect.TypeFor[Dataset]()))
	if !scan.syntax && len(scan.problems) > 0 {
		placeAll(data, scan.problems)
		return capped(name, scan.problems)
	}
	if err := json.Unmarshal(data, d); err != nil {
		return Problems{decodeProblem(name, data, err)}
	}
	if scan.syntax {
		// The scan met what encoding/json accepts; say so rather than pass.
		return Problems{{File: name, Msg: "the file could not be read as JSON; check it with a JSON validator"}}
	}
	return nil
}

// capped adds the note that problems stopped at MaxProblems.
func capped(name string, ps Problems) Problems {
	if len(ps) >= MaxProblems {
		ps = append(ps, Problem{File: name, Msg: fmt.Sprintf("stopped after %d problems; fix these and check again", MaxProblems)})
	}
	return ps
}

// decodeProblem turns an encoding/json error into a located Problem, in
// words about the file rather than about Go.
func decodeProblem(name string, data []byte, err error) Problem {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	p := Problem{File: name}
	switch {
	case errors.As(err, &syn):
		p.off = int(syn.Offset) + 1
		msg := strings.TrimPrefix(syn.Error(), "json: ")
		if strings.Contains(msg, "after top-level value") {
			p.Msg = "extra data after the dataset object; a file holds one JSON object"
		} else if strings.Contains(msg, "unexpected end of JSON input") {
			p.off = len(data) + 1
			p.Msg = "file ends too early; the JSON object is not closed"
		} else {
			p.Msg = "JSON syntax: " + msg + "; check for a missing comma, quote or bracket just before here"
		}
	case errors.As(err, &typ):
		p.off = int(typ.Offset) + 1
		s := newScan(name, data)
		s.at = int(typ.Offset)
		s.run(nil)
		p.Path = s.atPath
		p.Msg = typeProblem(typ)
	case errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected end"):
		p.off = len(data) + 1
		p.Msg = "file ends too early; the JSON object is not closed"
	default:
		p.Msg = strings.TrimPrefix(err.Error(), "json: ") + "; correct the value"
	}
	ps := Problems{p}
	placeAll(data, ps)
	return ps[0]
}

// typeProblem says what a value of the wrong type should be, naming
// JSON's kinds of value rather than Go's types.
func typeProblem(e *json.UnmarshalTypeError) string {
	want := JSONValueWord(e.Type)
	found := e.Value
	if num, ok := strings.CutPrefix(found, "number "); ok {
		switch e.Type.Kind() {
		case reflect.Float32, reflect.Float64:
			return fmt.Sprintf("number %s is out of range; write a number such as 127.5 (a longitude runs from -180 to 180, a latitude from -90 to 90)", num)
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			return fmt.Sprintf("number %s is not a whole number in range; write %s", num, want)
		}
		found = "number"
	}
	if found == "array" {
		found = "list"
	}
	article := "a"
	if found == "object" {
		article = "an"
	}
	return fmt.Sprintf("found %s %s; write %s", article, found, want)
}

// JSONValueWord describes in JSON's words the value a Go type takes, for
// messages such as "number where text in quotes is expected"; readers of
// JSON embedded in other formats use it too.
func JSONValueWord(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == reflect.TypeFor[Date]():
		return `a date in quotes: "YYYY", "YYYY-MM" or "YYYY-MM-DD"`
	case t == reflect.TypeFor[[2]float64]():
		return "[longitude, latitude], two numbers"
	}
	switch t.Kind() {
	case reflect.String:
		return "text in quotes"
	case reflect.Bool:
		return "true or false"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Slice, reflect.Array:
		return "a list in [ ]"
	case reflect.Struct, reflect.Map:
		return "an object in { }"
	}
	return "another value"
}
