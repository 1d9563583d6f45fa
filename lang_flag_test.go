package main

import "testing"

// TestWindowLangRemembered: --lang wins and is remembered; without it the
// remembered language comes back, and without either the system's; an
// unknown language is refused.
func TestWindowLangRemembered(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("FYNE_FONT", "set") // leave the interface font alone
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "ru_RU.UTF-8")
	steps := []struct{ flag, want string }{
		{"", "ru"}, {"zh_TW", "zh-Hant"}, {"", "zh-Hant"}, {"ko", "ko"}, {"", "ko"},
	}
	for _, s := range steps {
		t.Setenv("LANGUAGE", "") // Register sets it for Fyne
		got, err := windowLang(s.flag)
		if err != nil || got != s.want {
			t.Errorf("windowLang(%q) = %q, %v; want %q", s.flag, got, err, s.want)
		}
	}
	if _, err := windowLang("xx"); err == nil {
		t.Error("windowLang took an unknown language")
	}
	t.Setenv("LANGUAGE", "")
	if got, _ := exportLang(""); got != "ru" {
		t.Errorf("export default %q, want the system's (ru)", got)
	}
}
