#!/bin/bash
# tests/cli/fetch-net.sh: what the network between dossier and a server
# may hold: a proxy named by the environment (the request goes to it as an
# absolute URL; no_proxy passes it by), certificate authorities named by
# the environment (CURL_CA_BUNDLE), and a server that speaks HTTP/2
# (nghttpd, a real HTTP/2 server, over TLS with ALPN).
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/cli/http-lib.sh"

db="$TEST_TMP/n.db"
dz() { "$DOSSIER" --db "$db" "$@"; }
count() { dz list --limit 0 --json | "$PYTHON3" -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy no_proxy NO_PROXY \
    CURL_CA_BUNDLE SSL_CERT_FILE SSL_CERT_DIR

# page FILE N: a made-up article, long enough to be one.
page() {
	{
		printf '<!doctype html><html><head><title>Fixture page %s</title></head><body><article><h1>Fixture page %s</h1>' "$2" "$2"
		for i in 1 2 3; do
			printf '<p>Delegates of the fixture commission %s met in the made-up town of Example for round %s. ' "$2" "$i"
			printf 'They discussed the invented border for several hours and agreed to meet again soon. '
			printf 'None of this happened: the test wrote it for the test, page %s.</p>' "$2"
		done
		printf '</article></body></html>\n'
	} >"$WWW/$1"
}
page p1.html 1
page p2.html 2
page p3.html 3

# A proxy from the environment: the host does not exist (.invalid never
# resolves), so only the proxy can have answered.
out=$(http_proxy="$BASE" dz import "http://news.invalid/p1.html" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$(count)" = 1 ] && grep -qx "GET http://news.invalid/p1.html 200" "$HTTP_LOG"
tap_ok $? "http_proxy: the page is asked of the proxy by its whole URL and imported (got $rc: $out)"
out=$(dz import "http://news.invalid/p2.html" 2>&1); rc=$?
[ $rc -eq 3 ] && [ "$(count)" = 1 ] && grep -q "^dossier: import: http://news.invalid/p2.html: DNS: " <<<"$out"
tap_ok $? "without the proxy the same host is a failure that names it (got $rc: $out)"
out=$(http_proxy="http://127.0.0.1:1" no_proxy=127.0.0.1 dz import "$BASE/p2.html" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$(count)" = 2 ] && grep -qx "GET /p2.html 200" "$HTTP_LOG"
tap_ok $? "no_proxy: a host it names is asked directly, past a proxy that is not there (got $rc: $out)"

# HTTPS and HTTP/2: nghttpd with a certificate for 127.0.0.1 that only
# CURL_CA_BUNDLE makes trusted.
NGHTTPD=$(command -v nghttpd || echo /usr/sbin/nghttpd)
if [ ! -x "$NGHTTPD" ]; then
	tap_ok 1 "nghttpd (Debian: nghttp2-server, installed by ./bootstrap) is needed for the HTTP/2 test"
	tap_done
	exit
fi
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$TEST_TMP/h2.key" -out "$TEST_TMP/h2.pem" >/dev/null 2>&1
port=$("$PYTHON3" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$NGHTTPD" -v -a 127.0.0.1 -d "$WWW" "$port" "$TEST_TMP/h2.key" "$TEST_TMP/h2.pem" \
    >"$TEST_TMP/h2.log" 2>&1 &
H2_PID=$!
trap 'kill $H2_PID 2>/dev/null; wait $H2_PID 2>/dev/null; _http_cleanup' EXIT
for _i in $(seq 200); do
	"$PYTHON3" -c 'import socket,sys; socket.create_connection(("127.0.0.1",int(sys.argv[1])),1)' "$port" \
	    2>/dev/null && break
	sleep 0.05
done
h2="https://127.0.0.1:$port/p3.html"
out=$(dz import "$h2" 2>&1); rc=$?
[ $rc -eq 3 ] && [ "$(count)" = 2 ] && grep -q "^dossier: import: $h2: TLS (the certificate is checked, always): " <<<"$out"
tap_ok $? "a certificate the system does not trust: refused (got $rc: $out)"
out=$(CURL_CA_BUNDLE="$TEST_TMP/h2.pem" dz import "$h2" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$(count)" = 3 ] && dz list | grep -q "Fixture page 3"
tap_ok $? "CURL_CA_BUNDLE names the authority: the page is fetched and imported (got $rc: $out)"
grep -q "recv HEADERS frame" "$TEST_TMP/h2.log" && grep -q ":path: /p3.html" "$TEST_TMP/h2.log"
tap_ok $? "the server saw the request as HTTP/2 frames (ALPN h2)"
out=$(SSL_CERT_FILE="$TEST_TMP/h2.pem" dz import "$h2" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "1 duplicate" <<<"$out"
tap_ok $? "SSL_CERT_FILE does the same when CURL_CA_BUNDLE is unset (got $rc: $out)"

tap_done
