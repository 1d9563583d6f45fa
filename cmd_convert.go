package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel/formats"
)

const convertUsage = `usage: echoes convert IN OUT
Reads the dataset IN and writes it to OUT, each in the format its extension
names. IN: .json .csv .gexf .graphml .xml; OUT: .json .csv .gexf .graphml .dot.
Exit status: 0 done, 1 IN is invalid or OUT cannot be written, 2 usage error.`

// convertMain runs "echoes convert IN OUT": it reads IN as Read does and
// writes OUT as Write does. Problems in IN go to stderr as
// FILE:LINE:COL: message lines. It returns the exit status: 0 when done, 1
// when IN is invalid or OUT cannot be written, 2 on a usage error.
func convertMain(args []string, stdout, stderr io.Writer) int {
	files, code, done := operands(args, stdout, stderr, convertUsage)
	if done {
		return code
	}
	if len(files) != 2 {
		fmt.Fprintf(stderr, "echoes convert: name an input and an output file (got %d)\n%s\n", len(files), convertUsage)
		return exitUsage
	}
	in, out := files[0], files[1]
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		fmt.Fprintf(stderr, "echoes convert: %s: it is a folder; give a file name, e.g. %s\n", out, filepath.Join(out, "data.json"))
		return exitUsage
	}
	if !hasExt(out, formats.WriteFormats()) {
		what := "this format"
		if ext := filepath.Ext(out); ext != "" {
			what = ext
		}
		fmt.Fprintf(stderr, "echoes convert: %s: cannot write %s; end the name with one of %s\n", out, what, strings.Join(formats.WriteFormats(), " "))
		return exitUsage
	}
	// Before reading, which may take a while: the folder must be there.
	if err := formats.CheckFolder(out); err != nil {
		fmt.Fprintf(stderr, "echoes convert: %v\n", err)
		return exitWork
	}
	ds, warnings, err := formats.ReadWithWarnings(in)
	if err != nil {
		printProblems(stderr, err)
		return exitWork
	}
	printWarnings(stderr, warnings) // what IN's reading left out is not in OUT either
	if err := formats.Write(out, ds); err != nil {
		fmt.Fprintf(stderr, "echoes convert: %v\n", err)
		return exitWork
	}
	fmt.Fprintf(stdout, "%s: wrote %s, %s\n", out, formats.Counted(len(ds.Actors), "actor"), formats.Counted(len(ds.Relations), "relation"))
	return exitOK
}

// hasExt reports whether path ends with one of exts, in any case.
func hasExt(path string, exts []string) bool {
	p := strings.ToLower(path)
	for _, e := range exts {
		if strings.HasSuffix(p, e) {
			return true
		}
	}
	return strings.HasSuffix(p, ".gv")
}
