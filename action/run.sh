#!/usr/bin/env bash
# The GitHub Action's step (action.yml): install nvlint from the action's own checkout into a fresh virtual
# environment, so no package index is needed for nvlint itself, then lint with annotations on the pull
# request (the `github` format) and, when asked, a SARIF file for code scanning.
#
# Inputs, as action.yml passes them: NVLINT_PATHS, NVLINT_ARGS (split at spaces), NVLINT_ONLINE_INPUT
# ("true"/"false"), NVLINT_SARIF (a file name, or empty). GITHUB_ACTION_PATH is the action's checkout;
# run by hand, the folder above this script is used.
set -euo pipefail

read -r -a paths <<<"${NVLINT_PATHS:-.}"
read -r -a extra <<<"${NVLINT_ARGS:-}"
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
venv="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/nvlint-venv.XXXXXX")"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$action_path"

exec "$venv/bin/nvlint" check "${options[@]}" --format github "${extra[@]}" "${paths[@]}"
