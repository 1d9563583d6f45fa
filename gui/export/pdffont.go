package export

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// pdfFont is one face embedded in a PDF as a composite (Type0) font with
// two-byte codes (Identity-H), and a ToUnicode map that gives the text
// back to a reader (copy, search, pdftotext). A TrueType face is
// addressed by glyph id and cut down to the glyphs used; an OpenType CFF
// face (the embedded CJK subsets, already cut to Echoes' own text) is
// addressed by CID and embedded whole.
type pdfFont struct {
	res  string // resource name, /F1…
	name string
	data []byte
	sf   *sfnt.Font
	upem float64
	cids []uint16 // each glyph's CID, for a CFF face; nil for TrueType
	// used maps each code used to the text it stands for, and codeGID
	// to its glyph.
	used    map[sfnt.GlyphIndex]rune
	codeGID map[sfnt.GlyphIndex]sfnt.GlyphIndex
	buf     sfnt.Buffer
}

func newPDFFont(res, name string, data []byte) (*pdfFont, error) {
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	f := &pdfFont{res: res, name: name, data: data, sf: sf, upem: float64(sf.UnitsPerEm()),
		used: map[sfnt.GlyphIndex]rune{}, codeGID: map[sfnt.GlyphIndex]sfnt.GlyphIndex{}}
	t := sfntTables(data)
	if cff, ok := t["CFF "]; ok {
		if f.cids, err = cffCIDs(cff, sf.NumGlyphs()); err != nil {
			return nil, err
		}
	} else if _, ok := t["glyf"]; !ok {
		return nil, errors.New("neither TrueType nor CFF outlines")
	}
	return f, nil
}

// glyph is r's code (glyph id or CID), noted as used, and its advance
// in 1/1000 em.
func (f *pdfFont) glyph(r rune) (sfnt.GlyphIndex, float64) {
	g, err := f.sf.GlyphIndex(&f.buf, r)
	if err != nil {
		g = 0
	}
	code := g
	if f.cids != nil && int(g) < len(f.cids) {
		code = sfnt.GlyphIndex(f.cids[g])
	}
	if _, ok := f.used[code]; !ok {
		f.used[code] = r
		f.codeGID[code] = g
	}
	return code, f.advance(g)
}

func (f *pdfFont) advance(g sfnt.GlyphIndex) float64 {
	a, err := f.sf.GlyphAdvance(&f.buf, g, fixed.I(int(f.upem)), font.HintingNone)
	if err != nil {
		return 0
	}
	return float64(a) / 64 * 1000 / f.upem
}

// embed adds the font's objects to d and returns the Type0 font's number.
func (f *pdfFont) embed(d *pdfDoc) (int, error) {
	gids := make([]sfnt.GlyphIndex, 0, len(f.used))
	for g := range f.used {
		gids = append(gids, g)
	}
	slices.Sort(gids)
	sub := f.data
	if f.cids == nil {
		var err error
		if sub, err = subsetTrueType(f.data, gids); err != nil {
			return 0, fmt.Errorf("subset %s: %w", f.name, err)
		}
	}
	// The subset's tag is six capitals from the glyphs it holds, so the
	// same picture names it the same.
	h := fnv.New32a()
	for _, g := range gids {
		binary.Write(h, binary.BigEndian, uint16(g))
	}
	sum := h.Sum32()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + sum%26)
		sum /= 26
	}
	base := string(tag) + "+" + f.name
	fileKey, cidType, gidMap := "FontFile2", "CIDFontType2", " /CIDToGIDMap /Identity"
	file := 0
	if f.cids != nil {
		fileKey, cidType, gidMap = "FontFile3", "CIDFontType0", ""
		file = d.stream(sub, " /Subtype /OpenType")
	} else {
		file = d.stream(sub, fmt.Sprintf(" /Length1 %d", len(sub)))
	}
	bounds, _ := f.sf.Bounds(&f.buf, fixed.I(int(f.upem)), font.HintingNone)
	k := 1000 / f.upem
	fx := func(v fixed.Int26_6) int { return int(float64(v) / 64 * k) }
	desc := d.add("<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /%s %d 0 R >>",
		base, fx(bounds.Min.X), -fx(bounds.Max.Y), fx(bounds.Max.X), -fx(bounds.Min.Y), -fx(bounds.Min.Y), -fx(bounds.Max.Y), -fx(bounds.Min.Y), fileKey, file)
	var w strings.Builder
	for _, g := range gids {
		fmt.Fprintf(&w, "%d [%s] ", g, pnum(f.advance(f.codeGID[g])))
	}
	cid := d.add("<< /Type /Font /Subtype /%s /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R%s /W [%s] >>",
		cidType, base, desc, gidMap, strings.TrimSpace(w.String()))
	tu := d.stream(toUnicode(gids, f.used), "")
	return d.add("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		base, cid, tu), nil
}

// toUnicode is the CMap from glyph ids (two-byte codes) to the text they
// stand for.
func toUnicode(gids []sfnt.GlyphIndex, used map[sfnt.GlyphIndex]rune) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var pairs []string
	for _, g := range gids {
		if g == 0 {
			continue
		}
		var u []byte
		for _, c := range utf16Units(used[g]) {
			u = fmt.Appendf(u, "%04X", c)
		}
		pairs = append(pairs, fmt.Sprintf("<%04X> <%s>", g, u))
	}
	for len(pairs) > 0 {
		n := min(100, len(pairs))
		fmt.Fprintf(&b, "%d beginbfchar\n%s\nendbfchar\n", n, strings.Join(pairs[:n], "\n"))
		pairs = pairs[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

func utf16Units(r rune) []uint16 {
	if r < 0x10000 {
		return []uint16{uint16(r)}
	}
	r -= 0x10000
	return []uint16{uint16(0xD800 + r>>10), uint16(0xDC00 + r&0x3FF)}
}

// sfntTables maps each table tag of a font file to its bytes.
func sfntTables(data []byte) map[string][]byte {
	out := map[string][]byte{}
	if len(data) < 12 {
		return out
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			break
		}
		tag := string(data[rec : rec+4])
		off, ln := binary.BigEndian.Uint32(data[rec+8:]), binary.BigEndian.Uint32(data[rec+12:])
		if uint64(off)+uint64(ln) <= uint64(len(data)) {
			out[tag] = data[off : off+ln]
		}
	}
	return out
}

// subsetTrueType keeps the glyphs gids (and the glyphs composites among
// them are built of) in a TrueType font, emptying the others but keeping
// every glyph's id, and drops the tables a PDF does not need (the
// cmap and metrics stay, so the subset is a font of its own).
func subsetTrueType(data []byte, gids []sfnt.GlyphIndex) ([]byte, error) {
	t := sfntTables(data)
	head, loca, glyf, maxp := t["head"], t["loca"], t["glyf"], t["maxp"]
	if len(head) < 54 || len(maxp) < 6 || glyf == nil || loca == nil {
		return nil, errors.New("missing head, maxp, loca or glyf")
	}
	num := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(i int) (int, bool) {
		if long {
			if 4*i+4 > len(loca) {
				return 0, false
			}
			return int(binary.BigEndian.Uint32(loca[4*i:])), true
		}
		if 2*i+2 > len(loca) {
			return 0, false
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:])), true
	}
	glyphData := func(g int) []byte {
		a, ok1 := offset(g)
		b, ok2 := offset(g + 1)
		if !ok1 || !ok2 || a > b || b > len(glyf) {
			return nil
		}
		return glyf[a:b]
	}
	keep := map[int]bool{0: true}
	var visit func(g int)
	visit = func(g int) {
		if g < 0 || g >= num || keep[g] && g != 0 {
			return
		}
		keep[g] = true
		gd := glyphData(g)
		if len(gd) < 10 || int16(binary.BigEndian.Uint16(gd)) >= 0 {
			return
		}
		p := 10
		for p+4 <= len(gd) {
			flags := binary.BigEndian.Uint16(gd[p:])
			comp := int(binary.BigEndian.Uint16(gd[p+2:]))
			if !keep[comp] {
				visit(comp)
			}
			p += 4
			if flags&1 != 0 {
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&8 != 0:
				p += 2
			case flags&0x40 != 0:
				p += 4
			case flags&0x80 != 0:
				p += 8
			}
			if flags&0x20 == 0 {
				break
			}
		}
	}
	for _, g := range gids {
		visit(int(g))
	}
	var newGlyf []byte
	newLoca := make([]byte, 4*(num+1))
	for g := 0; g < num; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if keep[g] {
			newGlyf = append(newGlyf, glyphData(g)...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*num:], uint32(len(newGlyf)))
	newHead := slices.Clone(head)
	binary.BigEndian.PutUint32(newHead[8:], 0)  // checkSumAdjustment
	binary.BigEndian.PutUint16(newHead[50:], 1) // long loca
	out := map[string][]byte{"head": newHead, "loca": newLoca, "glyf": newGlyf}
	if post := t["post"]; len(post) >= 32 {
		// Version 3: the metrics without the glyph names.
		p3 := slices.Clone(post[:32])
		binary.BigEndian.PutUint32(p3, 0x00030000)
		out["post"] = p3
	}
	for _, tag := range []string{"cmap", "hhea", "hmtx", "maxp", "OS/2", "cvt ", "fpgm", "prep"} {
		if v, ok := t[tag]; ok {
			out[tag] = v
		}
	}
	return buildSFNT(out), nil
}

// buildSFNT writes tables as a TrueType font file, tags in order.
func buildSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	n := len(tags)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	hdr := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(hdr, 0x00010000)
	binary.BigEndian.PutUint16(hdr[4:], uint16(n))
	binary.BigEndian.PutUint16(hdr[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(hdr[8:], uint16(es))
	binary.BigEndian.PutUint16(hdr[10:], uint16(16*n-16<<es))
	body := []byte{}
	off := len(hdr)
	for i, tag := range tags {
		v := tables[tag]
		rec := hdr[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], tableSum(v))
		binary.BigEndian.PutUint32(rec[8:], uint32(off+len(body)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(v)))
		body = append(body, v...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	return append(hdr, body...)
}

func tableSum(v []byte) uint32 {
	var s uint32
	for i := 0; i < len(v); i += 4 {
		var w [4]byte
		copy(w[:], v[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
