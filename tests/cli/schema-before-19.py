#!/usr/bin/env python3
"""schema-before-19.py DB: takes a dossier database of schema 19 back to
the layout schema 18 had, as an older dossier made it, for the tests of
the upgrade: no table of the entities titles name. The caller sets
user_version."""

import sqlite3
import sys


def back(db):
    """Undoes step 19 on the open connection DB, when it has it."""
    if db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'title_mentions'").fetchone() is None:
        return
    db.executescript(
        "DROP INDEX title_mentions_entity;"
        "DROP TABLE title_mentions;")


def main():
    db = sqlite3.connect(sys.argv[1])
    back(db)
    db.commit()
    db.close()


if __name__ == "__main__":
    main()
