package main

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// td is where the readers' test files are: the commands print the paths
// they were given.
const td = "graphmodel/formats/testdata/"

// TestCommands runs validate and convert as the command line does.
func TestCommands(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "mini.gexf")
	tests := []struct {
		name     string
		run      func([]string, io.Writer, io.Writer) int
		args     []string
		code     int
		out, err string
	}{
		{"validate good", validateMain, []string{td + "mini.json", td + "spells.gexf"}, 0, td + "spells.gexf: valid (3 actors, 3 relations, 1945-01-01 to 2024-12-31)", ""},
		{"validate bad", validateMain, []string{td + "mini.json", td + "broken-dates.gexf"}, 1, td + "mini.json: valid", td + "broken-dates.gexf:10:13: relation \"e1\" end: end 1950-01-01 is before start"},
		{"validate none", validateMain, nil, 2, "", "name one or more dataset files"},
		{"validate flag", validateMain, []string{"-x", "a.json"}, 2, "", "unknown flag -x"},
		{"validate help", validateMain, []string{"--help"}, 0, "usage: echoes validate", ""},
		{"convert", convertMain, []string{td + "mini.json", out}, 0, "wrote 4 actors, 5 relations", ""},
		{"convert one relation", convertMain, []string{td + "one.csv", filepath.Join(dir, "one.json")}, 0, "wrote 2 actors, 1 relation\n", ""},
		{"convert back", convertMain, []string{out, filepath.Join(dir, "back.json")}, 0, "back.json: wrote", ""},
		{"convert bad", convertMain, []string{td + "broken.csv", filepath.Join(dir, "x.json")}, 1, "", td + "broken.csv:3:18: CSV"},
		{"convert one arg", convertMain, []string{"a.json"}, 2, "", "name an input and an output file"},
		{"convert bad ext", convertMain, []string{td + "mini.json", "x.pdf"}, 2, "", "x.pdf: cannot write .pdf; end the name with one of .json"},
		{"convert no ext", convertMain, []string{td + "mini.json", "x"}, 2, "", "x: cannot write this format; end the name with one of .json"},
		{"convert into a missing folder", convertMain, []string{td + "mini.json", filepath.Join(dir, "nope", "x.json")}, 1, "", "the folder " + filepath.Join(dir, "nope") + " does not exist"},
		{"convert into a file as folder", convertMain, []string{td + "mini.json", td + "mini.json/x.json"}, 1, "", td + "mini.json is a file, not a folder"},
		{"convert to a folder", convertMain, []string{td + "mini.json", dir}, 2, "", dir + ": it is a folder; give a file name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var o, e bytes.Buffer
			if code := tc.run(tc.args, &o, &e); code != tc.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tc.code, e.String())
			}
			if !strings.Contains(o.String(), tc.out) {
				t.Errorf("stdout %q lacks %q", o.String(), tc.out)
			}
			if !strings.Contains(e.String(), tc.err) {
				t.Errorf("stderr %q lacks %q", e.String(), tc.err)
			}
		})
	}
}

// TestValidateListsWarnings checks that echoes validate counts a file's
// warnings on its valid line and prints each as FILE:LINE:COL: warning:.
func TestValidateListsWarnings(t *testing.T) {
	var out, errOut bytes.Buffer
	code := validateMain([]string{td + "gephi-interval.csv", td + "spells.gexf"}, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	wantOut := td + "gephi-interval.csv: valid (7 actors, 5 relations, 1950 to 1991; 2 warnings)\n" +
		td + "spells.gexf: valid (3 actors, 3 relations, 1945-01-01 to 2024-12-31)\n"
	if out.String() != wantOut {
		t.Errorf("stdout:\n%s\nwant:\n%s", out.String(), wantOut)
	}
	lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], td+`gephi-interval.csv:5:62: warning: column "Weight" is not read`) ||
		!strings.HasPrefix(lines[1], td+"gephi-interval.csv:6:1: warning: 2 self-loops left out") {
		t.Errorf("stderr:\n%s", errOut.String())
	}
}

// TestConvertListsWarnings checks that echoes convert says what reading its
// input left out, since the output lacks it too.
func TestConvertListsWarnings(t *testing.T) {
	var out, errOut bytes.Buffer
	dst := t.TempDir() + "/out.json"
	if code := convertMain([]string{td + "gephi-edges.csv", dst}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), td+`gephi-edges.csv:4:1: warning: self-loop left out: row "2" joins "C" to itself`) {
		t.Errorf("stderr %q lacks the self-loop warning", errOut.String())
	}
}

// TestExportListsWarnings checks that echoes export says what reading its
// data left out, since the picture lacks it too.
func TestExportListsWarnings(t *testing.T) {
	var out, errOut bytes.Buffer
	dst := filepath.Join(t.TempDir(), "out.svg")
	if code := run([]string{"export", "--data", td + "gephi-edges.csv", "-o", dst}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), td+`gephi-edges.csv:4:1: warning: self-loop left out`) {
		t.Errorf("stderr %q lacks the self-loop warning", errOut.String())
	}
}
