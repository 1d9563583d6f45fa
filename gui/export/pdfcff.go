package export

import (
	"encoding/binary"
	"errors"
)

// cffCIDs reads the CFF table of an OpenType font and gives each glyph's
// CID, which a PDF's CIDFontType0 font is addressed by; for a CFF font
// that is not CID-keyed the CID is the glyph id.
func cffCIDs(cff []byte, glyphs int) ([]uint16, error) {
	bad := errors.New("CFF table cut short")
	if len(cff) < 4 {
		return nil, bad
	}
	p := int(cff[2]) // header size
	skipIndex := func(p int) (int, [][]byte, error) {
		if p+2 > len(cff) {
			return 0, nil, bad
		}
		n := int(binary.BigEndian.Uint16(cff[p:]))
		if n == 0 {
			return p + 2, nil, nil
		}
		if p+3 > len(cff) {
			return 0, nil, bad
		}
		size := int(cff[p+2])
		offs := p + 3
		if size < 1 || size > 4 || offs+(n+1)*size > len(cff) {
			return 0, nil, bad
		}
		off := func(i int) int {
			v := 0
			for k := 0; k < size; k++ {
				v = v<<8 | int(cff[offs+i*size+k])
			}
			return v
		}
		base := offs + (n+1)*size - 1
		var items [][]byte
		for i := 0; i < n; i++ {
			a, b := base+off(i), base+off(i+1)
			if a > b || b > len(cff) {
				return 0, nil, bad
			}
			items = append(items, cff[a:b])
		}
		return base + off(n), items, nil
	}
	p, _, err := skipIndex(p) // names
	if err != nil {
		return nil, err
	}
	_, dicts, err := skipIndex(p)
	if err != nil || len(dicts) == 0 {
		return nil, bad
	}
	charset, cidKeyed := 0, false
	var operands []int
	d := dicts[0]
	for i := 0; i < len(d); {
		b := d[i]
		switch {
		case b == 12:
			if i+1 < len(d) && d[i+1] == 30 {
				cidKeyed = true
			}
			operands, i = operands[:0], i+2
		case b <= 21:
			if b == 15 && len(operands) > 0 {
				charset = operands[len(operands)-1]
			}
			operands, i = operands[:0], i+1
		case b == 28 && i+2 < len(d):
			operands, i = append(operands, int(int16(binary.BigEndian.Uint16(d[i+1:])))), i+3
		case b == 29 && i+4 < len(d):
			operands, i = append(operands, int(int32(binary.BigEndian.Uint32(d[i+1:])))), i+5
		case b == 30:
			i++
			for i < len(d) && d[i]&0x0f != 0x0f && d[i]>>4 != 0x0f {
				i++
			}
			operands, i = append(operands, 0), i+1
		case b >= 32 && b <= 246:
			operands, i = append(operands, int(b)-139), i+1
		case b >= 247 && b <= 250 && i+1 < len(d):
			operands, i = append(operands, (int(b)-247)*256+int(d[i+1])+108), i+2
		case b >= 251 && b <= 254 && i+1 < len(d):
			operands, i = append(operands, -(int(b)-251)*256-int(d[i+1])-108), i+2
		default:
			return nil, bad
		}
	}
	cids := make([]uint16, glyphs)
	if !cidKeyed || charset <= 2 {
		for g := range cids {
			cids[g] = uint16(g)
		}
		return cids, nil
	}
	if charset >= len(cff) {
		return nil, bad
	}
	format, q := cff[charset], charset+1
	g := 1
	u16 := func(at int) (int, bool) {
		if at+2 > len(cff) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(cff[at:])), true
	}
	for g < glyphs {
		first, ok := u16(q)
		if !ok {
			return nil, bad
		}
		n := 0
		switch format {
		case 0:
			q += 2
		case 1:
			if q+3 > len(cff) {
				return nil, bad
			}
			n = int(cff[q+2])
			q += 3
		case 2:
			if n, ok = u16(q + 2); !ok {
				return nil, bad
			}
			q += 4
		default:
			return nil, errors.New("unknown CFF charset format")
		}
		for k := 0; k <= n && g < glyphs; k++ {
			cids[g] = uint16(first + k)
			g++
		}
	}
	return cids, nil
}
