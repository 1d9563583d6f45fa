package formats

import (
	"bytes"
	"testing"
)

// TestCSVKeepsLocalisedNames checks that actors' names in other languages
// go into the actors file as name:LANG and short:LANG columns, for each
// name span, and read back the same; and that a hand-written "Name (ko)"
// column is read as Korean.
func TestCSVKeepsLocalisedNames(t *testing.T) {
	act := "id,name,short,from,name:ko,short:ko,name:ja\n" +
		"DPRK,Soviet zone,,,소련 점령 지역,,ソ連占領地域\n" +
		"DPRK,North Korea,,1948-09-09,조선민주주의인민공화국,북한,\n" +
		"JP,Japan,,,일본,,日本\n"
	ds, ws, err := readCSV("l.csv", []byte("actors\nDPRK;JP\n"), "l.actors.csv", []byte(act))
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 0 {
		t.Errorf("warnings: %v", ws)
	}
	n := ds.Actor("DPRK").Names
	if len(n) != 2 || n[0].Localised["ja"].Name != "ソ連占領地域" || n[1].Localised["ko"].Short != "북한" || n[1].Localised["ja"].Name != "" {
		t.Errorf("DPRK names %+v", n)
	}
	var r, a bytes.Buffer
	if err := encodeRelationsCSV(&r, ds); err != nil {
		t.Fatal(err)
	}
	if err := encodeActorsCSV(&a, ds); err != nil {
		t.Fatal(err)
	}
	back, _, err := readCSV("back.csv", r.Bytes(), "back.actors.csv", a.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if want, got := canon(t, ds, false), canon(t, back, false); want != got {
		t.Errorf("CSV round trip lost names:\n%s\n%s", firstDiff(want, got), a.String())
	}
	hand, _, err := readCSV("h.csv", []byte("actors\nA;B\n"), "h.actors.csv", []byte("id,Name (ko),Short Name (ko)\nA,대한민국,한국\nB,일본,\n"))
	if err != nil {
		t.Fatal(err)
	}
	if l := hand.Actor("A").Names[0].Localised["ko"]; l.Name != "대한민국" || l.Short != "한국" {
		t.Errorf("hand-written columns: %+v", l)
	}
}
