package main

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestCommandLine(t *testing.T) {
	// The window cases stop at their input, before a window would open;
	// a display name lets them get that far on a machine without one.
	t.Setenv("DISPLAY", ":echoes-test")
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
		{"help of export", []string{"export", "-h"}, 0, "", []string{"usage: echoes export", "-o OUT"}},
		{"export unknown flag", []string{"export", "--bogus"}, 2, "", []string{"bogus"}},
		{"export bad size", []string{"export", "-o", filepath.Join(dir, "a.png"), "--size", "10x10"}, 2, "", []string{"--size"}},
		{"export bad date", []string{"export", "-o", filepath.Join(dir, "a.png"), "--at", "1950-13"}, 2, "", []string{"month 13"}},
		{"export bad theme", []string{"export", "-o", filepath.Join(dir, "a.png"), "--theme", "neon"}, 2, "", []string{"neon"}},
		{"export bad format", []string{"export", "-o", filepath.Join(dir, "a.bmp")}, 2, "", []string{"a.bmp: cannot write .bmp", ".png, .svg, .pdf, .gif, .mp4 or .webm"}},
		{"export still video is a usage error", []string{"export", "-o", filepath.Join(dir, "x.mp4")}, 2, "", []string{"x.mp4: a video is of the timeline; add --animate"}},
		{"export page not pdf", []string{"export", "-o", filepath.Join(dir, "a.png"), "--page", "a4"}, 2, "", []string{"--page is a paper size for a .pdf"}},
		{"export bad page", []string{"export", "-o", filepath.Join(dir, "a.pdf"), "--page", "a5"}, 2, "", []string{`page "a5": use a4, letter, a3`}},
		{"export bad filmstrip", []string{"export", "-o", filepath.Join(dir, "a.png"), "--filmstrip", "1950,soon"}, 2, "", []string{`"soon" is not a date`}},
		{"export columns without filmstrip", []string{"export", "-o", filepath.Join(dir, "a.png"), "--columns", "3"}, 2, "", []string{"with --filmstrip"}},
		{"export no extension", []string{"export", "-o", filepath.Join(dir, "x")}, 2, "", []string{"no extension"}},
		{"export into a missing folder", []string{"export", "-o", filepath.Join(dir, "nope", "a.png")}, 1, "", []string{"the folder " + filepath.Join(dir, "nope") + " does not exist"}},
		{"export into a file as folder", []string{"export", "-o", filepath.Join(broken, "a.png")}, 1, "", []string{broken + " is a file, not a folder"}},
		{"export to a folder", []string{"export", "-o", dir}, 2, "", []string{dir + ": it is a folder; give a file name"}},
		{"export animation not gif", []string{"export", "-o", filepath.Join(dir, "a.png"), "--animate"}, 2, "", []string{".gif"}},
		{"window bad flag", []string{"--nope"}, 2, "", nil},
		{"window bad data", []string{"--data", broken}, 1, "", []string{broken + ":5:"}},
	}
	// Each refused --scale and --size must be refused at once, before any
	// drawing: NaN, Inf and 1000 once ran until memory ran out, and 1e9
	// panicked.
	for _, s := range []string{"NaN", "Inf", "-Inf", "1e9", "0", "-1", "1000", "1e999", "8.01", "0.2", "two"} {
		tests = append(tests, struct {
			name   string
			args   []string
			code   int
			stdout string
			stderr []string
		}{"export refuses --scale " + s, []string{"export", "-o", filepath.Join(dir, "a.png"), "--scale", s}, 2, "", []string{"--scale", s, "use a scale from 0.25 to", "or leave it out"}})
	}
	tests = append(tests, []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr []string
	}{
		// Past twice the default scale the caption crowds out the network.
		{"export refuses a scale too big for the size", []string{"export", "-o", filepath.Join(dir, "a.svg"), "--scale", "4"}, 2, "",
			[]string{"--scale 4: at 1600x1000 use a scale from 0.25 to 2.5 (a bigger size takes more)"}},
		{"export takes that scale at a bigger size", []string{"export", "-o", filepath.Join(dir, "a.svg"), "--scale", "4", "--size", "3840x2160"}, 0, "", nil},
	}...)
	for _, s := range []string{"0x0", "-5x100", "100x-5", "99999x99999", "NaNxNaN", "1e9x1e9", "99999999999999999999x100", "800", "7681x4320", "64x63"} {
		tests = append(tests, struct {
			name   string
			args   []string
			code   int
			stdout string
			stderr []string
		}{"export refuses --size " + s, []string{"export", "-o", filepath.Join(dir, "a.png"), "--size", s}, 2, "", []string{"--size", s, "64x64 and 7680x4320"}})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			start := time.Now()
			code := run(tc.args, &out, &errb)
			if tc.code == exitUsage && time.Since(start) > time.Second {
				t.Errorf("a usage error took %v; check arguments before any work", time.Since(start))
			}
			if strings.HasPrefix(tc.name, "export") && strings.Contains(strings.TrimSpace(errb.String()), "\n") {
				t.Errorf("more than one line: %q", errb.String())
			}
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

// TestNoDisplaySaysUseExport protects the one-line refusal of a window
// without a display: GLFW panicked with a stack trace as Fyne started. It
// runs the binary, as only a separate process survives that panic.
func TestNoDisplaySaysUseExport(t *testing.T) {
	if !noDisplay(runtime.GOOS, func(string) string { return "" }) {
		t.Skip("this system always has a display")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildApp(t)
	data := filepath.Join(t.TempDir(), "f.csv")
	os.WriteFile(data, []byte("actors\na;b\n"), 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--data", data)
	cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitWork {
		t.Errorf("exit: %v, want status %d", err, exitWork)
	}
	msg := strings.TrimSpace(errb.String())
	if strings.Contains(msg, "\n") || !strings.Contains(msg, "no display") || !strings.Contains(msg, "echoes export") {
		t.Errorf("want one line saying there is no display and to use echoes export, got %q", msg)
	}
}

func TestNoDisplay(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	tests := []struct {
		goos string
		vars map[string]string
		want bool
	}{
		{"linux", nil, true},
		{"linux", map[string]string{"DISPLAY": ":0"}, false},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, false},
		{"freebsd", nil, true},
		{"darwin", nil, false},
		{"windows", nil, false},
	}
	for _, tc := range tests {
		if got := noDisplay(tc.goos, env(tc.vars)); got != tc.want {
			t.Errorf("noDisplay(%s, %v) = %v, want %v", tc.goos, tc.vars, got, tc.want)
		}
	}
}

// TestUserDataPictureCreditsItsData protects pictures of a user's data:
// the credit line comes from the dataset, never the embedded dataset's
// article; --no-caption drops it; and an undated dataset is not headed
// with the placeholder year it is read into.
func TestUserDataPictureCreditsItsData(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "mine.csv")
	os.WriteFile(data, []byte("id,actors,kind\nr1,A;B,alliance\nr2,B;C,rivalry\n"), 0o644)
	for _, tc := range []struct {
		name      string
		args      []string
		credit    bool
		forbidden []string
	}{
		{"with caption", nil, true, nil},
		{"no caption", []string{"--no-caption"}, false, []string{"Data:"}},
		{"compare", []string{"--compare", "2000,2000"}, true, nil},
		{"compare no caption", []string{"--compare", "2000,2000", "--no-caption"}, false, []string{"Data:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".svg")
			var so, se bytes.Buffer
			args := append([]string{"export", "-o", out, "--data", data, "--size", "1600x800"}, tc.args...)
			if code := run(args, &so, &se); code != 0 {
				t.Fatalf("exit %d: %s", code, se.String())
			}
			svg, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			s := string(svg)
			for _, bad := range append([]string{"Sneider", "East Asia Forum", "31 December 2000"}, tc.forbidden...) {
				if strings.Contains(s, bad) {
					t.Errorf("the picture says %q", bad)
				}
			}
			if tc.credit && !strings.Contains(s, ">Data: mine<") {
				t.Error("the picture does not credit the dataset (Data: mine)")
			}
		})
	}
}
