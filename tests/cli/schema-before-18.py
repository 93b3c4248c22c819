#!/usr/bin/env python3
"""schema-before-18.py DB: takes a dossier database of schema 18 back to
the layout schema 17 had, as an older dossier made it, for the tests of
the upgrade: statements without their article's date, no index of a
speaker's statements in list order, no trigger keeping the dates. The caller sets
user_version."""

import sqlite3
import sys


def back(db):
    """Undoes step 18 on the open connection DB."""
    db.executescript(
        "DROP TRIGGER statements_published_au;"
        "DROP INDEX statements_speaker_order;"
        "ALTER TABLE statements DROP COLUMN published;")


def main():
    db = sqlite3.connect(sys.argv[1])
    back(db)
    db.commit()
    db.close()


if __name__ == "__main__":
    main()
