package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
	"github.com/echoes-viz/echoes/graphmodel/formats"
)

// Exit codes of the commands.
const validateUsage = `usage: echoes validate FILE...
Checks dataset files (.json, .csv, .gexf, .graphml, .xml). Prints FILE: valid
for each good file, and what its reading dropped or changed as
FILE:LINE:COL: warning: message; for each bad one, every problem as
FILE:LINE:COL: message.
Exit status: 0 all valid, 1 some file invalid, 2 usage error.`

// validateMain runs "echoes validate FILE...": every file is read as Read
// reads it; each valid one is reported on stdout, each problem of an
// invalid one on stderr as FILE:LINE:COL: message. It returns the exit
// status: 0 when all are valid, 1 when any is not, 2 on a usage error.
func validateMain(args []string, stdout, stderr io.Writer) int {
	files, code, done := operands(args, stdout, stderr, validateUsage)
	if done {
		return code
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "echoes validate: name one or more dataset files")
		fmt.Fprintln(stderr, validateUsage)
		return exitUsage
	}
	code = exitOK
	for _, path := range files {
		ds, warnings, err := formats.ReadWithWarnings(path)
		if err != nil {
			printProblems(stderr, err)
			code = exitWork
			continue
		}
		note := ""
		if len(warnings) > 0 {
			note = "; " + formats.Counted(len(warnings), "warning")
		}
		fmt.Fprintf(stdout, "%s: valid (%s, %s, %s to %s%s)\n", path, formats.Counted(len(ds.Actors), "actor"), formats.Counted(len(ds.Relations), "relation"), ds.Range.Start, ds.Range.End, note)
		printWarnings(stderr, warnings)
	}
	return code
}

// printWarnings writes each warning on a line of its own, as
// FILE:LINE:COL: warning: message.
func printWarnings(w io.Writer, warnings []graphmodel.Problem) {
	for _, p := range warnings {
		p.Msg = "warning: " + p.Msg
		fmt.Fprintln(w, strings.ReplaceAll(p.Error(), "\n", " "))
	}
}

// operands splits the command's arguments: -h or --help prints usage and
// ends with 0; any other flag is a usage error; "--" ends the flags.
func operands(args []string, stdout, stderr io.Writer, usage string) (files []string, code int, done bool) {
	for i, a := range args {
		switch {
		case a == "--":
			return append(files, args[i+1:]...), 0, false
		case a == "-h" || a == "-help" || a == "--help":
			fmt.Fprintln(stdout, usage)
			return nil, exitOK, true
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprintf(stderr, "echoes: unknown flag %s\n%s\n", a, usage)
			return nil, exitUsage, true
		default:
			files = append(files, a)
		}
	}
	return files, 0, false
}

// printProblems writes each problem on a line of its own, or the error on
// one line when it is not Problems.
func printProblems(w io.Writer, err error) {
	var ps graphmodel.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(w, strings.ReplaceAll(p.Error(), "\n", " "))
		}
		return
	}
	fmt.Fprintln(w, "echoes:", strings.ReplaceAll(err.Error(), "\n", "; "))
}
