package formats

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// normKey folds an attribute title or column name for matching, so that
// "Start Date", "start_date" and "startDate" are the same name.
func normKey(s string) string {
	folded := true
	for i := 0; i < len(s) && folded; i++ {
		c := s[i]
		folded = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
	}
	if folded {
		return s // as most names are: no copy for each field of each row
	}
	var sb strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// parseList reads a list of ids: a JSON array (["a", "b"]), whose strings
// are kept as written, spaces and all, or names separated by ";" or "|",
// each without the spaces at its ends.
func parseList(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "[") {
		var out []string
		if err := json.Unmarshal([]byte(s), &out); err != nil {
			return nil, fmt.Errorf("list %q is not a JSON array of strings; write [\"a\", \"b\"] or a;b", s)
		}
		return out, nil
	}
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out, nil
}

// formatList writes ids as a;b, or as a JSON array when an id holds a
// separator or spaces at its ends, so that parseList reads them back.
func formatList(ids []string) string {
	plain := len(ids) > 0
	for _, id := range ids {
		if id == "" || strings.ContainsAny(id, ";|") || strings.TrimSpace(id) != id || strings.HasPrefix(id, "[") {
			plain = false
		}
	}
	if plain {
		return strings.Join(ids, ";")
	}
	b, _ := json.Marshal(ids)
	return string(b)
}

// parseBool reads yes/no words as a spreadsheet or GEXF writes them.
func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "y", "1", "directed":
		return true, nil
	case "false", "no", "n", "0", "undirected", "":
		return false, nil
	}
	return false, fmt.Errorf("%q is not true or false", s)
}

// parseFloat reads a finite number.
func parseFloat(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return v, nil
}

// parseAnchor reads [lon, lat] or "lon, lat" or "lon lat".
func parseAnchor(s string) ([2]float64, error) {
	f := strings.FieldsFunc(strings.Trim(strings.TrimSpace(s), "[]"), func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
	var a [2]float64
	if len(f) != 2 {
		return a, fmt.Errorf("anchor %q is not two numbers; write longitude, latitude such as 139.7, 35.7", s)
	}
	for i := range f {
		v, err := parseFloat(f[i])
		if err != nil {
			return a, fmt.Errorf("anchor %q: %v; write longitude, latitude such as 139.7, 35.7", s, err)
		}
		a[i] = v
	}
	return a, nil
}

// jsonErrText words an encoding/json error for a user: the field and what
// it should hold, never a Go type name.
func jsonErrText(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		where := ""
		if te.Field != "" {
			where = fmt.Sprintf("field %q: ", te.Field)
		}
		got := te.Value
		switch got {
		case "string":
			got = "text"
		case "bool":
			got = "true or false"
		case "array":
			got = "a list"
		case "object":
			got = "an object"
		}
		return fmt.Sprintf("%s%s where %s is expected", where, got, graphmodel.JSONValueWord(te.Type))
	case errors.As(err, &se):
		return fmt.Sprintf("not valid JSON (%s, at character %d)", strings.TrimPrefix(se.Error(), "json: "), se.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the JSON is cut short"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// validColor reports whether s is #rrggbb.
func validColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	_, err := strconv.ParseUint(s[1:], 16, 32)
	return err == nil && !strings.ContainsAny(s[1:], "+-xX_")
}

// clip shortens a value for a message.
func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}
