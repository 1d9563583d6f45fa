package export

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
)

// pdfDoc builds a PDF file: numbered objects, written at the end with
// their cross-reference table. Nothing in it depends on the clock or the
// machine, so the same picture makes the same bytes.
type pdfDoc struct {
	objs [][]byte // object i+1's body
}

// alloc reserves an object number, to be set later.
func (d *pdfDoc) alloc() int {
	d.objs = append(d.objs, nil)
	return len(d.objs)
}

// set gives object n its body.
func (d *pdfDoc) set(n int, format string, a ...any) {
	d.objs[n-1] = fmt.Appendf(nil, format, a...)
}

// add is alloc and set.
func (d *pdfDoc) add(format string, a ...any) int {
	n := d.alloc()
	d.set(n, format, a...)
	return n
}

// stream adds a stream object, deflated, with extra dictionary entries.
func (d *pdfDoc) stream(data []byte, extra string) int {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write(data)
	zw.Close()
	n := d.alloc()
	body := fmt.Appendf(nil, "<< /Length %d /Filter /FlateDecode%s >>\nstream\n", z.Len(), extra)
	body = append(body, z.Bytes()...)
	body = append(body, "\nendstream"...)
	d.objs[n-1] = body
	return n
}

// write writes the document with root as its catalog.
func (d *pdfDoc) write(w io.Writer, root int) error {
	bw := bufio.NewWriter(w)
	off := 0
	put := func(b []byte) {
		bw.Write(b)
		off += len(b)
	}
	put([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))
	offsets := make([]int, len(d.objs))
	for i, body := range d.objs {
		offsets[i] = off
		put(fmt.Appendf(nil, "%d 0 obj\n", i+1))
		put(body)
		put([]byte("\nendobj\n"))
	}
	xref := off
	put(fmt.Appendf(nil, "xref\n0 %d\n0000000000 65535 f \n", len(d.objs)+1))
	for _, o := range offsets {
		put(fmt.Appendf(nil, "%010d 00000 n \n", o))
	}
	put(fmt.Appendf(nil, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(d.objs)+1, root, xref))
	return bw.Flush()
}
