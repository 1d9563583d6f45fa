package formats

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/echoes-viz/echoes/graphmodel"
)

// toUTF8 returns data as UTF-8. UTF-16 is decoded: a file with a
// byte-order mark of either endianness (Excel's "Unicode Text", Notepad's
// "Unicode"), or one without a mark whose first two characters are ASCII
// (an XML declaration, a CSV header, a JSON brace). Anything else is
// returned as it is, for the reader to check. UTF-32 is refused.
func toUTF8(name string, data []byte) ([]byte, error) {
	big, ok := utf16Order(data)
	if !ok {
		if bytes.HasPrefix(data, []byte{0xff, 0xfe, 0, 0}) || bytes.HasPrefix(data, []byte{0, 0, 0xfe, 0xff}) {
			return nil, graphmodel.Problems{{File: name, Msg: "the file is UTF-32, which Echoes does not read; save it as UTF-8"}}
		}
		return data, nil
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		data = data[2:]
	}
	if len(data)%2 != 0 {
		return nil, graphmodel.Problems{{File: name, Msg: "the file is UTF-16 but ends in half a character, so it was cut short; save it again, as UTF-8"}}
	}
	out := make([]byte, 0, len(data)/2*3/2+8)
	unit := func(i int) uint16 {
		if big {
			return uint16(data[i])<<8 | uint16(data[i+1])
		}
		return uint16(data[i+1])<<8 | uint16(data[i])
	}
	for i := 0; i < len(data); i += 2 {
		r := rune(unit(i))
		if utf16.IsSurrogate(r) {
			r2 := utf8.RuneError
			if i+3 < len(data) {
				r2 = utf16.DecodeRune(r, rune(unit(i+2)))
			}
			if r2 != utf8.RuneError {
				i += 2
			}
			r = r2
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// utf16Order reports whether data is UTF-16, and whether big-endian.
func utf16Order(data []byte) (bigEndian, ok bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe, 0, 0}):
		return false, false // UTF-32LE
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return false, true
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return true, true
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0:
		return false, data[0] < 0x80 && data[2] < 0x80
	case len(data) >= 4 && data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0:
		return true, data[1] < 0x80 && data[3] < 0x80
	}
	return false, false
}
