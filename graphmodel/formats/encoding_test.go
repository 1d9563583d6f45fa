package formats

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 with a byte-order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	var order binary.AppendByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	out := order.AppendUint16(nil, 0xfeff)
	for _, u := range utf16.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

// TestUTF16FilesRead checks that a file saved as UTF-16, either byte order,
// reads as its UTF-8 original does, in every format; and that the XML
// declaration's encoding="UTF-16" is then accepted.
func TestUTF16FilesRead(t *testing.T) {
	for _, f := range []struct{ file, format string }{
		{"mini.json", "json"},
		{"spells.gexf", "gexf"},
		{"yed3.graphml", "graphml"},
		{"gephi-edges.csv", "csv"},
		{"names.gexf", "gexf"},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", f.file))
		if err != nil {
			t.Fatal(err)
		}
		want, err := ReadBytes(f.file, f.format, data)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Replace(string(data), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
		for _, big := range []bool{false, true} {
			got, err := ReadBytes(f.file, f.format, utf16Bytes(text, big))
			if err != nil {
				t.Errorf("%s, big-endian %v: %v", f.file, big, err)
				continue
			}
			if canon(t, got, true) != canon(t, want, true) {
				t.Errorf("%s, big-endian %v: not the dataset its UTF-8 original is", f.file, big)
			}
		}
	}
	// The files in testdata: a UTF-16LE tab-separated CSV as Excel's
	// "Unicode Text" saves it, and a UTF-16BE GEXF with Korean, Japanese
	// and a character outside the BMP (a surrogate pair).
	csv := mustRead(t, "testdata/utf16le.csv")
	if r := csv.Relation("r2"); r == nil || r.Name != "한일기본조약" || r.Start.String() != "1965-12-18" {
		t.Errorf("utf16le.csv r2: %+v", r)
	}
	gexf := mustRead(t, "testdata/utf16be.gexf")
	if a := gexf.Actor("KR"); a == nil || a.Names[0].Name != "대한민국" {
		t.Errorf("utf16be.gexf KR: %+v", a)
	}
	if r := gexf.Relation("basic"); r == nil || r.Name != "𝄞 treaty" {
		t.Errorf("utf16be.gexf basic: %+v", r)
	}
}

// TestUTF16Refusals checks the UTF-16 and UTF-32 files that cannot be read
// say so in words, naming the file.
func TestUTF16Refusals(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"odd length", append(utf16Bytes("id,actors\n", false), 'x'), "ends in half a character"},
		{"utf-32", []byte{0xff, 0xfe, 0, 0, '{', 0, 0, 0}, "UTF-32"},
	}
	for _, tc := range tests {
		_, err := ReadBytes("odd.csv", "csv", tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "odd.csv: ") {
			t.Errorf("%s: got %v, want odd.csv: ... %q", tc.name, err, tc.want)
		}
	}
	// Not UTF-16 and not UTF-8: XML says to save as UTF-8.
	_, err := ReadBytes("latin.gexf", "gexf", []byte("<gexf><graph><nodes><node id=\"a\" label=\"S\xe9oul\"/></nodes></graph></gexf>"))
	if err == nil || !strings.Contains(err.Error(), "save the file as UTF-8") {
		t.Errorf("Latin-1 GEXF: %v", err)
	}
}

// TestPrefixedRootsSniffed checks that a .xml file whose root element has
// a namespace prefix (<ns3:graphml>, as JAXB writes it, or <g:gexf>) is
// told apart and read, and that an XML file of another kind is refused
// with its root's name.
func TestPrefixedRootsSniffed(t *testing.T) {
	g := mustRead(t, "testdata/prefixed-graphml.xml")
	if a := g.Actor("KP"); a == nil || a.Names[0].Name != "North Korea" || g.Relation("treaty") == nil {
		t.Errorf("prefixed GraphML: %d actors, %d relations", len(g.Actors), len(g.Relations))
	}
	x := mustRead(t, "testdata/prefixed-gexf.xml")
	if r := x.Relation("pact"); r == nil || r.Start.String() != "2024-06-19" {
		t.Errorf("prefixed GEXF: relation %+v", r)
	}
	tests := []struct{ name, data, format string }{
		{"default namespace only", `<?xml version="1.0"?><root xmlns="http://graphml.graphdrawing.org/xmlns"/>`, "graphml"},
		{"gexf namespace", `<doc xmlns="http://www.gexf.net/1.2draft"/>`, "gexf"},
		{"comment first", "<!-- made by hand -->\n<p:gexf xmlns:p=\"urn:x\"/>", "gexf"},
		{"other xml", `<p:svg xmlns:p="http://www.w3.org/2000/svg"/>`, ""},
		{"text", "just words", ""},
	}
	for _, tc := range tests {
		if got, _ := formatOf("f.xml", []byte(tc.data)); got != tc.format {
			t.Errorf("%s: format %q, want %q", tc.name, got, tc.format)
		}
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "drawing.xml")
	if err := os.WriteFile(p, []byte(`<p:svg xmlns:p="http://www.w3.org/2000/svg"/>`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read(p)
	if err == nil || !strings.Contains(err.Error(), "drawing.xml: cannot tell the format: the root element is <p:svg>, not <gexf> or <graphml>") {
		t.Errorf("svg: %v", err)
	}
}
