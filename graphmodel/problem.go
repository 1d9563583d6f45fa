package graphmodel

import (
	"fmt"
	"strings"
)

// MaxProblems caps how many problems one file reports, so a badly broken
// file gives a readable list rather than thousands of lines.
const MaxProblems = 50

// Problem is one thing wrong with an input file, at a place in it.
type Problem struct {
	File      string
	Line, Col int    // 1-based; 0 when the place is the whole file
	Path      string // where in the data, e.g. relations[3].end
	Msg       string // what is wrong and how to fix it
	off       int    // byte offset + 1 in the JSON text, until placed
}

// Error formats the problem as FILE:LINE:COL: message.
func (p Problem) Error() string {
	where := p.File
	if p.Line > 0 {
		where = fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
	if p.Path != "" {
		return fmt.Sprintf("%s: %s: %s", where, p.Path, p.Msg)
	}
	return fmt.Sprintf("%s: %s", where, p.Msg)
}

// Problems is every problem found in a file; it is the error Parse returns.
type Problems []Problem

// Error lists the problems one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}
