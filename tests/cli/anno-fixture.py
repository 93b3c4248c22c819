#!/usr/bin/env python3
# tests/cli/anno-fixture.py: puts article files into a dossier database as
# article rows (the full-text index follows by trigger), so that the
# annotation tests do not depend on the importer. Prints one id a line.
#   anno-fixture.py DB FILE...     (the database must exist: run any
#                                  dossier command on it first)
import hashlib
import sqlite3
import sys
import unicodedata

db = sqlite3.connect(sys.argv[1])
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        body = unicodedata.normalize("NFC", f.read())
    title = next((l.strip() for l in body.splitlines() if l.strip()), path)
    digest = hashlib.sha256((title + "\0" + body).encode()).hexdigest()
    cur = db.execute(
        "INSERT INTO articles (title, source, format, body, hash) VALUES (?, ?, 'text', ?, ?)",
        (title, "file://" + path.rsplit("/", 1)[-1], body, digest))
    print(cur.lastrowid)
db.commit()
db.close()
