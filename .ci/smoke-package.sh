#!/usr/bin/env bash
# Smoke-run a built selfeval: the command line end to end, then the window offscreen for a moment.
set -euo pipefail
app="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SELFEVAL_HOME="$work/home"
"$app" --version
"$app" demo "$work/demo.selfeval"
"$app" status "$work/demo.selfeval" | head -2
# right-to-left text loads the shaping and bidi libraries, which only an Urdu line imports
"$app" judge "$work/demo.selfeval" participation --strengths "Families: اردو میں معلومات ملی"
for format in pdf docx xlsx; do "$app" export "$format" "$work/demo.selfeval" -o "$work/pack.$format"; done
set +e
QT_QPA_PLATFORM=offscreen timeout 8 "$app" "$work/demo.selfeval" 2>/dev/null
code=$?
set -e
if [ "$code" -ne 124 ]; then echo "the window did not stay open (exit $code)" >&2; exit 1; fi
echo "smoke run passed"
