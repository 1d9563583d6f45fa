package plainlocale

import "testing"

func TestLanguage(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want bool
	}{
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, true},
		{"POSIX with modifier", map[string]string{"LANG": "POSIX@euro"}, true},
		{"LC_ALL wins", map[string]string{"LC_ALL": "C.utf8", "LANG": "de_DE.UTF-8"}, true},
		{"real LC_ALL wins", map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "C.UTF-8"}, false},
		{"LC_MESSAGES before LANG", map[string]string{"LC_MESSAGES": "C.UTF-8", "LANG": "en_GB.UTF-8"}, true},
		{"plain C is already quiet", map[string]string{"LANG": "C"}, false},
		{"unset", map[string]string{}, false},
		{"real locale", map[string]string{"LANG": "ko_KR.UTF-8"}, false},
		{"LANGUAGE set", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "ja"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lang, ok := Language(func(k string) string { return tc.env[k] })
			if ok != tc.want || (ok && lang != "en") {
				t.Errorf("Language() = %q, %v; want ok=%v", lang, ok, tc.want)
			}
		})
	}
}
