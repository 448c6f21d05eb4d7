#!/usr/bin/env bash
# The GitHub Action's step (action.yml): install nvlint from the action's own checkout into a virtual
# environment, with its dependencies at the versions action/constraints.txt pins (the venv is cached across
# runs by action.yml, keyed on those files), then lint with annotations on the pull request (the `github`
# format), a summary on the job's page and, when asked, a SARIF file for code scanning.
#
# Inputs, as action.yml passes them: NVLINT_PATHS (split at spaces), NVLINT_ARGS (one argument per line
# when it has several lines, else split as a shell splits words: quotes group, nothing is expanded),
# NVLINT_ONLINE_INPUT ("true"/"false"), NVLINT_SARIF (a file name, or empty). From action.yml too:
# NVLINT_VENV (where the cached venv is; a fresh one under RUNNER_TEMP when empty) and NVLINT_VENV_KEY
# (what the venv was built from). GITHUB_ACTION_PATH is the action's checkout; run by hand, the folder above
# this script is used. GITHUB_STEP_SUMMARY, when set, gets the summary.
set -euo pipefail

read -r -a paths <<<"${NVLINT_PATHS:-.}"
extra=()
if [[ "${NVLINT_ARGS:-}" == *$'\n'* ]]; then
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    [ -n "$line" ] && extra+=("$line")
  done <<<"$NVLINT_ARGS"
elif [ -n "${NVLINT_ARGS:-}" ]; then
  # one line has no line break inside an argument: a line each is how the words come back
  if ! split="$(python3 -c 'import shlex, sys; print("\n".join(shlex.split(sys.argv[1])))' "$NVLINT_ARGS" 2>&1)"; then
    echo "nvlint: the args input is not shell-quoted words: ${split##*: }" >&2
    exit 2
  fi
  [ -n "$split" ] && mapfile -t extra <<<"$split"
fi
options=()
case "${NVLINT_ONLINE_INPUT:-false}" in
  true) options+=(--online) ;;
  false | "") ;;
  *)
    echo "nvlint: the online input is 'true' or 'false', not '${NVLINT_ONLINE_INPUT}'" >&2
    exit 2
    ;;
esac
if [ -n "${NVLINT_SARIF:-}" ]; then
  options+=(--format sarif --output "$NVLINT_SARIF")
fi

action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
venv="${NVLINT_VENV:-}"
key="${NVLINT_VENV_KEY:-}"
if [ -z "$venv" ] || [ ! -x "$venv/bin/nvlint" ] || [ "$(cat "$venv/.nvlint-key" 2>/dev/null)" != "$key" ]; then
  [ -n "$venv" ] || venv="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/nvlint-venv.XXXXXX")"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --constraint "$action_path/action/constraints.txt" "$action_path"
  printf '%s' "$key" >"$venv/.nvlint-key"
fi

findings="$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/nvlint-findings.XXXXXX")"
log="$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/nvlint-log.XXXXXX")"
status=0
# standard error goes to the log as always, and to a file: its summary line counts the files checked
"$venv/bin/nvlint" check "${options[@]}" --format json --output "$findings" --format github "${extra[@]}" \
  "${paths[@]}" 2> >(tee "$log" >&2) || status=$?
wait  # for tee to have written the log
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -s "$findings" ]; then
  "$venv/bin/python" "$action_path/action/summary.py" "$findings" "$status" "$log" >>"$GITHUB_STEP_SUMMARY" || true
fi
rm -f "$findings" "$log"
exit "$status"
