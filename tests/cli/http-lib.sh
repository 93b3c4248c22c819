# tests/cli/http-lib.sh: starts tests/cli/http-fixture.py on 127.0.0.1 for a
# test (sourced after tests/tui/lib.sh) and stops it when the test ends.
# Sets WWW (the directory served), HTTP_LOG (one "METHOD PATH STATUS" line
# per request) and BASE (http://127.0.0.1:PORT).

WWW="$TEST_TMP/www"
HTTP_LOG="$TEST_TMP/http.log"
mkdir -p "$WWW"
: >"$HTTP_LOG"
"$PYTHON3" "$top_srcdir/tests/cli/http-fixture.py" "$WWW" "$TEST_TMP/http.port" "$HTTP_LOG" \
	${HTTP_DELAY_MS:-} &
HTTP_PID=$!
_http_cleanup() {
	kill "$HTTP_PID" 2>/dev/null
	wait "$HTTP_PID" 2>/dev/null
	_tui_cleanup
}
trap _http_cleanup EXIT
for _i in $(seq 200); do
	[ -s "$TEST_TMP/http.port" ] && break
	sleep 0.05
done
BASE="http://127.0.0.1:$(cat "$TEST_TMP/http.port")"

# The requests logged for PATH, as "STATUS" lines.
http_statuses() {
	awk -v p="$1" '$2 == p { print $3 }' "$HTTP_LOG"
}
