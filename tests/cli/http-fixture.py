#!/usr/bin/env python3
"""tests/cli/http-fixture.py: an HTTP server on 127.0.0.1 for the fetch tests.

    http-fixture.py ROOT PORTFILE LOG [DELAY_MS [CERT.pem]]

Serves the files under ROOT (written by the test: feeds and pages made up
for it, never real articles) and a few paths that misbehave on purpose.
Writes the port it listens on to PORTFILE, and one line per request to LOG:
"METHOD PATH STATUS" (and " gzip" when the body went gzip-encoded); the
last request's User-Agent goes to LOG.ua. Every file is served with an ETag (a hash of its
bytes) and a Last-Modified (its mtime), and a request that sends a
matching If-None-Match or an If-Modified-Since not older gets a 304.
DELAY_MS delays every answer (the benchmark's "slow server"). With
CERT.pem (a certificate and its key in one file) it speaks HTTPS.

    /gz/PATH           PATH gzip-encoded when the client accepts it
    /redirect/N/PATH   N redirects, then PATH
    /loop              redirects to itself, for ever
    /status/CODE       answers CODE with a short body
    /flaky/NAME/PATH   500 the first time NAME is asked for, then PATH
    /busy/NAME/PATH    429 with Retry-After: 1 the first time, then PATH
    /slow              waits 30 s before answering (the time-out test)
    /endless           a chunked body that never ends (the size limit)
    /to-file           redirects to file:///etc/passwd (must be refused)
    /html-not-feed     an HTML page where a feed was expected

A request for an absolute URL ("GET http://host/PATH", as a client sends
to a proxy) is answered as PATH and logged with the whole URL, so a test
sees that the client went through the proxy.
"""
import email.utils
import gzip
import hashlib
import http.server
import os
import ssl
import sys
import threading
import time

ROOT, PORTFILE, LOG = sys.argv[1], sys.argv[2], sys.argv[3]
DELAY = int(sys.argv[4]) / 1000.0 if len(sys.argv) > 4 else 0.0
seen = set()
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def log(self, status, note=""):
        with lock, open(LOG, "a") as f:
            f.write("%s %s %d%s\n" % (self.command, self.path, status, note))

    def answer(self, status, body=b"", headers=()):
        self.log(status, " gzip" if ("Content-Encoding", "gzip") in headers else "")
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def first_time(self, name):
        with lock:
            if name in seen:
                return False
            seen.add(name)
            return True

    def serve_file(self, path, gz=False):
        full = os.path.abspath(os.path.join(ROOT, path.lstrip("/")))
        if not full.startswith(os.path.abspath(ROOT)) or not os.path.isfile(full):
            return self.answer(404, b"not found\n", [("Content-Type", "text/plain")])
        with open(full, "rb") as f:
            data = f.read()
        etag = '"%s"' % hashlib.sha1(data).hexdigest()[:16]
        mtime = int(os.path.getmtime(full))
        lastmod = email.utils.formatdate(mtime, usegmt=True)
        ims = self.headers.get("If-Modified-Since")
        if self.headers.get("If-None-Match") == etag or (
                ims and self.headers.get("If-None-Match") is None and
                email.utils.parsedate_to_datetime(ims).timestamp() >= mtime):
            self.log(304)
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        ctype = "application/rss+xml" if full.endswith((".xml", ".rss")) else \
            "text/html; charset=utf-8" if full.endswith(".html") else "text/plain"
        headers = [("Content-Type", ctype), ("ETag", etag), ("Last-Modified", lastmod)]
        if gz and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data)
            headers.append(("Content-Encoding", "gzip"))
        self.answer(200, data, headers)

    def do_GET(self):
        if DELAY:
            time.sleep(DELAY)
        p = self.path
        if p.startswith("http://"):
            p = "/" + p[len("http://"):].partition("/")[2]
        with lock, open(LOG + ".ua", "w") as f:
            f.write(self.headers.get("User-Agent", "") + "\n")
        if p.startswith("/gz/"):
            return self.serve_file(p[3:], gz=True)
        if p.startswith("/redirect/"):
            n, rest = p[len("/redirect/"):].split("/", 1)
            to = "/" + rest if int(n) <= 1 else "/redirect/%d/%s" % (int(n) - 1, rest)
            return self.answer(302, b"", [("Location", to)])
        if p == "/loop":
            return self.answer(302, b"", [("Location", "/loop")])
        if p.startswith("/status/"):
            return self.answer(int(p[8:11]), b"no\n", [("Content-Type", "text/plain")])
        if p.startswith("/flaky/"):
            name, rest = p[7:].split("/", 1)
            if self.first_time("flaky " + name):
                return self.answer(500, b"oops\n", [("Content-Type", "text/plain")])
            return self.serve_file(rest)
        if p.startswith("/busy/"):
            name, rest = p[6:].split("/", 1)
            if self.first_time("busy " + name):
                return self.answer(429, b"slow down\n", [("Retry-After", "1")])
            return self.serve_file(rest)
        if p == "/slow":
            time.sleep(30)
            return self.answer(200, b"late\n")
        if p == "/endless":
            self.log(200)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<!-- " + b"x" * 65536 + b" -->\n"
            try:
                while True:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                return
        if p == "/to-file":
            return self.answer(302, b"", [("Location", "file:///etc/passwd")])
        if p == "/html-not-feed":
            return self.answer(200, b"<!doctype html><html><head><title>A page</title></head>"
                               b"<body><p>Not a feed.</p></body></html>",
                               [("Content-Type", "text/html")])
        return self.serve_file(p)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


srv = Server(("127.0.0.1", 0), Handler)
if len(sys.argv) > 5:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(sys.argv[5])
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
with open(PORTFILE + ".tmp", "w") as f:
    f.write("%d\n" % srv.server_address[1])
os.rename(PORTFILE + ".tmp", PORTFILE)
srv.serve_forever()
