#!/usr/bin/env bash
# bench/Turns: one command that builds Release and measures, in one run on this machine:
# ceiling (wrk + the load client), SupportBot Direct Line turns (polling and WebSocket), the botbuilder peer,
# memory per idle conversation, and 10,000 WebSocket streams. Writes bench/results/<date>.md and the table
# in bench/README.md. Everything on 127.0.0.1; every phase bounded in time.
# Knobs (env): BENCH_CONC=64 BENCH_DURATION=20 BENCH_WARMUP=30 BENCH_THINK=1000 BENCH_IDLE=10000 BENCH_SOCKETS=10000 BENCH_SOCKET_DURATION=90
#              BENCH_SOCKET_INTERVAL=30 BENCH_SKIP="peer sockets ..." (phases to skip) BENCH_DATE=YYYY-MM-DD
# Phases (names for BENCH_SKIP): ceiling dl-poll dl-ws peer idle sockets pg (PostgreSQL: one and two instances).
# BENCH_STRACE=1 adds a separate profiling run (strace -f -c of the server, 8 polling conversations, 7 s).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$ROOT/bench/Turns
OUT=$T/.out
RES=$OUT/results
DATE=${BENCH_DATE:-$(date -u +%F)}
CONC=${BENCH_CONC:-64}
DUR=${BENCH_DURATION:-20}
# 30 s: measured, a fresh server still spends 9-16 % of its CPU in the JIT (tier-1 recompiles) 15-25 s into the
# load and ~0 % after 35 s; the rows are meant to show the steady state of a long-running server.
WARM=${BENCH_WARMUP:-30}
# The paced rows: each conversation waits this long (ms) after a reply before its next message, like a user.
THINK=${BENCH_THINK:-1000}
IDLE_N=${BENCH_IDLE:-10000}
SOCK_N=${BENCH_SOCKETS:-10000}
SOCK_DUR=${BENCH_SOCKET_DURATION:-90}
SOCK_INT=${BENCH_SOCKET_INTERVAL:-30}
SKIP=" ${BENCH_SKIP:-} "
SCRIPT=$ROOT/dialogs/passage-license.tests.yaml
FLOW=$ROOT/dialogs/passage-license.yaml
# The greeting's menu choice that starts the passage-license flow, then the user turns of the first
# scripted conversation with outcome "resolved" in passage-license.tests.yaml (read by the load client).
PREFIX='Passage に『ライセンスが確認できません』と表示される'
CLIENT=$OUT/client/LoadClient

log() { printf '[%s] %s\n' "$(date -u +%T)" "$*" >&2; }
skip() { [[ "$SKIP" == *" $1 "* ]]; }
cleanup() { [[ -f "$RES/pids" ]] && while read -r p; do kill "$p" 2>/dev/null || true; done <"$RES/pids"; return 0; }
trap cleanup EXIT

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
log "ulimit -n $(ulimit -n)"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }

free_port() { # first port from $1 that no TCP socket uses (listening, connected or TIME_WAIT)
  local p
  for p in $(seq "$1" $(( $1 + 500 ))); do
    ss -Htan "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
  return 1
}

wait_port() { # port pid: wait (bounded 60 s) until something listens
  local i
  for i in $(seq 1 300); do
    ss -Htln "sport = :$1" | grep -q . && return 0
    kill -0 "$2" 2>/dev/null || { log "process $2 died"; return 1; }
    sleep 0.2
  done
  return 1
}

start() { # name port cmd...: start a server under test, echo its pid
  local name=$1 port=$2; shift 2
  "$@" >"$RES/$name.log" 2>&1 &
  local pid=$!
  echo "$pid" >>"$RES/pids"
  wait_port "$port" "$pid" || { log "$name did not start"; cat "$RES/$name.log" >&2; return 1; }
  echo "$pid"
}

stop() { # pid
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

start_supportbot() { # name port [env...]
  local name=$1 port=$2; shift 2
  local data=$OUT/data/$name
  rm -rf "$data"; mkdir -p "$data"
  (cd "$OUT/server" && start "$name" "$port" env "$@" SupportBot__DataDir="$data" \
    SupportBot__TokenRateLimit__PermitLimit=100000 SupportBot__TokenRateLimit__Window=00:01:00 \
    Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet SupportBot.Server.dll)
}

proc_cpu() { awk '{print ($14+$15)/100}' "/proc/$1/stat"; }
proc_kb() { awk -v k="$2:" '$1==k {print $2}' "/proc/$1/status"; }

mkdir -p "$RES" "$ROOT/bench/results"
rm -f "$RES"/*.json "$RES"/*.txt "$RES"/pids

# The product is built from the committed tree (HEAD, or BENCH_REF), exported under .out/src, so that other
# people's uncommitted edits in the working tree cannot break or skew the run. BENCH_REF=worktree builds the working tree.
REF=${BENCH_REF:-HEAD}
SHA=$(git -C "$ROOT" rev-parse --short "${REF/worktree/HEAD}")
if [[ $REF == worktree ]]; then
  SRC=$ROOT
else
  SRC=$OUT/src
  rm -rf "$SRC"; mkdir -p "$SRC"
  git -C "$ROOT" archive "$SHA" src dialogs Directory.Build.props Directory.Packages.props global.json | tar -x -C "$SRC"
  # Reuse the installed Web Chat bundle (the server's build copies it into wwwroot; never re-download 150 MB).
  [[ -d $ROOT/src/SupportBot.Server/ClientApp/node_modules ]] && ln -s "$ROOT/src/SupportBot.Server/ClientApp/node_modules" "$SRC/src/SupportBot.Server/ClientApp/node_modules"
fi
log "build (Release) of $REF ($SHA)"
dotnet build -c Release "$SRC/src/SupportBot.Server/SupportBot.Server.csproj" -o "$OUT/server" -nologo -v q >"$RES/build-server.txt" 2>&1 || { cat "$RES/build-server.txt" >&2; exit 1; }
dotnet build -c Release "$T/Ceiling/Ceiling.csproj" -o "$OUT/ceiling" -nologo -v q >"$RES/build-ceiling.txt" 2>&1 || { cat "$RES/build-ceiling.txt" >&2; exit 1; }
dotnet build -c Release "$T/LoadClient/LoadClient.csproj" -o "$OUT/client" -nologo -v q >"$RES/build-client.txt" 2>&1 || { cat "$RES/build-client.txt" >&2; exit 1; }
if ! skip peer && [[ ! -d "$T/peer/node_modules/botbuilder-dialogs" ]]; then
  log "npm ci (peer)"
  (cd "$T/peer" && npm_config_yes=true npm ci --no-audit --no-fund >"$RES/npm.txt" 2>&1)
fi

{
  echo "{\"date\":\"$DATE\",\"started\":\"$(date -u +%FT%TZ)\",\"commit\":\"$SHA$([[ $REF == worktree ]] && echo ' + working tree')\","
  echo "\"head\":$(git -C "$ROOT" log -1 --format=%s "$SHA" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(s.trim())))'),"
  echo "\"cpus\":$(nproc),\"cpu_model\":\"$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)\",\"loadavg_start\":\"$(cut -d' ' -f1-3 /proc/loadavg)\","
  echo "\"dotnet\":\"$(dotnet --version)\",\"node\":\"$(node --version)\",\"conc\":$CONC,\"duration\":$DUR,\"warmup\":$WARM,\"think_ms\":$THINK,\"ulimit\":$(ulimit -n)}"
} >"$RES/meta.json"

TURNS=(--prefix "$PREFIX" --script "$SCRIPT" --conc "$CONC" --duration "$DUR" --warmup "$WARM")
# Paced: the same conversations at a user's pace, on the same (already warm) process right after the saturated run.
PACED=(--prefix "$PREFIX" --script "$SCRIPT" --conc "$CONC" --duration "$DUR" --warmup 5 --think "$THINK")

# 1. Ceiling: wrk (raw rate), then the load client in "single request per turn" mode.
if ! skip ceiling; then
  P=$(free_port 21000)
  log "ceiling (wrk) on $P"
  PID=$(start ceiling-wrk "$P" "$OUT/ceiling/Ceiling" --urls "http://127.0.0.1:$P")
  wrk -t2 -c"$CONC" -d2s -s "$T/post.lua" "http://127.0.0.1:$P/api/messages" >/dev/null 2>&1 || true
  C0=$(proc_cpu "$PID")
  wrk -t2 -c"$CONC" -d"${DUR}s" --latency -s "$T/post.lua" "http://127.0.0.1:$P/api/messages" >"$RES/ceiling-wrk.txt" 2>&1
  C1=$(proc_cpu "$PID")
  echo "{\"server_cpu_s\":$(echo "$C1 - $C0" | bc -l 2>/dev/null || awk "BEGIN{print $C1-$C0}"),\"server_rss_peak_kb\":$(proc_kb "$PID" VmHWM)}" >"$RES/ceiling-wrk-proc.json"
  stop "$PID"
  P=$(free_port 21000)
  log "ceiling (load client, single request per turn) on $P"
  PID=$(start ceiling-client "$P" "$OUT/ceiling/Ceiling" --urls "http://127.0.0.1:$P")
  "$CLIENT" --mode single --url "http://127.0.0.1:$P" --pid "$PID" "${TURNS[@]}" --label ceiling --out "$RES/ceiling-client.json" >/dev/null
  stop "$PID"
fi

# 2. SupportBot: full Direct Line turns, reply read by GET ?watermark= polling, then over the WebSocket stream.
for MODE in dl-poll dl-ws; do
  skip "$MODE" && continue
  P=$(free_port 21100)
  log "SupportBot $MODE on $P"
  PID=$(start_supportbot "sb-$MODE" "$P")
  "$CLIENT" --mode "$MODE" --url "http://127.0.0.1:$P" --pid "$PID" "${TURNS[@]}" --label "supportbot-$MODE" --out "$RES/sb-$MODE.json" >/dev/null
  log "SupportBot $MODE, paced (${THINK} ms between a reply and the next message)"
  "$CLIENT" --mode "$MODE" --url "http://127.0.0.1:$P" --pid "$PID" "${PACED[@]}" --label "supportbot-$MODE-paced" --out "$RES/sb-$MODE-paced.json" >/dev/null
  stop "$PID"
done

# 2b. Profile (only with BENCH_STRACE=1; distorts its own run, so it is separate from the rows above): a fresh server,
#     8 conversations polling for 7 s under `strace -f -c`; syscalls per turn = calls / turns (sb-strace.json).
if [[ ${BENCH_STRACE:-0} == 1 ]] && command -v strace >/dev/null; then
  P=$(free_port 21150)
  log "SupportBot dl-poll under strace -f -c on $P"
  PID=$(start_supportbot sb-strace "$P")
  strace -f -c -o "$RES/strace.txt" -p "$PID" 2>/dev/null & STRACE=$!
  sleep 1
  "$CLIENT" --mode dl-poll --url "http://127.0.0.1:$P" --pid "$PID" --prefix "$PREFIX" --script "$SCRIPT" --conc 8 --duration 7 --warmup 1 \
    --label sb-strace --out "$RES/sb-strace.json" >/dev/null
  kill -INT "$STRACE" 2>/dev/null || true; wait "$STRACE" 2>/dev/null || true
  stop "$PID"
fi

# 3. Peer: botbuilder + botbuilder-dialogs 4.23.3 (Node), /api/messages, replies to the load client's serviceUrl listener.
if ! skip peer; then
  P=$(free_port 21200); L=$(free_port $(( P + 1 )))
  log "peer on $P (replies to $L)"
  PID=$(start peer "$P" node "$T/peer/peer.js" "$P" "$FLOW")
  "$CLIENT" --mode peer --url "http://127.0.0.1:$P" --listen "$L" --pid "$PID" "${TURNS[@]}" --label peer --out "$RES/peer.json" >/dev/null
  log "peer, paced"
  "$CLIENT" --mode peer --url "http://127.0.0.1:$P" --listen "$L" --pid "$PID" "${PACED[@]}" --label peer-paced --out "$RES/peer-paced.json" >/dev/null
  stop "$PID"
fi

# 4. Memory per idle conversation: token + start + one turn each, then idle. Shipped GC settings, then workstation GC.
if ! skip idle; then
  for VARIANT in default wks; do
    P=$(free_port 21300)
    log "idle conversations ($IDLE_N, GC $VARIANT) on $P"
    if [[ $VARIANT == wks ]]; then PID=$(start_supportbot "sb-idle-$VARIANT" "$P" DOTNET_gcServer=0 DOTNET_GCgen0size=0x400000)
    else PID=$(start_supportbot "sb-idle-$VARIANT" "$P"); fi
    "$CLIENT" --mode idle --url "http://127.0.0.1:$P" --pid "$PID" --prefix "$PREFIX" --count "$IDLE_N" --conc "$CONC" --setup-limit 240 \
      --label "idle-$VARIANT" --out "$RES/idle-$VARIANT.json" >/dev/null
    stop "$PID"
    echo "{\"data_dir_bytes\":$(du -sb "$OUT/data/sb-idle-$VARIANT" | cut -f1)}" >"$RES/idle-$VARIANT-disk.json"
  done
fi

# 5. WebSocket streams held open, one message every $SOCK_INT s each, for $SOCK_DUR s.
if ! skip sockets; then
  P=$(free_port 21400)
  log "sockets ($SOCK_N, one message per ${SOCK_INT}s each for ${SOCK_DUR}s) on $P"
  PID=$(start_supportbot sb-sockets "$P")
  "$CLIENT" --mode sockets --url "http://127.0.0.1:$P" --pid "$PID" --prefix "$PREFIX" --script "$SCRIPT" --count "$SOCK_N" --conc "$CONC" \
    --interval "$SOCK_INT" --duration "$SOCK_DUR" --setup-limit 300 --label sockets --out "$RES/sockets.json" >/dev/null
  stop "$PID"
fi

# 6. PostgreSQL: the same turns on a private cluster (initdb/pg_ctl on 127.0.0.1, spare port, removed at the end),
#    one SupportBot instance, then two instances on one database. With two, every Direct Line request of every
#    conversation goes to the next instance round-robin (token on A, start on B, POST on A, GET on B …), so the
#    turns cross instances all the time (cross-instance conversation lock, log and stream notifications).
#    synchronous_commit=off: a commit does not wait for its fsync, like SQLite's WAL with synchronous=NORMAL.
PG_DIR=""
pg_owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_stop() {
  [[ -n $PG_DIR ]] || return 0
  pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"; PG_DIR=""
}
pg_start() { # sets PGCS: the connection string of a fresh database (no subshell: PG_DIR must survive for pg_stop)
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -x $PG_BIN/initdb ]] || { log "PostgreSQL not installed (apt-get install postgresql): phase skipped"; return 1; }
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/supportbot-bench-pg.XXXXXX")
  local password port
  password=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
  printf '%s\n' "$password" >"$PG_DIR/pwfile"; chmod 600 "$PG_DIR/pwfile"
  [[ $(id -u) -ne 0 ]] || chown -R postgres: "$PG_DIR"
  chmod 700 "$PG_DIR"
  pg_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=scram-sha-256 --pwfile="$PG_DIR/pwfile" -E UTF8 --locale=C.UTF-8 \
    >"$RES/pg-initdb.txt" 2>&1 || { cat "$RES/pg-initdb.txt" >&2; return 1; }
  rm -f "$PG_DIR/pwfile"
  port=$(free_port 21500)
  pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c max_connections=200 -c synchronous_commit=off -c shared_buffers=128MB" >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  PGPASSWORD=$password "$PG_BIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE supportbot_bench;" >/dev/null
  PGCS="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=supportbot_bench"
}
if ! skip pg; then
  trap 'pg_stop; cleanup' EXIT
  if pg_start; then
    # The instances must share the Direct Line secret (a token issued by one is presented to the other).
    DLSECRET=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)
    for MODE in dl-poll dl-ws; do
      skip "pg-$MODE" && continue
      P=$(free_port 21600)
      log "SupportBot on PostgreSQL, one instance, $MODE on $P"
      PID=$(start_supportbot "pg1-$MODE" "$P" ConnectionStrings__SupportBot="$PGCS" DirectLine__Secret="$DLSECRET")
      "$CLIENT" --mode "$MODE" --url "http://127.0.0.1:$P" --pid "$PID" "${TURNS[@]}" --label "pg1-$MODE" --out "$RES/pg1-$MODE.json" >/dev/null
      stop "$PID"
      P=$(free_port 21700); PA=$P; PB=$(free_port $(( P + 1 )))
      log "SupportBot on PostgreSQL, two instances, $MODE on $PA and $PB"
      PIDA=$(start_supportbot "pg2a-$MODE" "$PA" ConnectionStrings__SupportBot="$PGCS" DirectLine__Secret="$DLSECRET")
      PIDB=$(start_supportbot "pg2b-$MODE" "$PB" ConnectionStrings__SupportBot="$PGCS" DirectLine__Secret="$DLSECRET")
      "$CLIENT" --mode "$MODE" --url "http://127.0.0.1:$PA,http://127.0.0.1:$PB" --pid "$PIDA" --more-pids "$PIDB" "${TURNS[@]}" \
        --label "pg2-$MODE" --out "$RES/pg2-$MODE.json" >/dev/null
      stop "$PIDA"; stop "$PIDB"
    done
  fi
  pg_stop
fi

sed -i "s/}\$/,\"loadavg_end\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"finished\":\"$(date -u +%FT%TZ)\"}/" "$RES/meta.json"
log "report"
node "$T/report.js" "$RES" "$ROOT/bench/results/$DATE.md" "$ROOT/bench/README.md"
log "done: bench/results/$DATE.md"
