#!/usr/bin/env bash
# Smoke-run a built selfeval folder: the command line end to end (selfeval-cli), then the
# desktop app (selfeval) offscreen for a moment.
set -euo pipefail
folder="$1"
cli="$folder/selfeval-cli"
app="$folder/selfeval"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SELFEVAL_HOME="$work/home"
"$cli" --version
"$cli" demo "$work/demo.selfeval"
"$cli" status "$work/demo.selfeval" | head -2
# right-to-left text loads the shaping and bidi libraries, which only an Urdu line imports
"$cli" judge "$work/demo.selfeval" participation --strengths "Families: اردو میں معلومات ملی"
for format in pdf docx xlsx; do "$cli" export "$format" "$work/demo.selfeval" -o "$work/pack.$format"; done
# an import and a refused output: the readers and the guarded writer are in the bundle
printf 'title,kind,criteria\nSmoke audit,audit,right-help\n' > "$work/tracker.csv"
"$cli" import evidence "$work/demo.selfeval" "$work/tracker.csv"
if "$cli" export pdf "$work/demo.selfeval" -o "$work/demo.selfeval" 2>/dev/null; then
  echo "an export overwrote the workspace" >&2; exit 1
fi
set +e
QT_QPA_PLATFORM=offscreen timeout 8 "$app" "$work/demo.selfeval" 2>/dev/null
code=$?
set -e
if [ "$code" -ne 124 ]; then echo "the window did not stay open (exit $code)" >&2; exit 1; fi
echo "smoke run passed"
