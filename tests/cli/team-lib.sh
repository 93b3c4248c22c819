# tests/cli/team-lib.sh: a private PostgreSQL cluster for the team tests,
# sourced after tests/tui/lib.sh. It is made with initdb in $TEST_TMP and
# started with pg_ctl on a free loopback port, as an unprivileged user
# (as root: nobody, through setpriv, which PostgreSQL needs), with no
# Unix socket; the trap stops it however the test ends. Password
# authentication (scram) throughout; the passwords live in ~/.pgpass
# ($HOME is the test's own), as a team's would.
#
#   pg_start            initdb + start; exits 77 when the server binaries
#                       are not installed
#   pg_ctl_ stop|start  as the cluster's owner
#   pg_kill             SIGKILL to the postmaster and every backend
#   psql_as ROLE SQL    runs SQL as ROLE on the team database
#   pg_url ROLE         the team database's URL for ROLE (no password)
#   pg_coder NAME [lead] a login role for a coder of the team
#   as WHO[/DB] ARGS... dossier as coder WHO (a config naming them) on the
#                       database $TEST_TMP/DB.db (default: WHO's own)
#
# It also sets SEEDS, the seed articles every team test imports.

PG_BIN=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
	[ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { PG_BIN=$d; break; }
done
if [ -z "$PG_BIN" ] && command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
	PG_BIN=$(dirname "$(command -v initdb)")
fi
PG_DIR="$TEST_TMP/pg"
PG_PORT=""
PG_AS=()

pg_ctl_() {  # pg_ctl_ ARGS...: pg_ctl as the cluster's owner
	"${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w "$@" >/dev/null 2>&1
}

_pg_cleanup() {
	[ -n "$PG_PORT" ] && pg_ctl_ stop -m immediate
	_tui_cleanup
}

pg_start() {
	local port try
	if [ -z "$PG_BIN" ] || ! command -v psql >/dev/null; then
		echo "1..0 # SKIP PostgreSQL server binaries (initdb, pg_ctl, psql) not installed"
		exit 77
	fi
	mkdir -p "$PG_DIR"
	if [ "$(id -u)" -eq 0 ]; then
		# PostgreSQL will not run as root: the cluster is nobody's, in a
		# directory of its own that nobody can reach.
		PG_AS=(setpriv --reuid=65534 --regid=65534 --clear-groups)
		chmod 711 "$TEST_TMP"
		chown 65534:65534 "$PG_DIR"
	fi
	printf 'admin-secret\n' >"$PG_DIR/pw"
	[ "$(id -u)" -eq 0 ] && chown 65534:65534 "$PG_DIR/pw"
	"${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U admin --pwfile="$PG_DIR/pw" \
		--auth=scram-sha-256 -E UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 ||
		{ echo "Bail out! initdb failed: $(tail -3 "$PG_DIR/initdb.log")"; exit 1; }
	trap _pg_cleanup EXIT
	for try in 1 2 3 4 5 6 7 8; do
		port=$((20000 + (RANDOM * 7 + $$ + try * 811) % 40000))
		PG_PORT=$port
		if pg_ctl_ start -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories= -c fsync=off"; then
			break
		fi
		PG_PORT=""
	done
	[ -n "$PG_PORT" ] || { echo "Bail out! the cluster did not start: $(tail -3 "$PG_DIR/log")"; exit 1; }
	mkdir -p "$HOME"
	: >"$HOME/.pgpass"
	chmod 600 "$HOME/.pgpass"
	pg_pass admin admin-secret
	PGCONNECT_TIMEOUT=5 psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U admin -d postgres \
		-c "CREATE DATABASE team" >/dev/null ||
		{ echo "Bail out! could not make the team database"; exit 1; }
}

pg_pass() {  # pg_pass ROLE PASSWORD: ROLE's password in ~/.pgpass
	printf '127.0.0.1:%s:*:%s:%s\n' "$PG_PORT" "$1" "$2" >>"$HOME/.pgpass"
}

pg_kill() {
	local pid
	pid=$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null) || return 1
	pkill -KILL -P "$pid" 2>/dev/null
	kill -KILL "$pid" 2>/dev/null
	while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
}

psql_as() {  # psql_as ROLE SQL
	psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$1" -d team -c "$2"
}

pg_url() {
	printf 'postgresql://%s@127.0.0.1:%s/team' "$1" "$PG_PORT"
}

pg_coder() {  # pg_coder NAME [lead]: a login role for a coder of the team
	local grant=dossier_coder
	[ "${2:-}" = lead ] && grant=dossier_lead
	psql_as admin "CREATE ROLE \"$1\" LOGIN PASSWORD '$1-pw' IN ROLE $grant" >/dev/null &&
		pg_pass "$1" "$1-pw"
}

as() {  # as WHO[/DB] ARGS...
	local who=${1%%/*} db=${1#*/}; shift
	mkdir -p "$TEST_TMP/cfg-$who/dossier"
	echo "set coder $who" >"$TEST_TMP/cfg-$who/dossier/config"
	XDG_CONFIG_HOME="$TEST_TMP/cfg-$who" "$DOSSIER" --db "$TEST_TMP/$db.db" "$@"
}

SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
