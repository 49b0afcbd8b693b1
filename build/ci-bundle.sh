#!/usr/bin/env bash
# CI for the Linux bundle: build it in /tmp, then run the unpacked tarball's self-test and GUI
# with no Python on PATH, check the signed manifest, and hold the folder and archive to budget.
set -euo pipefail
cd "$(dirname "$0")/.."

FOLDER_BUDGET_MB=${FOLDER_BUDGET_MB:-200}
ARCHIVE_BUDGET_MB=${ARCHIVE_BUDGET_MB:-80}
GUI_SECONDS=${GUI_SECONDS:-5}
if [ -z "${PYTHON:-}" ]; then
  if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi

tmp=$(mktemp -d /tmp/juryapp-ci.XXXXXX)
gui_pid=""
cleanup() {
  if [ -n "$gui_pid" ] && kill -0 "$gui_pid" 2>/dev/null; then kill "$gui_pid" || true; fi
  if [ -z "${KEEP:-}" ]; then rm -rf "$tmp"; else echo "kept $tmp"; fi
}
trap cleanup EXIT

failures=()
fail() { echo "FAILED: $*" >&2; failures+=("$*"); }

echo "== build (work and output in $tmp)"
"$PYTHON" build/build.py --workpath "$tmp/work" --out "$tmp/release" --new-key "$tmp/release-key.pem"

archive=$(ls "$tmp"/release/juryapp-*-linux-*.tar.gz)
mkdir "$tmp/unpacked"
tar -xzf "$archive" -C "$tmp/unpacked"
bundle=$(ls -d "$tmp"/unpacked/juryapp-*)

# A machine with nothing of ours: no Python on PATH, empty home, no display, no network use.
home="$tmp/home"
mkdir -p "$home/.config/juryapp"
clean_env=(env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
  XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share"
  XDG_RUNTIME_DIR="$tmp/runtime")
run() {
  "${clean_env[@]}" "$@"
}
mkdir -m 700 "$tmp/runtime"

echo "== version"
run "$bundle/juryapp" --version || fail "juryapp --version"

echo "== self-test"
run "$bundle/juryapp" --self-test || fail "juryapp --self-test"

echo "== manifest and signature"
"$PYTHON" build/verify_stick.py "$tmp/release" --public-key "$tmp/work/release-public.pem" \
  || fail "verify_stick"

echo "== GUI: first window on the demo database"
# The language was picked before, so the first window is the main one, not the first-run
# dialog; the hook prints when it is shown and quits.
printf '[ui]\nlanguage=id\n' > "$home/.config/juryapp/juryapp.ini"
demo_db="$tmp/demo.sqlite3"
if shown=$(run JURYAPP_EXIT_AFTER_SHOWN=1 timeout 120 "$bundle/juryapp-gui" --db "$demo_db" --demo); then
  echo "$shown"
  echo "$shown" | grep -q "first window shown" || fail "the main window was never shown"
else
  fail "juryapp-gui --demo exited with an error before showing its window"
fi

echo "== GUI: running for ${GUI_SECONDS} s"
# Not through run(): a function sent to the background runs in a subshell, and $! would be
# that subshell's, leaving the app running after the kill below. env execs the app itself.
"${clean_env[@]}" "$bundle/juryapp-gui" --db "$demo_db" > "$tmp/gui.log" 2>&1 &
gui_pid=$!
sleep "$GUI_SECONDS"
if kill -0 "$gui_pid" 2>/dev/null; then
  echo "still running after ${GUI_SECONDS} s"
  kill "$gui_pid"
  wait "$gui_pid" 2>/dev/null || true
else
  wait "$gui_pid" && status=0 || status=$?
  fail "the GUI exited within ${GUI_SECONDS} s (status $status)"
  cat "$tmp/gui.log" >&2
fi
gui_pid=""
if grep -E "Traceback|Qt platform plugin|cannot|could not" "$tmp/gui.log" >&2; then
  fail "the GUI printed errors"
fi

echo "== sizes"
folder_kib=$(du -sk "$bundle" | cut -f1)
folder_mb=$((folder_kib * 1024 / 1000000))
archive_mb=$(($(stat -c %s "$archive") / 1000000))
echo "one-folder bundle: ${folder_mb} MB on disk (budget ${FOLDER_BUDGET_MB} MB)"
echo "archive:           ${archive_mb} MB $(basename "$archive") (budget ${ARCHIVE_BUDGET_MB} MB)"
[ "$folder_mb" -le "$FOLDER_BUDGET_MB" ] || fail "folder ${folder_mb} MB > ${FOLDER_BUDGET_MB} MB"
[ "$archive_mb" -le "$ARCHIVE_BUDGET_MB" ] || fail "archive ${archive_mb} MB > ${ARCHIVE_BUDGET_MB} MB"

if [ ${#failures[@]} -gt 0 ]; then
  printf 'ci-bundle FAILED:\n' >&2
  printf '  %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "ci-bundle passed"
