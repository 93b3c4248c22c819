#!/usr/bin/env python3
# tests/cli/anno-kill.py: the durability test. Adds annotations with
# `dossier annotate` and kills it with SIGKILL at random moments; after
# every kill, each annotation dossier had confirmed (printed its id for)
# must be in the database and PRAGMA integrity_check must say ok. Then
# two writers annotate the same database at once, and nothing is lost.
#
#   anno-kill.py DOSSIER DB ARTICLE RUNS EMPTY_DB
# EMPTY_DB holds the same article and no annotations: an import of the
# annotations killed at random must leave all of them or none.
# Prints one result a line, "STATUS DESCRIPTION" (0 = passed), and
# diagnostics as "# ..." lines. KILL_SEED=N repeats a run's timings.
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time

dossier, db, article, runs, empty_db = sys.argv[1:6]
runs = int(runs)
seed = int(os.environ.get("KILL_SEED") or random.randrange(1 << 30))
rng = random.Random(seed)
print(f"# KILL_SEED={seed}")


def result(ok, what):
    print(f"{0 if ok else 1} {what}", flush=True)


def body_chars():
    con = sqlite3.connect(db)
    (body,) = con.execute("SELECT body FROM articles WHERE id = ?", (article,)).fetchone()
    con.close()
    return len(body)


def annotate_cmd(note):
    s = rng.randrange(0, nchars - 40)
    e = s + rng.randrange(1, 40)
    return [dossier, "--db", db, "annotate", article, str(s), str(e),
            "--tag", rng.choice(["claim", "fact", "opinion"]), "--note", note]


def confirmed_uuid(out):
    # "ID<TAB>urn:uuid:UUID": printed only once the annotation is on disk.
    line = out.decode().strip()
    if "\turn:uuid:" not in line:
        return None
    return line.split("\turn:uuid:", 1)[1]


def check(confirmed):
    con = sqlite3.connect(db)
    try:
        integrity = [r[0] for r in con.execute("PRAGMA integrity_check")]
        stored = {r[0] for r in con.execute(
            "SELECT uuid FROM annotations WHERE state = 'active'")}
    finally:
        con.close()
    missing = [u for u in confirmed if u not in stored]
    return integrity == ["ok"], missing, integrity


def adapt(took, completed):
    """The kill window follows the machine's speed as it changes (other
    tests run alongside): longer after a kill, shorter after a completion,
    so kills keep landing on both sides of the commit."""
    return took * (0.9 if completed else 1.15)


nchars = body_chars()

# How long one annotation takes here, so that kills land before, during
# and after its commit whatever the machine (or sanitizer) speed.
t0 = time.monotonic()
subprocess.run(annotate_cmd("timing"), check=True, stdout=subprocess.DEVNULL)
took = time.monotonic() - t0
print(f"# one annotation takes {took * 1000:.1f} ms")

confirmed, killed, completed, failures, bad = [], 0, 0, [], None
for i in range(runs):
    p = subprocess.Popen(annotate_cmd(f"run {i}"), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    time.sleep(rng.uniform(0, took * 1.3))
    try:
        os.kill(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    out, err = p.communicate()
    if p.returncode == -signal.SIGKILL:
        killed += 1
    elif p.returncode == 0:
        completed += 1
    else:
        failures.append(f"run {i}: status {p.returncode}: {err.decode().strip()}")
    took = adapt(took, p.returncode == 0)
    uuid = confirmed_uuid(out)
    if uuid is not None:
        confirmed.append(uuid)
    intact, missing, integrity = check(confirmed)
    if not intact or missing:
        bad = f"after run {i}: integrity {integrity}, missing {missing}"
        break

result(bad is None, f"{runs} runs killed at random: every confirmed annotation stored, "
       f"integrity ok ({len(confirmed)} confirmed)")
if bad:
    print(f"# {bad}")
result(not failures, "no run failed other than by the kill")
for f in failures[:5]:
    print(f"# {f}")
result(killed > 0 and completed > 0,
       f"kills landed both before and after completion ({killed} killed, {completed} completed)")

# Two writers at once: busy_timeout makes each wait for the other.
per_writer = 30
lock = threading.Lock()
both, errors = [], []


def writer(name):
    for i in range(per_writer):
        with lock:
            cmd = annotate_cmd(f"{name} {i}")
        p = subprocess.run(cmd, capture_output=True)
        uuid = confirmed_uuid(p.stdout)
        with lock:
            if p.returncode == 0 and uuid:
                both.append(uuid)
            else:
                errors.append(p.stderr.decode().strip())


threads = [threading.Thread(target=writer, args=(n,)) for n in ("left", "right")]
for t in threads:
    t.start()
for t in threads:
    t.join()
intact, missing, integrity = check(both)
result(not errors and len(both) == 2 * per_writer,
       f"two concurrent writers: all {2 * per_writer} annotations confirmed")
for e in errors[:5]:
    print(f"# {e}")
result(intact and not missing, "two concurrent writers: nothing lost, integrity ok")

# An import is one transaction: killed at any moment, it leaves every
# annotation of the file or none, and a sound database.
export = db + ".json"
subprocess.run([dossier, "--db", db, "-q", "export", "-o", export], check=True)
with sqlite3.connect(db) as con:
    (total,) = con.execute("SELECT count(*) FROM annotations WHERE state IN ('active', 'orphaned')").fetchone()
copy = empty_db + ".copy"
shutil.copy(empty_db, empty_db + ".timing")
t0 = time.monotonic()
subprocess.run([dossier, "--db", empty_db + ".timing", "import-annotations", export],
               stderr=subprocess.DEVNULL, check=True)
took = time.monotonic() - t0
partial, outcomes = [], {"none": 0, "all": 0}
for i in range(30):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(copy + suffix):
            os.remove(copy + suffix)
    shutil.copy(empty_db, copy)
    p = subprocess.Popen([dossier, "--db", copy, "import-annotations", export],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0, took * 1.3))
    try:
        os.kill(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    p.wait()
    took = adapt(took, p.returncode == 0)
    con = sqlite3.connect(copy)
    (n,) = con.execute("SELECT count(*) FROM annotations").fetchone()
    integrity = [r[0] for r in con.execute("PRAGMA integrity_check")]
    con.close()
    if n == 0:
        outcomes["none"] += 1
    elif n == total:
        outcomes["all"] += 1
    else:
        partial.append(f"run {i}: {n} of {total}")
    if integrity != ["ok"]:
        partial.append(f"run {i}: integrity {integrity}")
result(not partial and outcomes["all"] > 0 and outcomes["none"] > 0, f"imports killed at random: all {total} annotations or none, integrity ok "
       f"({outcomes['all']} whole, {outcomes['none']} none)")
for p in partial[:5]:
    print(f"# {p}")
