package formats

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// dotQuote writes s as a DOT quoted string: quotes and backslashes are
// escaped (a backslash stays a backslash in a label), and line breaks
// become \n.
func dotQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// encodeDOT writes a Graphviz digraph: one node per actor, one edge per
// relation between two actors (undirected ones with dir=none), and for a
// relation among more actors an edge between each pair. Attributes are
// written in a fixed order, so the output is the same from run to run.
func encodeDOT(w io.Writer, ds *graphmodel.Dataset) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "// %s, written by Echoes\ndigraph %s {\n", strings.ReplaceAll(ds.Title, "\n", " "), dotQuote(ds.Title))
	fmt.Fprintf(bw, "  label=%s;\n  node [shape=ellipse];\n", dotQuote(ds.Title))
	for _, a := range ds.Actors {
		name, short := a.ID, a.ID
		if len(a.Names) > 0 {
			name, short = a.Names[0].Name, a.Names[0].Short
		}
		fmt.Fprintf(bw, "  %s [label=%s, tooltip=%s", dotQuote(a.ID), dotQuote(short), dotQuote(name))
		if a.Color != "" {
			fmt.Fprintf(bw, ", style=filled, fillcolor=%s", dotQuote(a.Color))
		}
		bw.WriteString("];\n")
	}
	for _, r := range ds.Relations {
		attrs := fmt.Sprintf("label=%s, kind=%s, start=%s", dotQuote(r.Name), dotQuote(string(r.Kind)), dotQuote(dateText(r.Start)))
		if !r.End.IsZero() {
			attrs += ", end=" + dotQuote(r.End.String())
		}
		if !r.Directed {
			attrs += ", dir=none"
		}
		for i, p := range pairs(r) {
			id := r.ID
			if i > 0 {
				id = fmt.Sprintf("%s~%d", r.ID, i+1)
			}
			fmt.Fprintf(bw, "  %s -> %s [id=%s, %s];\n", dotQuote(p[0]), dotQuote(p[1]), dotQuote(id), attrs)
		}
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// maxClique is the most actors a relation may have for its edges to join
// every pair; past it they form a star from the first actor.
const maxClique = 16

// pairs lists the actor pairs a relation is drawn between in formats that
// know only edges between two nodes.
func pairs(r *graphmodel.Relation) [][2]string {
	a := r.Actors
	var out [][2]string
	if len(a) > maxClique {
		for _, b := range a[1:] {
			out = append(out, [2]string{a[0], b})
		}
		return out
	}
	for i := range a {
		for j := i + 1; j < len(a); j++ {
			out = append(out, [2]string{a[i], a[j]})
		}
	}
	return out
}
