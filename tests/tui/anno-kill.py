#!/usr/bin/env python3
# tests/tui/anno-kill.py: the durability test, through the real reader.
# Each run starts dossier in tmux, makes highlights with a note each from
# the keyboard (V, a, a unique word, Esc), and SIGKILLs it at a random
# moment: on a timer, while a note is typed, just after Esc (while it is
# being saved), or just after the screen said "note saved on highlight N".
# Two such loops run at once on the same database, so a reader is also
# killed while the other one writes. After every kill, every note a screen
# had confirmed must be in the database, and PRAGMA integrity_check must
# say ok. Last, two readers annotate at once without being killed, and
# neither loses anything.
#
#   anno-kill.py TMUX DOSSIER DB WORKDIR RUNS
# Prints one result a line, "STATUS DESCRIPTION" (0 = passed), and
# diagnostics as "# ..." lines. KILL_SEED=N repeats the runs' choices.
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time

tmux_bin, dossier, db, work, runs = sys.argv[1:6]
runs = int(runs)
sock = os.path.join(work, "kill.sock")
seed = int(os.environ.get("KILL_SEED") or random.randrange(1 << 30))
print(f"# KILL_SEED={seed}", flush=True)
SAVED = re.compile(r"note saved on highlight (\d+)")
ENV = (f"DOSSIER_DATADIR={os.environ['DOSSIER_DATADIR']} "
       f"DOSSIER_THEMEDIR={os.environ['DOSSIER_THEMEDIR']} TERM=xterm-256color")

lock = threading.Lock()
confirmed = []          # every note some screen confirmed, in order


def tmux(*args, check=False):
    return subprocess.run([tmux_bin, "-S", sock, "-f", "/dev/null", *args],
                          capture_output=True, text=True, check=check)


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # Killed but not yet reaped by tmux: a zombie, as good as gone.
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def kill(pid):
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def check():
    """The database is sound and holds every note confirmed so far."""
    with lock:
        want = list(confirmed)
    con = sqlite3.connect(db, timeout=10)
    try:
        integrity = [r[0] for r in con.execute("PRAGMA integrity_check")]
        stored = {r[0] for r in con.execute(
            "SELECT note FROM annotations WHERE state = 'active' AND note IS NOT NULL")}
    finally:
        con.close()
    # A note typed on a sentence that is already highlighted goes on that
    # highlight, after the note it has (the editor opens with it): a
    # confirmed note is stored when it is one of the words of a note.
    # Each word typed ends in its number, so a digit may not follow it.
    return integrity, [w for w in want
                       if not any(re.search(re.escape(w) + r"(?!\d)", n) for n in stored)]


class Reader:
    """One dossier in its own tmux session."""

    def __init__(self, name):
        self.name = name
        tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30",
             f"exec env {ENV} '{dossier}' --db '{db}'", check=True)
        self.pid = int(tmux("display-message", "-p", "-t", name, "#{pane_pid}").stdout)
        self.last = None

    def screen(self):
        return tmux("capture-pane", "-t", self.name, "-p").stdout

    def keys(self, *keys):
        tmux("send-keys", "-t", self.name, *keys)

    def open_article(self):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and alive(self.pid):
            s = self.screen()
            if " READ " in s:
                return True
            if " LIST " in s:
                self.keys("Enter")
            time.sleep(0.01)
        return False

    def note(self, word, moves, escape=True):
        """Types a new highlight's note; one tmux call for all the keys,
        since each call costs a client start."""
        args = ["send-keys", "-t", self.name, *(["j"] * moves), "V", "a", ";",
                "send-keys", "-t", self.name, "-l", word]
        if escape:
            args += [";", "send-keys", "-t", self.name, "Escape"]
        tmux(*args)

    def saved(self, seconds=5.0):
        """True once the screen says a newer note is saved (the reader says
        so only after the commit)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            living = alive(self.pid)
            m = SAVED.search(self.screen())
            if m and int(m.group(1)) != self.last:
                self.last = int(m.group(1))
                return True
            if not living:
                return False
            time.sleep(0.002)
        return False

    def stop(self):
        kill(self.pid)
        deadline = time.monotonic() + 5
        while alive(self.pid) and time.monotonic() < deadline:
            time.sleep(0.005)
        tmux("kill-session", "-t", self.name)


def one_run(rng, name, run):
    """Annotates until killed; returns how the kill was chosen."""
    r = Reader(name)
    how = rng.choice(["timer", "typing", "saving", "confirmed"])
    target = rng.randrange(1, 4)      # at which highlight the kill comes
    timer = None
    if how == "timer":
        timer = threading.Timer(rng.uniform(0, 0.5), kill, (r.pid,))
        timer.start()
    try:
        if not r.open_article():
            return how
        for k in range(1, 4):
            word = f"{name}run{run}note{k}"
            if how == "typing" and k == target:
                r.note(word, rng.randrange(0, 3), escape=False)
                time.sleep(rng.uniform(0, 0.03))
                kill(r.pid)
                return how
            r.note(word, rng.randrange(0, 3))
            if how == "saving" and k == target:
                time.sleep(rng.uniform(0, 0.03))
                kill(r.pid)
            if r.saved():
                with lock:
                    confirmed.append(word)
            if (how == "confirmed" and k == target) or not alive(r.pid):
                return how
        return how
    finally:
        if timer is not None:
            timer.cancel()
        r.stop()


def loop(index, n, out):
    rng = random.Random(seed + index)
    name = f"k{index}"
    for run in range(n):
        how = one_run(rng, name, run)
        out["hows"][how] = out["hows"].get(how, 0) + 1
        integrity, missing = check()
        if integrity != ["ok"] or missing:
            out["bad"] = f"{name} after run {run} (killed: {how}): integrity {integrity}, " \
                         f"missing {missing}"
            return


def two_readers(n):
    """Two readers, notes typed into both at once: each confirms its own,
    and the database holds all of them."""
    readers = [Reader("a"), Reader("b")]
    got = 0
    for r in readers:
        r.open_article()
    for i in range(n):
        for r in readers:
            r.note(f"both{r.name}{i}", 1)
        for r in readers:
            if r.saved(10):
                got += 1
                with lock:
                    confirmed.append(f"both{r.name}{i}")
    for r in readers:
        r.keys("Q")
    for r in readers:
        deadline = time.monotonic() + 5
        while alive(r.pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        r.stop()
    return got


t0 = time.monotonic()
# A session that stays keeps the tmux server up between runs.
tmux("new-session", "-d", "-s", "keep", "-x", "20", "-y", "5", "sleep 3600", check=True)
results = [{"hows": {}, "bad": None} for _ in range(2)]
threads = [threading.Thread(target=loop, args=(i, runs // 2 + (i < runs % 2), results[i]))
           for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - t0
hows = {}
for res in results:
    for k, v in res["hows"].items():
        hows[k] = hows.get(k, 0) + v
bad = [res["bad"] for res in results if res["bad"]]
ndone = sum(hows.values())
print(f"# {ndone} runs in {elapsed:.1f} s (two at once); kills: {hows}", flush=True)
print(f"{0 if not bad and ndone == runs else 1} {ndone} readers killed at random moments: "
      f"every note a screen confirmed is stored, integrity ok ({len(confirmed)} confirmed)",
      flush=True)
for b in bad:
    print(f"# {b}")
print(f"{0 if len(confirmed) >= runs // 4 else 1} the runs confirmed notes before being "
      f"killed ({len(confirmed)})", flush=True)
if not bad:
    got = two_readers(5)
    integrity, missing = check()
    print(f"{0 if got == 10 and integrity == ['ok'] and not missing else 1} two readers "
          f"annotating one database at once: {got} of 10 notes confirmed, all stored",
          flush=True)
    if missing or integrity != ["ok"]:
        print(f"# integrity {integrity}, missing {missing}")
tmux("kill-server")
