package formats

import (
	"bytes"
	"io"
	"os"
	"unicode/utf8"
)

// streamCSV opens a relations file to be read as it streams in, so that
// it is never held whole (76 MB at the limits, a seventh of the peak). It
// returns done, to close it, or nil when the file is to be read whole as
// before: not a regular file, UTF-16 or UTF-32, or not UTF-8, which the
// whole-file reader reports with its place.
func streamCSV(path string) (in csvInput, done func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return csvInput{}, nil, fileProblem(path, err)
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		return csvInput{}, nil, nil
	}
	if st.Size() > MaxFileBytes {
		f.Close()
		return csvInput{}, nil, tooBig(path, st.Size())
	}
	valid, err := validUTF8(f)
	if err != nil {
		f.Close()
		return csvInput{}, nil, fileProblem(path, err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil || !valid {
		f.Close()
		return csvInput{}, nil, nil
	}
	head := make([]byte, 64<<10)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		f.Close()
		return csvInput{}, nil, fileProblem(path, err)
	}
	head = head[:n]
	if _, utf16 := utf16Order(head); utf16 || bytes.HasPrefix(head, []byte{0, 0, 0xfe, 0xff}) {
		f.Close()
		return csvInput{}, nil, nil
	}
	// A file that grows while it is read is cut at the limit.
	rest := io.LimitReader(f, MaxFileBytes-int64(n))
	return csvInput{data: head, src: rest, size: st.Size()}, func() { f.Close() }, nil
}

// validUTF8 reports whether all that r holds is UTF-8, reading it a
// megabyte at a time.
func validUTF8(r io.Reader) (bool, error) {
	buf := make([]byte, 1<<20)
	carry := 0 // bytes of a character cut by the end of the last read
	for {
		n, err := r.Read(buf[carry:])
		end := carry + n
		k := end
		for i := max(0, end-utf8.UTFMax+1); i < end; i++ {
			if utf8.RuneStart(buf[i]) && !utf8.FullRune(buf[i:end]) {
				k = i
				break
			}
		}
		if !utf8.Valid(buf[:k]) {
			return false, nil
		}
		carry = copy(buf, buf[k:end])
		if err == io.EOF {
			return utf8.Valid(buf[:carry]), nil
		}
		if err != nil {
			return false, err
		}
	}
}
