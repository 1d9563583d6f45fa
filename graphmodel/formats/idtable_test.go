package formats

import (
	"fmt"
	"strings"
	"testing"
)

func TestIDTable(t *testing.T) {
	var tab idTable
	ids := []string{"a", "a\x00", "\x00", "abc", "abc" + strings.Repeat("\x00", 12), strings.Repeat("x", 15), strings.Repeat("x", 16), strings.Repeat("y", 40), "é"}
	for i := range 5000 {
		ids = append(ids, fmt.Sprintf("a%d", i))
	}
	for _, id := range ids {
		tab.add(strings.Clone(id))
	}
	for _, id := range ids {
		if got, ok := tab.get(id); !ok || got != id {
			t.Errorf("get(%q) = %q, %v", id, got, ok)
		}
	}
	for _, id := range []string{"", "b", "a\x00\x00", "abc\x00", strings.Repeat("x", 14), strings.Repeat("y", 39), "a5000"} {
		if got, ok := tab.get(id); ok {
			t.Errorf("get(%q) = %q; want none", id, got)
		}
	}
}
