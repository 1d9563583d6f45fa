package formats

import (
	"strings"
	"testing"
)

// TestReaderMessagesNameNoGoTypes feeds the readers values that Go's JSON
// decoder rejects inside GEXF and GraphML (an Echoes names attribute, the
// Echoes dataset element) and checks that the messages say what is wrong in
// a user's words: no Go type names, no "json:" prefixes.
func TestReaderMessagesNameNoGoTypes(t *testing.T) {
	const ns = `xmlns:e="https://github.com/echoes-viz/echoes/ns/dataset"`
	names := func(v string) string {
		return `<gexf><graph><attributes class="node"><attribute id="n" title="names" type="string"/></attributes><nodes><node id="a"><attvalues><attvalue for="n" value='` + v + `'/></attvalues></node></nodes></graph></gexf>`
	}
	meta := func(v string) string {
		return `<gexf ` + ns + `><meta><e:dataset>` + v + `</e:dataset></meta><graph/></gexf>`
	}
	tests := []struct{ name, format, data, want string }{
		{"name a number", "gexf", names(`[{"name": 5}]`), `field "name": number where text in quotes is expected`},
		{"from a number", "gexf", names(`[{"name": "C", "from": 1950}]`), `field "from": number where a date in quotes: "YYYY", "YYYY-MM" or "YYYY-MM-DD" is expected`},
		{"memoryMonths text", "gexf", meta(`{"memoryMonths": "x"}`), `field "memoryMonths": text where a whole number is expected`},
		{"memoryMonths 1e999", "gexf", meta(`{"memoryMonths": 1e999}`), `field "memoryMonths": number 1e999 where a whole number is expected`},
		{"range start a number", "gexf", meta(`{"range": {"start": 5}}`), `field "range.start": number where a date in quotes`},
		{"unknown field", "gexf", meta(`{"bogus": 1}`), `Echoes dataset data: unknown field "bogus"`},
		{"cut short", "gexf", meta(`{"memoryMonths": 1`), `Echoes dataset data: the JSON is cut short`},
		{"syntax", "gexf", meta(`{"title" "x"}`), `not valid JSON`},
		{"graphml echoes data", "graphml", `<graphml><key id="g" for="graph" attr.name="echoes"/><graph><data key="g">{"memoryMonths": true}</data></graph></graphml>`, `field "memoryMonths": true or false where a whole number is expected`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadBytes("m."+tc.format, tc.format, []byte(tc.data))
			if err == nil {
				t.Fatal("read without a problem")
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) {
				t.Errorf("%q lacks %q", msg, tc.want)
			}
			for _, leak := range []string{"Go ", "graphmodel.", "struct", "json:", "float64", "int64", "NameSpan", "Dataset."} {
				if strings.Contains(msg, leak) {
					t.Errorf("%q leaks %q", msg, leak)
				}
			}
		})
	}
}
