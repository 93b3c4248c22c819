#!/usr/bin/env python3
"""schema-before-18.py DB: takes a dossier database of schema 18 back to
the layout schema 17 had, as an older dossier made it, for the tests of
the upgrade: statements without their article's date, no index of a
speaker's statements in list order, no trigger keeping the dates (and
none of step 19's table of the entities titles name). The caller sets
user_version."""

import importlib.util
import os
import sqlite3
import sys


def before_19(db):
    """Step 19 taken back first, when the database has it."""
    spec = importlib.util.spec_from_file_location(
        "before19", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "schema-before-19.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.back(db)


def back(db):
    """Undoes steps 19 and 18 on the open connection DB."""
    before_19(db)
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
