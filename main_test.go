package main

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, []byte("{\n  \"title\": \"x\",\n  \"range\": {\"start\": \"1945\", \"end\": \"2024\"},\n  \"actors\": [],\n  \"relations\": [{\"id\": \"r\", \"kind\": \"friendship\", \"actors\": [\"A\", \"B\"], \"start\": \"1950\"}]\n}\n"), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr []string
	}{
		{"version", []string{"version"}, 0, "echoes " + Version, nil},
		{"validate broken", []string{"validate", broken}, 1, "", []string{broken + ":5:", `unknown kind "friendship"`, `unknown actor "A"`}},
		{"validate missing", []string{"validate", filepath.Join(dir, "nope.json")}, 1, "", []string{"nope.json"}},
		{"validate none", []string{"validate"}, 2, "", []string{"name one or more"}},
		{"export without -o", []string{"export"}, 2, "", []string{"-o OUT.png"}},
		{"export bad size", []string{"export", "-o", filepath.Join(dir, "a.png"), "--size", "10x10"}, 2, "", []string{"--size"}},
		{"export bad date", []string{"export", "-o", filepath.Join(dir, "a.png"), "--at", "1950-13"}, 2, "", []string{"month 13"}},
		{"export bad theme", []string{"export", "-o", filepath.Join(dir, "a.png"), "--theme", "neon"}, 2, "", []string{"neon"}},
		{"export bad format", []string{"export", "-o", filepath.Join(dir, "a.bmp")}, 1, "", []string{"unknown picture format"}},
		{"window bad flag", []string{"--nope"}, 2, "", nil},
		{"window bad data", []string{"--data", broken}, 1, "", []string{broken + ":5:"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tc.args, &out, &errb)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errb.String())
			}
			if !strings.Contains(out.String(), tc.stdout) {
				t.Errorf("stdout %q lacks %q", out.String(), tc.stdout)
			}
			for _, w := range tc.stderr {
				if !strings.Contains(errb.String(), w) {
					t.Errorf("stderr %q lacks %q", errb.String(), w)
				}
			}
			if strings.Contains(errb.String(), "goroutine ") {
				t.Errorf("stderr has a panic trace: %s", errb.String())
			}
		})
	}
}

func TestExportPNGNoDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	out := filepath.Join(t.TempDir(), "out.png")
	var so, se bytes.Buffer
	if code := run([]string{"export", "-o", out, "--at", "1950", "--size", "800x500"}, &so, &se); code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width != 800 || cfg.Height != 500 {
		t.Errorf("PNG is %dx%d, want 800x500", cfg.Width, cfg.Height)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// TestQuietUnderCLocale runs the built binary as a script would in a
// Debian container (LANG=C.UTF-8): Fyne must not log a locale error before
// main, which only a separate process can show.
func TestQuietUnderCLocale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildApp(t)
	for _, lang := range []string{"C.UTF-8", "POSIX.UTF-8", "C", "en_US.UTF-8"} {
		cmd := exec.Command(bin, "version")
		cmd.Env = append(os.Environ(), "LANG="+lang, "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("LANG=%s: %v\n%s", lang, err, out)
		}
		if got := strings.TrimSpace(string(out)); got != "echoes "+Version {
			t.Errorf("LANG=%s: output %q, want only the version", lang, got)
		}
	}
}

// buildApp builds the real binary for a test and returns its path.
func buildApp(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "echoes")
	args := []string{"build", "-o", bin}
	if raceBuild {
		args = append(args, "-race")
	}
	if out, err := exec.Command("go", append(args, ".")...).CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}
