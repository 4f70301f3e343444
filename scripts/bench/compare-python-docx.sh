#!/usr/bin/env bash
# PerfEval vs python-docx, side by side, on this machine:
#   (i)  COPIES (200) copies of the seed .docx: one `perfeval check <folder> --format json` invocation vs
#        python-docx opening each file and reading every body paragraph and table cell -> documents/second, ratio.
#        The CLI reads files in parallel; it is also run pinned to one core (taskset -c 0) for a like-for-like figure.
#   (ii) one ROWS x COLS (20,000 x 8) table .docx: `perfeval check <big.docx> --format json > /dev/null` vs the
#        python-docx walk -> wall time and peak RSS (GNU time's "Maximum resident set size").
# Targets: (i) ours >= 3x python-docx's documents/second; (ii) ours <= 0.25x python-docx's time, peak RSS <= 200 MiB.
#
# Usage, from anywhere (paths are resolved from the repository root):
#   scripts/bench/compare-python-docx.sh
# Environment: COPIES=200 ROWS=20000 COLS=8 REPEAT=3 (runs per measurement; median wall time, highest peak RSS),
#              BENCH_WORK=<folder> (default: a new temp folder), SKIP_BUILD=1 (reuse the Release build),
#              CLI_BUILD=r2r (default: the CLI as a user installs it, published ReadyToRun for this machine's runtime
#              into artifacts/perfeval-r2r-<rid>/) or CLI_BUILD=jit (the plain Release build, JIT-compiled at run time).
# Installs python3-docx and GNU time from Debian when missing (needs root or sudo). Exits 1 when a measured command
# fails, 0 otherwise (a missed target is reported, not an error).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
COPIES=${COPIES:-200}
ROWS=${ROWS:-20000}
COLS=${COLS:-8}
REPEAT=${REPEAT:-3}
PY=/usr/bin/python3 # Debian's python, where python3-docx installs; not a pyenv/venv python on PATH.
SEED="$ROOT/sample-docs/2023-miluo-disabled-federation.docx"
case "$(uname -m)" in
  x86_64) RID=linux-x64 ;;
  aarch64 | arm64) RID=linux-arm64 ;;
  *) RID=linux-$(uname -m) ;;
esac
CLI_BUILD=${CLI_BUILD:-r2r}
case "$CLI_BUILD" in
  r2r) CLI="$ROOT/artifacts/perfeval-r2r-$RID/perfeval.dll" ;;
  jit) CLI="$ROOT/src/PerfEval.Cli/bin/Release/net10.0/perfeval.dll" ;;
  *) printf 'CLI_BUILD must be r2r or jit, not %s\n' "$CLI_BUILD" >&2; exit 2 ;;
esac
BENCH="$ROOT/benchmarks/PerfEval.Benchmarks/bin/Release/net10.0/PerfEval.Benchmarks.dll"
WALK="$ROOT/scripts/bench/python_docx_walk.py"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '== %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    log "need root to run: $*"; return 1
  fi
}

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- prerequisites -------------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  log "installing GNU time"
  apt_install time
fi
if [ ! -x "$PY" ]; then
  log "installing python3"
  apt_install python3
fi
if ! "$PY" -c 'import docx' >/dev/null 2>&1; then
  log "installing python3-docx"
  apt_install python3-docx
fi
PYDOCX_VERSION=$("$PY" -c 'import docx; print(getattr(docx, "__version__", "?"))')

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "dotnet build -c Release (CLI and benchmark helper)"
  if [ "$CLI_BUILD" = r2r ]; then
    log "dotnet publish -c Release -r $RID (CLI, ReadyToRun)"
    dotnet publish "$ROOT/src/PerfEval.Cli/PerfEval.Cli.csproj" -c Release -r "$RID" --self-contained false \
      -o "$ROOT/artifacts/perfeval-r2r-$RID" --nologo -v quiet >/dev/null
  else
    dotnet build "$ROOT/src/PerfEval.Cli/PerfEval.Cli.csproj" -c Release --nologo -v quiet >/dev/null
  fi
  dotnet build "$ROOT/benchmarks/PerfEval.Benchmarks/PerfEval.Benchmarks.csproj" -c Release --nologo -v quiet >/dev/null
fi
for f in "$CLI" "$BENCH" "$SEED" "$WALK"; do
  [ -f "$f" ] || { log "missing $f"; exit 1; }
done

# --- inputs ----------------------------------------------------------------------------------------------------
WORK=${BENCH_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/perfeval-bench.XXXXXX")}
mkdir -p "$WORK/copies"
rm -f "$WORK"/copies/*.docx
for i in $(seq -w 1 "$COPIES"); do cp "$SEED" "$WORK/copies/report-$i.docx"; done
BIG="$WORK/big-table-${ROWS}x${COLS}.docx"
[ -f "$BIG" ] || dotnet "$BENCH" generate-big-table "$BIG" "$ROWS" "$COLS"
log "inputs in $WORK: $COPIES copies of $(basename "$SEED"), $(basename "$BIG") ($(du -k "$BIG" | cut -f1) KiB)"

# --- measuring ---------------------------------------------------------------------------------------------------
FAILED=0
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# measure NAME CMD...: runs CMD REPEAT times with stdout to /dev/null; sets WALL (median wall seconds), CPU (median
# user+sys seconds: steadier than wall time on a busy machine) and RSS_MIB (highest peak RSS).
measure() {
  local name=$1; shift
  local walls=() cpus=() rss_max=0 i stats rc wall user sys rss_kib
  for ((i = 1; i <= REPEAT; i++)); do
    stats=$(mktemp)
    rc=0
    /usr/bin/time -f '%e %U %S %M' -o "$stats" "$@" >/dev/null 2>"$WORK/$name.stderr" || rc=$?
    # perfeval check exits 1 when it finds errors (the seed has them): that is a result, not a failure.
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
      log "$name failed (exit $rc): $(head -c 400 "$WORK/$name.stderr")"
      FAILED=1
      WALL=nan CPU=nan RSS_MIB=nan
      rm -f "$stats"
      return 0
    fi
    read -r wall user sys rss_kib < <(tail -n 1 "$stats")
    rm -f "$stats"
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')")
    if [ "$rss_kib" -gt "$rss_max" ]; then rss_max=$rss_kib; fi
  done
  WALL=$(median "${walls[@]}")
  CPU=$(median "${cpus[@]}")
  RSS_MIB=$(awk -v k="$rss_max" 'BEGIN {printf "%.1f", k/1024}')
}

ROWS_OUT=()
row() { ROWS_OUT+=("$(printf '%-30s %-44s %8s %8s %9s %10s' "$@")"); }
per_second() { awk -v n="$1" -v s="$2" 'BEGIN {if (s == "nan" || s <= 0) print "nan"; else printf "%.1f", n/s}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "nan" || b == "nan" || b <= 0) print "nan"; else printf "%.2f", a/b}'; }
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {if (v == "nan") print "n/a"; else if ((op == ">=" && v >= t) || (op == "<=" && v <= t)) print "met"; else print "MISSED"}'; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "(i) $COPIES seed copies: perfeval CLI (all cores), x$REPEAT"
measure cli-copies dotnet "$CLI" check "$WORK/copies" --format json
CLI_WALL=$WALL CLI_RSS=$RSS_MIB CLI_DPS=$(per_second "$COPIES" "$WALL")
row "(i) $COPIES x seed .docx" "perfeval check <folder> (2 cores)" "$CLI_WALL" "$CPU" "$CLI_DPS" "$CLI_RSS"

if command -v taskset >/dev/null 2>&1; then
  log "(i) $COPIES seed copies: perfeval CLI pinned to one core, x$REPEAT"
  measure cli-copies-1core taskset -c 0 dotnet "$CLI" check "$WORK/copies" --format json
  CLI1_WALL=$WALL CLI1_DPS=$(per_second "$COPIES" "$WALL")
  row "(i) $COPIES x seed .docx" "perfeval check <folder> (taskset 1 core)" "$CLI1_WALL" "$CPU" "$CLI1_DPS" "$RSS_MIB"
else
  CLI1_DPS=nan
fi

log "(i) $COPIES seed copies: python-docx $PYDOCX_VERSION, x$REPEAT"
measure py-copies "$PY" "$WALK" "$WORK/copies"
PY_WALL=$WALL PY_DPS=$(per_second "$COPIES" "$WALL")
row "(i) $COPIES x seed .docx" "python-docx $PYDOCX_VERSION walk" "$PY_WALL" "$CPU" "$PY_DPS" "$RSS_MIB"

log "(ii) big table: perfeval CLI, x$REPEAT"
measure cli-big dotnet "$CLI" check "$BIG" --format json
BIG_CLI_WALL=$WALL BIG_CLI_CPU=$CPU BIG_CLI_RSS=$RSS_MIB
row "(ii) ${ROWS}x${COLS} table .docx" "perfeval check --format json" "$BIG_CLI_WALL" "$CPU" "-" "$BIG_CLI_RSS"

log "(ii) big table: python-docx, x$REPEAT"
measure py-big "$PY" "$WALK" "$BIG"
BIG_PY_WALL=$WALL BIG_PY_CPU=$CPU BIG_PY_RSS=$RSS_MIB
row "(ii) ${ROWS}x${COLS} table .docx" "python-docx $PYDOCX_VERSION walk" "$BIG_PY_WALL" "$CPU" "-" "$BIG_PY_RSS"

# --- report ------------------------------------------------------------------------------------------------------
echo
echo "PerfEval ($CLI_BUILD build) vs python-docx $PYDOCX_VERSION on $(nproc) cores, load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "wall / cpu (user+sys) = medians of $REPEAT runs incl. process start-up; peak = highest 'Maximum resident set size'"
echo "(GNU time) of those runs. Inputs: $WORK"
echo
printf '%-30s %-44s %8s %8s %9s %10s\n' "input" "tool" "wall s" "cpu s" "docs/s" "peak MiB"
printf '%s\n' "${ROWS_OUT[@]}"
echo
DPS_RATIO=$(ratio "$CLI_DPS" "$PY_DPS")
DPS1_RATIO=$(ratio "$CLI1_DPS" "$PY_DPS")
TIME_RATIO=$(ratio "$BIG_CLI_WALL" "$BIG_PY_WALL")
CPU_RATIO=$(ratio "$BIG_CLI_CPU" "$BIG_PY_CPU")
printf '%-62s %8s  target %-8s %s\n' "(i)  docs/s, perfeval (2 cores) / python-docx" "${DPS_RATIO}x" ">= 3x" "$(verdict "$DPS_RATIO" '>=' 3)"
printf '%-62s %8s  (1 core, for reference)\n' "(i)  docs/s, perfeval (1 core) / python-docx" "${DPS1_RATIO}x"
printf '%-62s %8s  target %-8s %s\n' "(ii) wall time, perfeval / python-docx" "${TIME_RATIO}x" "<= 0.25x" "$(verdict "$TIME_RATIO" '<=' 0.25)"
printf '%-62s %8s  (cpu time, for reference)\n' "(ii) user+sys time, perfeval / python-docx" "${CPU_RATIO}x"
printf '%-62s %8s  target %-8s %s\n' "(ii) perfeval peak RSS (MiB)" "$BIG_CLI_RSS" "<= 200" "$(verdict "$BIG_CLI_RSS" '<=' 200)"

exit "$FAILED"
