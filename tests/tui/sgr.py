#!/usr/bin/env python3
"""tests/tui/sgr.py: what a screen captured with `tmux capture-pane -p -e`
looks like, cell by cell: the SGR escapes are replayed into each cell's
foreground, background and attributes.

    sgr.py style TEXT [N]  the style of TEXT's first character where it
                        shows first (or the Nth time): "fg=F bg=B ATTR..."
                        (F, B: default or 0-255)
    sgr.py dark-text    every run of text drawn in a near-black foreground
                        (0, 16, 232-240) on the terminal's own background,
                        one "row: text" a line: unreadable on a dark terminal

Reads the capture on stdin."""
import re
import sys

ATTRS = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 5: "blink", 7: "reverse", 9: "strike"}
OFF = {22: ("bold", "dim"), 23: ("italic",), 24: ("underline",), 25: ("blink",), 27: ("reverse",),
       29: ("strike",)}
DARK = {0, 16} | set(range(232, 241))


def apply(state, params):
    fg, bg, attrs = state
    codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            fg, bg, attrs = None, None, set()
        elif c in ATTRS:
            attrs = attrs | {ATTRS[c]}
        elif c in OFF:
            attrs = attrs - set(OFF[c])
        elif 30 <= c <= 37:
            fg = c - 30
        elif 90 <= c <= 97:
            fg = c - 90 + 8
        elif 40 <= c <= 47:
            bg = c - 40
        elif 100 <= c <= 107:
            bg = c - 100 + 8
        elif c == 39:
            fg = None
        elif c == 49:
            bg = None
        elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
            if c == 38:
                fg = codes[i + 2]
            else:
                bg = codes[i + 2]
            i += 2
        i += 1
    return fg, bg, attrs


def cells(text):
    """Rows of (character, (fg, bg, attrs)); the state carries across rows
    as capture-pane writes it."""
    state = (None, None, set())
    rows = []
    for line in text.split("\n"):
        row = []
        for m in re.finditer(r"\x1b\[([0-9;]*)m|\x1b[^\[]|\x1b\[[0-9;?]*[A-Za-z]|(.)", line):
            if m.group(2) is not None:
                row.append((m.group(2), state))
            elif m.group(0).endswith("m") and m.group(0).startswith("\x1b["):
                state = apply(state, m.group(1))
        rows.append(row)
    return rows


def describe(style):
    fg, bg, attrs = style
    name = lambda c: "default" if c is None else str(c)
    return " ".join(["fg=" + name(fg), "bg=" + name(bg)] + sorted(attrs))


def main():
    rows = cells(sys.stdin.read())
    if len(sys.argv) in (3, 4) and sys.argv[1] == "style":
        nth = int(sys.argv[3]) if len(sys.argv) == 4 else 1
        for row in rows:
            line = "".join(ch for ch, _ in row)
            at = line.find(sys.argv[2])
            while at >= 0:
                nth -= 1
                if nth == 0:
                    print(describe(row[at][1]))
                    return 0
                at = line.find(sys.argv[2], at + 1)
        print("not on the screen")
        return 1
    if len(sys.argv) == 2 and sys.argv[1] == "dark-text":
        for r, row in enumerate(rows):
            run = "".join(ch for ch, (fg, bg, _) in row if bg is None and fg in DARK)
            if run.strip():
                print("%d: %s" % (r + 1, run))
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
