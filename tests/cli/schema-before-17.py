#!/usr/bin/env python3
"""schema-before-17.py DB: takes a dossier database of schema 17 (or 18:
step 18 is taken back first, by schema-before-18.py) back to the layout
schema 16 had, as an older dossier made it, for the tests of
the upgrade: paragraph and sentence spans in two tables of 8 bytes a span
(two 4-byte little-endian offsets), and the full-text index with the
title as its first column. The caller sets user_version."""

import importlib.util
import os
import sqlite3
import struct
import sys


def unpack(blob):
    """The spans of a schema-17 list: varints of the zigzagged gap from
    the last span's end and of the length."""
    out, i, last = [], 0, 0

    def varint():
        nonlocal i
        v = shift = 0
        while True:
            c = blob[i]
            i += 1
            v |= (c & 0x7F) << shift
            shift += 7
            if not c & 0x80:
                return v

    while i < len(blob):
        d, n = varint(), varint()
        start = last - ((d + 1) >> 1) if d & 1 else last + (d >> 1)
        out.append((start, start + n))
        last = start + n
    return b"".join(struct.pack("<II", a, b) for a, b in out)


def before_18(db):
    """Step 18 taken back, when the database has it."""
    if db.execute("SELECT 1 FROM pragma_table_info('statements')"
                  " WHERE name = 'published'").fetchone() is None:
        return
    spec = importlib.util.spec_from_file_location(
        "before18", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "schema-before-18.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.back(db)


def main():
    db = sqlite3.connect(sys.argv[1])
    before_18(db)
    db.executescript(
        "CREATE TABLE paragraphs ("
        "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
        "  spans BLOB NOT NULL);"
        "CREATE TABLE sentences ("
        "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
        "  spans BLOB NOT NULL);")
    rows = db.execute("SELECT article_id, paragraphs, sentences FROM spans").fetchall()
    for aid, paras, sents in rows:
        db.execute("INSERT INTO paragraphs VALUES (?, ?)", (aid, unpack(paras)))
        db.execute("INSERT INTO sentences VALUES (?, ?)", (aid, unpack(sents)))
    db.executescript(
        "DROP TABLE spans;"
        "DROP TABLE articles_fts;"
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "  title, body, notes, content = 'articles_text', content_rowid = 'id',"
        "  tokenize = 'unicode61 remove_diacritics 2');"
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)');"
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);"
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', 64);"
        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');")
    db.commit()
    db.close()


if __name__ == "__main__":
    main()
