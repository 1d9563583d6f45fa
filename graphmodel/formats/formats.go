package formats

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// Formats returns every file extension the package reads or writes, for
// file dialogs: .json, .csv, .gexf, .graphml and .xml are read (.xml is
// sniffed as GEXF or GraphML); .json, .csv, .gexf, .graphml and .dot are
// written.
func Formats() []string {
	return []string{".json", ".csv", ".gexf", ".graphml", ".xml", ".dot"}
}

// ReadFormats returns the extensions Read opens.
func ReadFormats() []string { return []string{".json", ".csv", ".gexf", ".graphml", ".xml"} }

// WriteFormats returns the extensions Write saves.
func WriteFormats() []string { return []string{".json", ".csv", ".gexf", ".graphml", ".dot"} }

// Read opens a dataset file of any supported format, chosen by extension:
// .json (native), .csv, .gexf, .graphml, or .xml (GEXF or GraphML, told by
// its root element); a file with another extension is sniffed the same
// way. UTF-8 and UTF-16 (with a byte-order mark) are read. For CSV, path
// names the relations file and the actors file is found beside it (see
// CSVFiles); path may also be a folder holding relations.csv and
// actors.csv. The error, when not nil, is graphmodel.Problems.
func Read(path string) (*graphmodel.Dataset, error) {
	ds, _, err := ReadWithWarnings(path)
	return ds, err
}

// ReadWithWarnings reads a file as Read does, and also returns the
// warnings: what the reader dropped or changed in a file it could read
// (self-loops, spells merged into one span, columns and attributes Echoes
// has no field for), each placed FILE:LINE:COL like a problem. Warnings
// come whether or not the file is valid; they do not make it invalid.
func ReadWithWarnings(path string) (*graphmodel.Dataset, []graphmodel.Problem, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, fileProblem(path, err)
	}
	if st.IsDir() || strings.EqualFold(filepath.Ext(path), ".csv") {
		return readCSVFiles(path)
	}
	if ds, ws, ok, err := streamXML(path); ok {
		return ds, ws, err
	}
	data, err := readFile(path)
	if err != nil {
		return nil, nil, err
	}
	if data, err = toUTF8(path, data); err != nil {
		return nil, nil, err
	}
	format, root := formatOf(path, data)
	if format == "" {
		return nil, nil, graphmodel.Problems{{File: path, Msg: unknownFormat(root)}}
	}
	return readBytes(path, format, data)
}

// ReadBytes reads a dataset held in memory; name is used in problem
// messages. format is "json", "gexf", "graphml", or "csv" (a relations
// file alone: every actor it names is made, named by its id). The error,
// when not nil, is graphmodel.Problems.
func ReadBytes(name, format string, data []byte) (*graphmodel.Dataset, error) {
	ds, _, err := ReadBytesWithWarnings(name, format, data)
	return ds, err
}

// ReadBytesWithWarnings is ReadBytes that also returns the warnings, as
// ReadWithWarnings does.
func ReadBytesWithWarnings(name, format string, data []byte) (*graphmodel.Dataset, []graphmodel.Problem, error) {
	if len(data) > MaxFileBytes {
		return nil, nil, graphmodel.Problems{{File: name, Msg: fmt.Sprintf("file is %d MB, over the %d MB limit; split it or remove unused data", len(data)>>20, MaxFileBytes>>20)}}
	}
	data, err := toUTF8(name, data)
	if err != nil {
		return nil, nil, err
	}
	return readBytes(name, format, data)
}

// readBytes hands UTF-8 data to the reader of format.
func readBytes(name, format string, data []byte) (*graphmodel.Dataset, []graphmodel.Problem, error) {
	switch format {
	case "json":
		ds, err := readJSON(name, data)
		return ds, nil, err
	case "gexf":
		return readGEXF(name, data)
	case "graphml":
		return readGraphML(name, data)
	case "csv":
		return readCSV(name, data, "", nil)
	}
	return nil, nil, graphmodel.Problems{{File: name, Msg: fmt.Sprintf("unknown format %q; use json, gexf, graphml or csv", format)}}
}

// unknownFormat says why a file's format could not be told, given the
// name of its root element ("" when it has none).
func unknownFormat(root string) string {
	const fix = "save the data as .json, .csv, .gexf or .graphml"
	if root == "" {
		return "cannot tell the format: this is neither a JSON object nor XML; " + fix
	}
	return fmt.Sprintf("cannot tell the format: the root element is <%s>, not <gexf> or <graphml>; %s", root, fix)
}

// formatOf picks the reader by extension, or by the content when the
// extension does not say: a JSON object, or an XML document whose root is
// gexf or graphml, by local name or by namespace (<ns3:graphml>, <g:gexf>).
// It returns "" when it cannot tell, with the root element's name if there
// is one.
func formatOf(path string, data []byte) (format, root string) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json", ""
	case ".gexf":
		return "gexf", ""
	case ".graphml":
		return "graphml", ""
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if bytes.HasPrefix(head, []byte("{")) {
		return "json", ""
	}
	name, ok := xmlRoot(head)
	if !ok {
		return "", ""
	}
	local, space := strings.ToLower(name.Local), strings.ToLower(name.Space)
	switch {
	case local == "gexf" || strings.Contains(space, "gexf.net"):
		return "gexf", ""
	case local == "graphml" || strings.Contains(space, "graphml.graphdrawing.org"):
		return "graphml", ""
	}
	root = name.Local
	if p := rootPrefix(head, name.Local); p != "" {
		root = p + ":" + name.Local
	}
	return "", root
}

// xmlRoot returns the name of the first element of an XML document, with
// its namespace resolved, looking no further than the first 64 kB.
func xmlRoot(head []byte) (xml.Name, bool) {
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	dec := xml.NewDecoder(bytes.NewReader(head))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // the name is all that is wanted
	for range 1000 {
		tok, err := dec.Token()
		if err != nil {
			return xml.Name{}, false
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name, true
		}
	}
	return xml.Name{}, false
}

// rootPrefix returns the prefix the root element is written with, for a
// message: "ns3" for <ns3:thing>.
func rootPrefix(head []byte, local string) string {
	i := bytes.Index(head, []byte(":"+local))
	if i <= 0 {
		return ""
	}
	j := bytes.LastIndexByte(head[:i], '<')
	if j < 0 || j+1 >= i {
		return ""
	}
	p := string(head[j+1 : i])
	if strings.ContainsAny(p, " \t\r\n/>?!") {
		return ""
	}
	return p
}

// streamXML reads a GEXF or GraphML file as it streams in, so that the
// file is never held whole (394 MB at the limits); ok is false when the
// file is another format or UTF-16, which is read whole.
func streamXML(path string) (ds *graphmodel.Dataset, ws []graphmodel.Problem, ok bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, true, fileProblem(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return nil, nil, false, nil
	}
	if st.Size() > MaxFileBytes {
		return nil, nil, true, tooBig(path, st.Size())
	}
	head := make([]byte, 64<<10)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, nil, true, fileProblem(path, err)
	}
	head = head[:n]
	if _, utf16 := utf16Order(head); utf16 || bytes.HasPrefix(head, []byte{0, 0, 0xfe, 0xff}) {
		return nil, nil, false, nil
	}
	format, _ := formatOf(path, head)
	var rest io.Reader = io.LimitReader(f, MaxFileBytes-int64(n)) // a file that grows is cut at the limit
	switch format {
	case "gexf":
		ds, ws, err = readGEXFFrom(path, newXMLTokenizer(head, rest))
	case "graphml":
		ds, ws, err = readGraphMLFrom(path, newXMLTokenizer(head, rest))
	default:
		return nil, nil, false, nil
	}
	return ds, ws, true, err
}

// readFile reads a whole file, refusing one over MaxFileBytes.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileProblem(path, err)
	}
	defer f.Close()
	var size int64
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		// Refuse before reading: a 1 GB file must not be read (and its
		// buffer grown) only to be refused.
		if st.Size() > MaxFileBytes {
			return nil, tooBig(path, st.Size())
		}
		size = st.Size()
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileBytes+1))
	data := buf.Bytes()
	if err != nil {
		return nil, fileProblem(path, err)
	}
	if len(data) > MaxFileBytes {
		return nil, tooBig(path, int64(len(data)))
	}
	return data, nil
}

// tooBig refuses a file over MaxFileBytes.
func tooBig(path string, size int64) error {
	return graphmodel.Problems{{File: path, Msg: fmt.Sprintf("file is %d MB, over the %d MB limit; split it or remove unused data", size>>20, MaxFileBytes>>20)}}
}

// fileProblem reports a file that cannot be opened as a Problem.
func fileProblem(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	fix := "check the path and the file's permissions"
	if errors.Is(err, fs.ErrNotExist) {
		fix = "check the path"
	}
	return graphmodel.Problems{{File: path, Msg: fmt.Sprintf("cannot read: %v; %s", err, fix)}}
}

// CSVFiles returns the relations and actors files a CSV path stands for:
// NAME.csv holds the relations and NAME.actors.csv beside it the actors; a
// path naming NAME.actors.csv stands for the same pair; NAME.relations.csv
// pairs with NAME.actors.csv; and a folder, or a file named relations.csv
// or actors.csv, means relations.csv and actors.csv in that folder.
func CSVFiles(path string) (relations, actors string) {
	dir, base := filepath.Split(path)
	lower := strings.ToLower(base)
	switch {
	case base == "" || isDir(path):
		return filepath.Join(path, "relations.csv"), filepath.Join(path, "actors.csv")
	case lower == "relations.csv" || lower == "actors.csv":
		return filepath.Join(dir, "relations.csv"), filepath.Join(dir, "actors.csv")
	case strings.HasSuffix(lower, ".actors.csv"):
		stem := base[:len(base)-len(".actors.csv")]
		rel := filepath.Join(dir, stem+".csv")
		if _, err := os.Stat(rel); err != nil {
			if alt := filepath.Join(dir, stem+".relations.csv"); exists(alt) {
				rel = alt
			}
		}
		return rel, path
	case strings.HasSuffix(lower, ".relations.csv"):
		stem := base[:len(base)-len(".relations.csv")]
		return path, filepath.Join(dir, stem+".actors.csv")
	}
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	return path, filepath.Join(dir, stem+".actors.csv")
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// readCSVFiles reads the relations file and, if there is one, the actors
// file beside it.
func readCSVFiles(path string) (*graphmodel.Dataset, []graphmodel.Problem, error) {
	relPath, actPath := CSVFiles(path)
	rel, done, err := streamCSV(relPath)
	if err != nil {
		return nil, nil, err
	}
	if done != nil {
		defer done()
	} else {
		data, err := readFile(relPath)
		if err != nil {
			return nil, nil, err
		}
		if data, err = toUTF8(relPath, data); err != nil {
			return nil, nil, err
		}
		rel = csvInput{data: data}
	}
	var act []byte
	if exists(actPath) {
		if act, err = readFile(actPath); err != nil {
			return nil, nil, err
		}
		if act, err = toUTF8(actPath, act); err != nil {
			return nil, nil, err
		}
		if act == nil {
			act = []byte{}
		}
	}
	return readCSVFrom(relPath, rel, actPath, act)
}
