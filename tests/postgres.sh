# Sourced by tests/run (bash, set -euo pipefail): a private PostgreSQL cluster for the storage tests.
#   - installs Debian's `postgresql` when no initdb is found (idempotent),
#   - initdb's a throw-away cluster in a temp dir owned by the cluster user (postgres when run as root),
#     scram-sha-256 with a random password, listening on 127.0.0.1 only, on a spare port,
#   - exports SUPPORTBOT_TEST_POSTGRES (a connection string to the maintenance database),
#   - stops the cluster and removes its directory when the sourcing shell exits.
# Standalone use (e.g. to run one test project):
#   ( source tests/postgres.sh && dotnet test tests/SupportBot.Storage.Tests )

supportbot_pg_bin() {
  # The newest installed major version (Debian puts each under /usr/lib/postgresql/<major>/bin).
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

supportbot_pg_as_owner() {
  # initdb/postgres refuse to run as root: run them as the postgres user then.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

supportbot_pg_stop() {
  [ -n "${SUPPORTBOT_PG_DIR:-}" ] || return 0
  if [ -f "$SUPPORTBOT_PG_DIR/data/postmaster.pid" ]; then
    supportbot_pg_as_owner "$SUPPORTBOT_PG_BIN/pg_ctl" -D "$SUPPORTBOT_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$SUPPORTBOT_PG_DIR"
  SUPPORTBOT_PG_DIR=""
}

supportbot_pg_port_is_free() {
  # Nothing accepts a connection there (bash's /dev/tcp; no extra tools needed).
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

supportbot_pg_start() {
  SUPPORTBOT_PG_BIN=$(supportbot_pg_bin || true)
  if [ -z "$SUPPORTBOT_PG_BIN" ]; then
    local sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    echo "Installing: postgresql"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    SUPPORTBOT_PG_BIN=$(supportbot_pg_bin)
  fi

  SUPPORTBOT_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/supportbot-pg.XXXXXX")
  trap supportbot_pg_stop EXIT
  local password
  password=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
  printf '%s\n' "$password" > "$SUPPORTBOT_PG_DIR/pwfile"
  chmod 600 "$SUPPORTBOT_PG_DIR/pwfile"
  [ "$(id -u)" -ne 0 ] || chown -R postgres: "$SUPPORTBOT_PG_DIR"
  chmod 700 "$SUPPORTBOT_PG_DIR"

  supportbot_pg_as_owner "$SUPPORTBOT_PG_BIN/initdb" -D "$SUPPORTBOT_PG_DIR/data" -U postgres \
    --auth=scram-sha-256 --pwfile="$SUPPORTBOT_PG_DIR/pwfile" -E UTF8 --locale=C.UTF-8 >"$SUPPORTBOT_PG_DIR/initdb.log" 2>&1 \
    || { cat "$SUPPORTBOT_PG_DIR/initdb.log" >&2; return 1; }
  rm -f "$SUPPORTBOT_PG_DIR/pwfile"

  # A throw-away cluster: durability settings off for speed; enough connections for parallel test pools.
  local port attempt options
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 30000))
    supportbot_pg_port_is_free "$port" || continue
    options="-c listen_addresses=127.0.0.1 -p $port -k $SUPPORTBOT_PG_DIR -c max_connections=300"
    options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if supportbot_pg_as_owner "$SUPPORTBOT_PG_BIN/pg_ctl" -D "$SUPPORTBOT_PG_DIR/data" -l "$SUPPORTBOT_PG_DIR/server.log" \
        -o "$options" -w -t 60 start >/dev/null; then
      break
    fi
    port=""  # lost the race for that port (or another failure): try again, then give up
  done
  if [ -z "$port" ] || ! "$SUPPORTBOT_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30; then
    echo "PostgreSQL did not start; server log:" >&2
    cat "$SUPPORTBOT_PG_DIR/server.log" >&2 || true
    return 1
  fi

  export SUPPORTBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
  echo "PostgreSQL $("$SUPPORTBOT_PG_BIN/postgres" --version | grep -o '[0-9][0-9.]*' | head -n 1) on 127.0.0.1:$port (private cluster, removed on exit)"
}

supportbot_pg_start
