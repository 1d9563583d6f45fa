package graphmodel

import (
	"bytes"
	"slices"
	"strings"
)

// locate finds where each path ("relations[3].end") starts in data, or its
// nearest parent found, in one pass.
func locate(data []byte, paths []string) map[string]int {
	s := newScan("", data)
	s.want = map[string]int{"": -1}
	for _, p := range paths {
		for q := p; q != ""; {
			s.want[q] = -1
			i := strings.LastIndexAny(q, ".[")
			if i < 0 {
				break
			}
			q = q[:i]
		}
	}
	s.space()
	s.value(nil, true)
	found := make(map[string]int, len(paths))
	for _, p := range paths {
		for q := p; ; {
			if off := s.want[q]; off >= 0 {
				found[p] = off
				break
			}
			i := strings.LastIndexAny(q, ".[")
			if i < 0 {
				found[p] = max(s.want[""], 0)
				break
			}
			q = q[:i]
		}
	}
	return found
}

// placeAll turns the byte offsets the problems hold into lines and
// columns (1-based, the column in bytes), in one pass over data whatever
// the number of problems.
func placeAll(data []byte, ps Problems) {
	order := make([]int, 0, len(ps))
	for i := range ps {
		if ps[i].off > 0 {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return ps[a].off - ps[b].off })
	line, lineStart, off := 1, 0, 0
	for _, i := range order {
		target := min(ps[i].off-1, len(data))
		for off < target {
			k := bytes.IndexByte(data[off:target], '\n')
			if k < 0 {
				off = target
				break
			}
			off += k + 1
			line++
			lineStart = off
		}
		ps[i].Line, ps[i].Col, ps[i].off = line, target-lineStart+1, 0
	}
}
