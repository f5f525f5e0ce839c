#!/usr/bin/env bash
# The whole suite, on both cores: the browser tests (a live site and Chromium) in one pytest run, everything else
# in another, side by side; each prints its own report and its 15 slowest tests. Extra arguments go to both runs.
# Lighthouse, which measures speed, runs alone: `make test-lighthouse`.
# Exits non-zero when either run fails.
set -uo pipefail
cd "$(dirname "$0")/.."

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
browser_env=()
if [[ "${DATABASE_URL:-}" == postgres* ]]; then
  # Two runs at once need two test databases.
  browser_env=(DATABASE_URL="${DATABASE_URL}_browser")
fi

.venv/bin/python -m pytest --create-db --durations=15 -m "not browser and not lighthouse" "$@" > "$logs/tests.log" 2>&1 &
rest=$!
# The browser run (pytest, the live site and Chromium's processes) yields the CPU to the other, single-threaded
# run: it still has the second core, and the quick tests keep their own pace.
nice -n 10 env "${browser_env[@]}" .venv/bin/python -m pytest --create-db --durations=15 -m "browser and not lighthouse" "$@" > "$logs/browser.log" 2>&1 &
browser=$!

wait "$rest"; rest_status=$?
wait "$browser"; browser_status=$?
echo "=== Tests without a browser"
cat "$logs/tests.log"
echo
echo "=== Browser tests"
cat "$logs/browser.log"
# pytest exits 5 when a run selects no test (a -k that only matches one kind): not a failure of the other.
for status in "$rest_status" "$browser_status"; do
  if [ "$status" != 0 ] && [ "$status" != 5 ]; then exit "$status"; fi
done
[ "$rest_status" = 5 ] && [ "$browser_status" = 5 ] && exit 5
exit 0
