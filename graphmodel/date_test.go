package graphmodel

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in          string
		want        string
		first, last string
		bad         bool
	}{
		{in: "1950", want: "1950", first: "1950-01-01", last: "1950-12-31"},
		{in: "1950-10", want: "1950-10", first: "1950-10-01", last: "1950-10-31"},
		{in: "2024-02", want: "2024-02", first: "2024-02-01", last: "2024-02-29"},
		{in: "1961-09-10", want: "1961-09-10", first: "1961-09-10", last: "1961-09-10"},
		{in: "1961-13", bad: true},
		{in: "1961-02-30", bad: true},
		{in: "61", bad: true},
		{in: "1961-9-1", bad: true},
		{in: "", bad: true},
		{in: "abcd", bad: true},
		{in: "0000", bad: true},
		{in: "0000-01-01", bad: true},
		{in: "0001", want: "0001", first: "0001-01-01", last: "0001-12-31"},
		{in: "9999-12-31", want: "9999-12-31", first: "9999-12-31", last: "9999-12-31"},
		{in: "1950-", bad: true},
		{in: "1950-10-01-02", bad: true},
		{in: "+950", bad: true},
		{in: " 1950 ", want: "1950", first: "1950-01-01", last: "1950-12-31"},
	}
	for _, tc := range tests {
		d, err := ParseDate(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("ParseDate(%q) = %v, want error", tc.in, d)
			}
			continue
		}
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", tc.in, err)
		}
		if d.String() != tc.want || d.First().String() != tc.first || d.Last().String() != tc.last {
			t.Errorf("ParseDate(%q) = %s [%s, %s], want %s [%s, %s]", tc.in, d, d.First(), d.Last(), tc.want, tc.first, tc.last)
		}
	}
}

func TestDayRoundTrip(t *testing.T) {
	for _, s := range []string{"1945-08-08", "1969-12-31", "1970-01-01", "2024-12-04"} {
		d := MustDate(s)
		if got := d.First().Date(); got != d {
			t.Errorf("%s -> %v", s, got)
		}
	}
	if DayOf(1970, 1, 2)-DayOf(1969, 12, 31) != 2 {
		t.Error("days do not subtract across the epoch")
	}
}

// TestParseDateRefusesYearZero protects --at 0000 and "start": "0000":
// year 0 is no year, and the message says the range.
func TestParseDateRefusesYearZero(t *testing.T) {
	_, err := ParseDate("0000")
	if err == nil || !strings.Contains(err.Error(), "0001 to 9999") {
		t.Fatalf("ParseDate(0000) = %v, want an error that gives the range 0001 to 9999", err)
	}
}

// TestDayOfMatchesTime protects DayOf's arithmetic against time.Date's,
// across eras, leap years and days past a month's end.
func TestDayOfMatchesTime(t *testing.T) {
	for _, y := range []int{-401, -400, -1, 0, 1, 4, 100, 400, 1582, 1900, 1969, 1970, 2000, 2024, 2100, 9999} {
		for m := 0; m <= 13; m++ {
			for _, d := range []int{0, 1, 28, 29, 30, 31, 32, 400} {
				want := Day(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
				if got := DayOf(y, m, d); got != want {
					t.Errorf("DayOf(%d, %d, %d) = %d, want %d", y, m, d, got, want)
				}
			}
		}
	}
}
