#!/bin/bash
. "$top_srcdir/tests/tui/lib.sh"
tap_done
