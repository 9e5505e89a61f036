#!/usr/bin/env bash
# Each breakage in this folder must make the test named on its first line fail.
# Applies one breakage at a time, runs its test, takes the breakage back.
# Usage, from anywhere in the repository: tests/mutations/check.sh [file.diff ...]
# PYTHON names the interpreter with pytest (default: python3).
set -u
cd "$(git rev-parse --show-toplevel)"
python=${PYTHON:-python3}
diffs=("$@")
[ ${#diffs[@]} -eq 0 ] && diffs=(tests/mutations/*.diff)
applied=""
trap '[ -n "$applied" ] && git apply -R "$applied"; exit 130' INT TERM
result=0
for diff in "${diffs[@]}"; do
  caught_by=$(sed -n '1s/^# caught by: //p' "$diff")
  if ! git apply "$diff"; then
    echo "stale   $diff: no longer applies to the code; write the breakage again"
    result=1
    continue
  fi
  applied=$diff
  eval "set -- $caught_by"
  "$python" -m pytest -q -p no:cacheprovider "$@" >/dev/null 2>&1
  status=$?
  git apply -R "$diff"
  applied=""
  case $status in
    1) echo "caught  $diff" ;;
    0) echo "MISSED  $diff: $caught_by passes with the breakage"; result=1 ;;
    *) echo "error   $diff: pytest $caught_by exited $status (no test selected, or it could not run)"; result=1 ;;
  esac
done
exit $result
