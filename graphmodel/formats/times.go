package formats

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/echoes-viz/echoes/graphmodel"
)

// interval is a stretch of time read from a file; a zero bound is missing.
type interval struct {
	start, end graphmodel.Date
}

// knownTimeFormat reports whether s is a GEXF timeformat (float is GEXF
// 1.1's double), in any case.
func knownTimeFormat(s string) bool {
	switch strings.ToLower(s) {
	case "", "integer", "double", "float", "date", "datetime":
		return true
	}
	return false
}

// parseTime reads one time value. Dates (YYYY, YYYY-MM, YYYY-MM-DD, an
// xsd:date with a time zone, an xsd:dateTime) keep their precision; numbers
// are years, whatever the declared format: 1950 is the year 1950 and 1950.5
// is July 1950 (the fraction of the year picks the month).
func parseTime(s string) (graphmodel.Date, error) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		return parseXSDDate(s) // YYYY-MM-DD, as most are
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return graphmodel.Date{}, nil
	}
	if strings.IndexByte(s[1:], '-') >= 0 || strings.ContainsAny(s, "T:") {
		return parseXSDDate(s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return graphmodel.Date{}, fmt.Errorf("time %q is neither a date nor a number; write YYYY-MM-DD or a year such as 1950", s)
	}
	year := math.Floor(v)
	if year < 1 || year > 9999 {
		return graphmodel.Date{}, fmt.Errorf("time %q is not a year from 1 to 9999; Echoes reads numeric times as years (1950, or 1950.5 for July 1950): convert timestamps to dates", s)
	}
	d := graphmodel.Date{Year: int(year)}
	if frac := v - year; frac > 1e-9 {
		d.Month = min(int(frac*12)+1, 12)
	}
	return d, nil
}

// parseXSDDate reads a date or dateTime, dropping the time of day and the
// time zone: Echoes counts whole days.
func parseXSDDate(s string) (graphmodel.Date, error) {
	day := s
	if i := strings.IndexByte(day, 'T'); i >= 0 {
		day = day[:i]
	}
	if len(day) > 10 && strings.IndexByte("Z+-", day[10]) >= 0 {
		day = day[:10]
	} else if strings.HasSuffix(day, "Z") {
		day = day[:len(day)-1]
	}
	d, err := graphmodel.ParseDate(day)
	if err != nil {
		return graphmodel.Date{}, fmt.Errorf("time %q is not a date; write YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	if d.IsZero() {
		return graphmodel.Date{}, fmt.Errorf("time %q is in the year 0; years run from 0001", s)
	}
	return d, nil
}

// shift moves a date by one unit of its own precision (a day, a month or a
// year), to turn an exclusive bound into an inclusive one.
func shift(d graphmodel.Date, by int) (graphmodel.Date, error) {
	switch d.Precision() {
	case graphmodel.DayPrecision:
		d = (d.First() + graphmodel.Day(by)).Date()
	case graphmodel.MonthPrecision:
		m := d.Year*12 + d.Month - 1 + by
		d = graphmodel.Date{Year: m / 12, Month: m%12 + 1}
	default:
		d.Year += by
	}
	if d.Year < 1 || d.Year > 9999 {
		return graphmodel.Date{}, fmt.Errorf("open bound moves outside the years 1 to 9999")
	}
	return d, nil
}

// parseIntervals reads a GEXF 1.3 or Gephi intervals list such as
// "<[2000.0, 2005.0]; (2010.0, 2015.0]>": square brackets are inclusive
// bounds, round ones exclusive; a bound may be empty (open).
func parseIntervals(s string) ([]interval, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">")
	var out []interval
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if len(out) >= MaxIntervals {
			return nil, fmt.Errorf("more than %d intervals; split the item or merge intervals", MaxIntervals)
		}
		if len(part) < 2 || !strings.ContainsRune("[(", rune(part[0])) || !strings.ContainsRune("])", rune(part[len(part)-1])) {
			return nil, fmt.Errorf("interval %q is not [start, end]; write it as [2000, 2005]", part)
		}
		bounds := strings.Split(part[1:len(part)-1], ",")
		if len(bounds) < 2 {
			return nil, fmt.Errorf("interval %q has no end; write it as [start, end]", part)
		}
		var iv interval
		var err error
		if iv.start, err = parseBound(bounds[0]); err != nil {
			return nil, err
		}
		if iv.end, err = parseBound(bounds[1]); err != nil {
			return nil, err
		}
		if part[0] == '(' && !iv.start.IsZero() {
			if iv.start, err = shift(iv.start, 1); err != nil {
				return nil, err
			}
		}
		if part[len(part)-1] == ')' && !iv.end.IsZero() {
			if iv.end, err = shift(iv.end, -1); err != nil {
				return nil, err
			}
		}
		out = append(out, iv)
	}
	return out, nil
}

// parseBound reads one bound of an interval. Gephi writes an unbounded
// side as Infinity or -Infinity ("<[2016-03-04, Infinity]>"): that side is
// open, as an empty bound is.
func parseBound(s string) (graphmodel.Date, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "infinity", "+infinity", "-infinity", "inf", "+inf", "-inf":
		return graphmodel.Date{}, nil
	}
	return parseTime(s)
}

// parseTimestamps reads a GEXF 1.3 or Gephi timestamps list such as
// "<[2000.0, 2005.0]>"; each timestamp becomes a one-moment interval.
func parseTimestamps(s string) ([]interval, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">")
	s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "["), "]")
	var out []interval
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if strings.TrimSpace(part) == "" {
			continue
		}
		if len(out) >= MaxIntervals {
			return nil, fmt.Errorf("more than %d timestamps; split the item", MaxIntervals)
		}
		d, err := parseTime(part)
		if err != nil {
			return nil, err
		}
		out = append(out, interval{d, d})
	}
	return out, nil
}

// hull is the smallest interval holding all of ivs; a bound any of them
// leaves open stays open.
func hull(ivs []interval) interval {
	if len(ivs) == 0 {
		return interval{}
	}
	h := ivs[0]
	for _, iv := range ivs[1:] {
		if h.start.IsZero() || iv.start.IsZero() {
			h.start = graphmodel.Date{}
		} else if iv.start.First() < h.start.First() {
			h.start = iv.start
		}
		if h.end.IsZero() || iv.end.IsZero() {
			h.end = graphmodel.Date{}
		} else if iv.end.Last() > h.end.Last() {
			h.end = iv.end
		}
	}
	return h
}
