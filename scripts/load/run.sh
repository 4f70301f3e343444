#!/usr/bin/env bash
# Load test of the PerfEval service on this machine.
#
#   scripts/load/run.sh [sqlite|postgres] [all|split] [-- extra PerfEval.LoadTest arguments]
#
# Builds Release, starts the service on a fresh store (SQLite: a temporary data folder; PostgreSQL: a new database on
# the server below, dropped at the end), runs tools/PerfEval.LoadTest against it, prints the results (also as one JSON
# line) and stops the service.
#   all    one process in role `all` (API and Hangfire worker together; the default)
#   split  one process in role `api` and one in role `worker` on the same database (PostgreSQL only: SQLite is a
#          single-machine store)
#
# Environment (defaults in brackets):
#   COUNT [300] RATE [0 = as fast as possible] CONCURRENCY [16] UNITS [20] POLL_MS [250] TIMEOUT_S [600]
#   WARMUP [30]                            reports uploaded (and waited for) before the measured run
#   WORKERS [0 = one per processor]        PerfEval:Jobs:WorkerCount of the process that runs jobs
#   JOB_POLL [00:00:01]                    PerfEval:Jobs:PollInterval (how often an idle worker looks for jobs)
#   PORT [a free one]                      the API's port (split: the worker listens on PORT+1)
#   PGHOST [127.0.0.1] PGPORT [5432] PGUSER [postgres] PGPASSWORD [perfeval-ci]   the PostgreSQL server
#   PG_OPTIONS                             more connection-string settings, e.g. "SSL Mode=Disable"
#   WEB_DIR [src/PerfEval.Web/bin/Release/net10.0]   the service build to run (e.g. a `dotnet publish` folder)
#   SKIP_BUILD=1                           use the existing Release build
#   KEEP=1                                 keep the temporary folder (service logs) and the database
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

store=${1:-sqlite}
mode=${2:-all}
shift $(( $# > 2 ? 2 : $# ))
[[ "${1:-}" == "--" ]] && shift
case "$store" in sqlite|postgres) ;; *) echo "usage: $0 [sqlite|postgres] [all|split] [-- load test arguments]" >&2; exit 2 ;; esac
case "$mode" in all|split) ;; *) echo "usage: $0 [sqlite|postgres] [all|split] [-- load test arguments]" >&2; exit 2 ;; esac
if [[ "$store" == sqlite && "$mode" == split ]]; then
  echo "split needs a shared database: use postgres" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=postgres}" "${PGPASSWORD:=perfeval-ci}"
export PGHOST PGPORT PGUSER PGPASSWORD

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  dotnet build src/PerfEval.Web -c Release -v quiet -nologo
  dotnet build tools/PerfEval.LoadTest -c Release -v quiet -nologo
fi
web_dir="${WEB_DIR:-$root/src/PerfEval.Web/bin/Release/net10.0}"
tool="$root/tools/PerfEval.LoadTest/bin/Release/net10.0/PerfEval.LoadTest.dll"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
port=${PORT:-$(free_port)}
work=$(mktemp -d "${TMPDIR:-/tmp}/perfeval-load.XXXXXX")
database=""
pids=()

cleanup() {
  local code=$?
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  if [[ "${KEEP:-}" == 1 ]]; then
    echo "kept: $work${database:+ and database $database}" >&2
  else
    if [[ -n "$database" ]]; then
      psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || echo "could not drop database $database" >&2
    fi
    rm -rf "$work"
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The admin account the service creates at start (once accounts exist) and the load test signs in with.
admin_password="Lt-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-9aZ"
export PerfEval__Admin__UserName=loadtest
export PerfEval__Admin__Password="$admin_password"
export PerfEval__DataFolder="$work/data"
export PerfEval__Jobs__WorkerCount="${WORKERS:-0}"
export PerfEval__Jobs__PollInterval="${JOB_POLL:-00:00:01}"
export Logging__LogLevel__Default=Warning
export Logging__LogLevel__Hangfire=Warning

if [[ "$store" == postgres ]]; then
  if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
    echo "PostgreSQL is not answering on $PGHOST:$PGPORT (start it as .ci/run does: pg_ctlcluster <version> main start)" >&2
    exit 2
  fi
  database="perfeval_load_$(date +%Y%m%d%H%M%S)_$$"
  export PerfEval__Database__Provider=Postgres
  export PerfEval__Database__ConnectionString="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$database${PG_OPTIONS:+;$PG_OPTIONS}"
else
  export PerfEval__Database__Provider=Sqlite
fi

start() { # role port log
  (cd "$web_dir" && PerfEval__Role="$1" ASPNETCORE_URLS="http://127.0.0.1:$2" exec dotnet PerfEval.Web.dll >"$3" 2>&1) &
  pids+=($!)
}
wait_ready() { # port log
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "the service on port $1 did not become ready; its log:" >&2
  tail -n 50 "$2" >&2
  exit 1
}

if [[ "$mode" == all ]]; then
  start all "$port" "$work/service.log"
  wait_ready "$port" "$work/service.log"
else
  start api "$port" "$work/api.log"
  wait_ready "$port" "$work/api.log"   # the API migrates the database first
  start worker "$((port + 1))" "$work/worker.log"
  wait_ready "$((port + 1))" "$work/worker.log"
fi

# CPU seconds (user + system) a set of processes has used so far, from /proc (the machine may be shared, so wall
# times alone do not say what a report costs).
cpu_seconds() {
  local ticks total=0 pid
  ticks=$(getconf CLK_TCK)
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] || continue
    total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat") ))
  done
  awk -v t="$total" -v k="$ticks" 'BEGIN { printf "%.2f", t / k }'
}
pg_backends() { [[ -n "$database" ]] && psql -At -d postgres -c "SELECT pid FROM pg_stat_activity WHERE datname = '$database'" 2>/dev/null || true; }

# A short unmeasured run first: the service compiles its hot paths (JIT, EF Core queries) and fills its pools.
if (( ${WARMUP:-30} > 0 )); then
  dotnet "$tool" --url "http://127.0.0.1:$port/" --samples "$root/sample-docs" --count "${WARMUP:-30}" \
    --concurrency "${CONCURRENCY:-16}" --units "${UNITS:-20}" --user loadtest --password "$admin_password" >/dev/null 2>&1 \
    || echo "warm-up run did not complete" >&2
fi

echo "service: $store, $mode (pids ${pids[*]}), http://127.0.0.1:$port; $(nproc) processors; $(uptime | sed 's/.*load/load/')"
service_cpu_before=$(cpu_seconds "${pids[@]}")
declare -A pg_cpu_at_start=()
for pid in $(pg_backends); do pg_cpu_at_start[$pid]=$(cpu_seconds "$pid"); done
status=0
dotnet "$tool" --url "http://127.0.0.1:$port/" --samples "$root/sample-docs" \
  --count "${COUNT:-300}" --rate "${RATE:-0}" --concurrency "${CONCURRENCY:-16}" --units "${UNITS:-20}" \
  --poll-ms "${POLL_MS:-250}" --timeout-s "${TIMEOUT_S:-600}" \
  --user loadtest --password "$admin_password" --label "$store $mode" "$@" || status=$?
service_cpu=$(awk -v a="$(cpu_seconds "${pids[@]}")" -v b="$service_cpu_before" 'BEGIN { printf "%.2f", a - b }')
# The database's backends at the end, less what those that existed at the start had used by then; backends opened
# and closed during the run are not counted, so this is a lower bound.
pg_cpu=0
for pid in $(pg_backends); do
  pg_cpu=$(awk -v t="$pg_cpu" -v a="$(cpu_seconds "$pid")" -v b="${pg_cpu_at_start[$pid]:-0}" 'BEGIN { printf "%.2f", t + a - b }')
done
echo "cpu: service ${service_cpu} s${database:+, PostgreSQL backends of the run ≥ ${pg_cpu} s} ($(uptime | sed 's/.*load/load/'))"
for pid in "${pids[@]}"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "service process $pid died during the run" >&2; status=1; fi
done
exit "$status"
