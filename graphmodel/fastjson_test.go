package graphmodel

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// TestFastDecoderAgrees protects the fast path of Parse: on every file it
// takes, it must give exactly what encoding/json gives, and it must leave
// to encoding/json (and the scan's located problems) every file it is not
// sure of. The files Echoes writes must take it, or reading at the limit
// is slow again.
func TestFastDecoderAgrees(t *testing.T) {
	mini, err := os.ReadFile("testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		doc  string
		fast bool // the fast decoder takes it
	}{
		{"mini", string(mini), true},
		{"escapes", `{"title": "a\"b\\c\u00e9\n", "relations": [{"id": "r\/1", "actors": ["x\ty"]}]}`, true},
		{"unicode", `{"title": "北東アジア — Σ", "description": "é"}`, true},
		{"empty and null lists", `{"sources": [], "actors": null, "relations": [{"sources": null, "actors": []}]}`, true},
		{"numbers", `{"memoryMonths": -0, "actors": [{"anchor": [-1.5e2, 0.25E+1]}]}`, true},
		{"every field", `{"title": "t", "description": "d", "range": {"start": "1945", "end": "2024-12"}, "memoryMonths": 12, "credit": "c", "compare": "1950-06-25",
			"sources": [{"id": "S", "title": "T", "url": "u"}],
			"actors": [{"id": "A", "names": [{"name": "N", "short": "S"}, {"name": "M", "short": "T", "from": "1991-12-26"}], "kind": "state", "span": {"start": "1949", "end": "1991"}, "anchor": [1, 2], "color": "#ff0000"}],
			"relations": [{"id": "r", "kind": "war", "name": "n", "actors": ["A", "B"], "directed": true, "signed": "1950", "start": "1950-06", "end": "1953-07-27", "certainty": "alleged", "description": "d", "sources": ["S"], "echoes": "q", "ref": "#1"}],
			"groupings": [{"id": "g", "name": "n", "members": ["A"], "spans": [{"start": "1950"}], "description": "d", "sources": []}],
			"events": [{"id": "e", "date": "1950", "title": "t", "caption": "c", "relations": ["r"], "sources": ["S"]}]}`, true},
		{"key in another case", `{"Title": "t"}`, false},
		{"duplicate key", `{"title": "a", "title": "b"}`, false},
		{"unknown key", `{"weight": 1}`, false},
		{"null date", `{"compare": null}`, false},
		{"null text", `{"title": null}`, false},
		{"number out of range", `{"actors": [{"anchor": [1e999, 0]}]}`, false},
		{"number not JSON", `{"memoryMonths": 012}`, false},
		{"fraction for a whole number", `{"memoryMonths": 1.5}`, false},
		{"date with spaces", `{"compare": " 1950 "}`, false},
		{"bad date", `{"compare": "1950-13"}`, false},
		{"control character", "{\"title\": \"a\tb\"}", false},
		{"invalid UTF-8", "{\"title\": \"a\xffb\"}", false},
		{"extra data", `{} {}`, false},
		{"three anchors", `{"actors": [{"anchor": [1, 2, 3]}]}`, false},
		{"not an object", `[]`, false},
		{"cut short", `{"title": "a"`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var fast Dataset
			f := fastDecoder{data: []byte(tc.doc)}
			ok := f.dataset(&fast)
			if ok != tc.fast {
				t.Fatalf("fast decoder took it: %v, want %v", ok, tc.fast)
			}
			if !ok {
				return
			}
			var slow Dataset
			if err := json.Unmarshal([]byte(tc.doc), &slow); err != nil {
				t.Fatalf("the fast decoder took what encoding/json refuses: %v", err)
			}
			if !reflect.DeepEqual(fast, slow) {
				t.Errorf("fast decoder gave\n%+v\nencoding/json gave\n%+v", fast, slow)
			}
		})
	}
}

// FuzzFastDecoderAgrees checks the fast decoder's promise on any input:
// whatever it takes, encoding/json takes too and decodes the same.
func FuzzFastDecoderAgrees(f *testing.F) {
	mini, err := os.ReadFile("testdata/mini.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(mini)
	f.Add([]byte(`{"title": "a\"b", "relations": [{"id": "r", "actors": ["a", "b"], "start": "1950"}], "sources": null}`))
	f.Add([]byte(`{"actors": [{"anchor": [-1.5e2, 0.25E+1]}], "memoryMonths": -0}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var fast Dataset
		d := fastDecoder{data: data}
		if !d.dataset(&fast) {
			return
		}
		var slow Dataset
		if err := json.Unmarshal(data, &slow); err != nil {
			t.Fatalf("the fast decoder took what encoding/json refuses: %v", err)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("fast decoder gave\n%+v\nencoding/json gave\n%+v", fast, slow)
		}
	})
}
