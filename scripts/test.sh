#!/usr/bin/env bash
# Runs the test projects (all, or those named) and ends with one plain line: "N passed, M failed".
# Exits non-zero when any test failed or any project did not build or run.
set -uo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(tests/Properties tests/Integration)
passed=0 failed=0 skipped=0 broken=0
for project in "${projects[@]}"; do
  log=$(mktemp)
  dotnet test "$project" -c Release --nologo --logger "console;verbosity=normal" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  # VSTest's summary line: "Failed!  - Failed:     1, Passed:    41, Skipped:     0, Total:    42, ..."
  line=$(grep -E '(Passed|Failed)! +- Failed: ' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    echo "test.sh: $project did not report a result (exit $status)"; broken=$((broken + 1))
  else
    f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")
    p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")
    s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    [ "$status" -eq 0 ] || [ "$f" -gt 0 ] || broken=$((broken + 1))
  fi
  rm -f "$log"
done
failed=$((failed + broken))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
