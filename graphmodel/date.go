package graphmodel

import (
	"fmt"
	"strings"
	"time"
)

// Day is a calendar day counted from 1970-01-01 (negative before it). Days
// compare and subtract as integers, which is what a timeline needs.
type Day int32

// DayOf returns the Day of a proleptic Gregorian year, month and day. A
// day past the month's end runs on into the next, as time.Date has it.
func DayOf(year, month, day int) Day {
	if month < 1 || month > 12 {
		t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		return Day(t.Unix() / 86400)
	}
	// Days from the civil date (H. Hinnant's algorithm): integer arithmetic
	// only, a tenth of time.Date's cost, which validating a million
	// relations paid several times each.
	y := year
	if month <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	m := month + 9
	if month > 2 {
		m = month - 3
	}
	doy := (153*m+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

// Time returns the day as midnight UTC.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Date returns the day as a day-precision Date.
func (d Day) Date() Date {
	t := d.Time()
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// Year returns the calendar year the day falls in.
func (d Day) Year() int { return d.Time().Year() }

// String formats the day as YYYY-MM-DD.
func (d Day) String() string { return d.Time().Format("2006-01-02") }

// Precision says how much of a Date is known.
type Precision int

// The precisions of a partial date.
const (
	YearPrecision Precision = iota + 1
	MonthPrecision
	DayPrecision
)

// Date is a partial calendar date: a year, a year and month, or a full day.
// Month and Day are zero when unknown. A partial date covers a span of days:
// "1950-10" covers 1950-10-01 to 1950-10-31.
type Date struct {
	Year, Month, Day int
}

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD, the year from 0001 to 9999
// (year 0 is no year: the calendar goes from 1 BC to AD 1).
func ParseDate(s string) (Date, error) {
	d, parts, ok := scanDate(strings.TrimSpace(s))
	if !ok {
		return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	if d.Year < 1 {
		return Date{}, fmt.Errorf("date %q has year 0, which no calendar has; years run from 0001 to 9999", s)
	}
	if parts >= 2 && (d.Month < 1 || d.Month > 12) {
		return Date{}, fmt.Errorf("date %q has month %d; months run 01 to 12", s, d.Month)
	}
	if parts == 3 && (d.Day < 1 || d.Day > daysIn(d.Year, d.Month)) {
		return Date{}, fmt.Errorf("date %q has no day %d in that month", s, d.Day)
	}
	return d, nil
}

// parseDateBytes is ParseDate for the JSON decoder: no spaces around the
// date, and no allocation; bad is true where ParseDate gives an error.
func parseDateBytes(b []byte) (d Date, bad bool) {
	d, parts, ok := scanDate(b)
	switch {
	case !ok || d.Year < 1:
		return Date{}, true
	case parts >= 2 && (d.Month < 1 || d.Month > 12):
		return Date{}, true
	case parts == 3 && (d.Day < 1 || d.Day > daysIn(d.Year, d.Month)):
		return Date{}, true
	}
	return d, false
}

// scanDate reads the digits of YYYY, YYYY-MM or YYYY-MM-DD; parts is how
// many of the three it has. The values are not checked.
func scanDate[S string | []byte](t S) (d Date, parts int, ok bool) {
	var n [3]int
	for parts < 3 {
		want := 2
		if parts == 0 {
			want = 4
		}
		if len(t) < want {
			return Date{}, 0, false
		}
		v := 0
		for i := range want {
			c := t[i]
			if c < '0' || c > '9' {
				return Date{}, 0, false
			}
			v = v*10 + int(c-'0')
		}
		n[parts] = v
		parts++
		t = t[want:]
		if len(t) == 0 {
			break
		}
		if t[0] != '-' {
			return Date{}, 0, false
		}
		t = t[1:]
	}
	if len(t) != 0 {
		return Date{}, 0, false
	}
	return Date{Year: n[0], Month: n[1], Day: n[2]}, parts, true
}

// MustDate parses s and panics on error; for literals in tests and tables.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// Precision reports which parts of the date are known.
func (d Date) Precision() Precision {
	switch {
	case d.Day != 0:
		return DayPrecision
	case d.Month != 0:
		return MonthPrecision
	default:
		return YearPrecision
	}
}

// First is the first day the date covers.
func (d Date) First() Day {
	m, dd := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if dd == 0 {
		dd = 1
	}
	return DayOf(d.Year, m, dd)
}

// Last is the last day the date covers: a bare year means its 31 December,
// a year and month the last day of that month. The command line's --at uses
// the same rule, so "--at 1950" shows the world at the end of 1950.
func (d Date) Last() Day {
	switch d.Precision() {
	case DayPrecision:
		return DayOf(d.Year, d.Month, d.Day)
	case MonthPrecision:
		return DayOf(d.Year, d.Month, daysIn(d.Year, d.Month))
	default:
		return DayOf(d.Year, 12, 31)
	}
}

// String formats the date at its own precision.
func (d Date) String() string {
	switch d.Precision() {
	case DayPrecision:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case MonthPrecision:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	default:
		return fmt.Sprintf("%04d", d.Year)
	}
}

// Human formats the date for a caption: "19 June 2024", "October 1950", "1961".
func (d Date) Human() string {
	switch d.Precision() {
	case DayPrecision:
		return fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month), d.Year)
	case MonthPrecision:
		return fmt.Sprintf("%s %d", time.Month(d.Month), d.Year)
	default:
		return fmt.Sprintf("%d", d.Year)
	}
}

// MarshalText writes the date at its own precision.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY, YYYY-MM or YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
