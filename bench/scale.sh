#!/usr/bin/env bash
# travaux at archive scale beside Hugo and the bare cmark-gfm CLI (bench/README.md, "scale.sh").
#
#   bench/scale.sh [SIZE...]          default sizes: 1000 10000 50000 (documents)
#
# For each size: generate the synthetic archive (bench/generate_archive.py, cached by size and
# generator checksum), then time a full travaux build, hugo over the same files, cmark-gfm over
# the same bodies on one thread (the floor), a no-change rebuild and a rebuild after editing one
# letter. Each is run RUNS times; the median wall time and the median peak RSS are reported,
# then one table with the ratios side by side.
#
# Environment: RUNS (default 3 below 10,000 documents, 1 from there), TIMEOUT seconds per run
# (default 1800), BENCH_DIR (default /tmp/travaux-bench), TRAVAUX (default build/travaux) and
# TRAVAUX_LABEL (its name in the output), SINGLE_TEXT=1 to generate every draft as one chain
# (generate_archive.py --single-text), SKIP="full hugo cmark" to leave measures out (without the
# full build there is no no-change or one-letter rebuild either).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
RUNS_SET="${RUNS:-}"
TIMEOUT="${TIMEOUT:-1800}"
BENCH_DIR="${BENCH_DIR:-/tmp/travaux-bench}"
TRAVAUX="${TRAVAUX:-$root/build/travaux}"
SKIP="${SKIP:-}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)

for tool in hugo cmark-gfm /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "scale.sh: $tool is missing; run scripts/setup" >&2; exit 2; }
done
[ -x "$TRAVAUX" ] || { echo "scale.sh: $TRAVAUX is missing; build travaux first (README)" >&2; exit 2; }
mkdir -p "$BENCH_DIR"
results="$BENCH_DIR/results.tsv"
: > "$results"

gen_flags=()
[ "${SINGLE_TEXT:-0}" = 1 ] && gen_flags+=(--single-text)
gen_sum="$(cat "$here/generate_archive.py" | sha256sum | cut -c1-12)${gen_flags[*]:+-single}"

skipped() { [[ " $SKIP " == *" $1 "* ]]; }

# A full build starts from nothing: no output folder and no build cache (beside the output
# folder: docs/incremental-builds.md, "Where the cache lives").
clear_travaux() { rm -rf "$1" "$1".travaux-staging-* "$1".travaux-cache; }

# measure NAME PREPARE-FUNCTION COMMAND...: RUNS timed runs; appends "NAME secs kb" per run to
# $samples ("timeout" or "failed" as secs when the run did not finish).
measure() {
  local name="$1" prepare="$2"; shift 2
  local k
  for ((k = 1; k <= RUNS; k++)); do
    "$prepare" "$k"
    local rc=0
    timeout "$TIMEOUT" /usr/bin/time -f '%e %M %U %S' -o "$BENCH_DIR/time.out" "$@" \
      >"$BENCH_DIR/run.log" 2>&1 || rc=$?
    if [ "$rc" = 124 ]; then
      echo "$name timeout 0 0" >> "$samples"; echo "  $name run $k: timeout after ${TIMEOUT}s"
      break  # the next runs would time out too
    elif [ "$rc" != 0 ]; then
      echo "$name failed 0 0" >> "$samples"
      echo "  $name run $k: failed (exit $rc):"; tail -5 "$BENCH_DIR/run.log"
      break
    fi
    read -r secs kb user sys < <(tail -1 "$BENCH_DIR/time.out")
    local cpu
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    echo "$name $secs $kb $cpu" >> "$samples"
    echo "  $name run $k: ${secs}s wall, ${cpu}s CPU, $((kb / 1024)) MB"
  done
}

# median NAME FIELD(2 wall secs | 3 kb | 4 CPU secs): "timeout"/"failed" if any run did not finish.
median() {
  local v
  v="$(awk -v n="$1" -v f="$2" '$1 == n { print ($2 == "timeout" || $2 == "failed") ? $2 : $f }' "$samples")"
  if [ -z "$v" ]; then
    echo "-"
  elif grep -qE 'timeout|failed' <<< "$v"; then
    grep -m1 -oE 'timeout|failed' <<< "$v"
  else
    sort -g <<< "$v" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
  fi
}

for size in "${sizes[@]}"; do
  archive="$BENCH_DIR/archive-$size"
  RUNS="${RUNS_SET:-$([ "$size" -lt 10000 ] && echo 3 || echo 1)}"
  echo "== $size documents ($RUNS runs each)"
  if [ "$(cat "$archive.stamp" 2>/dev/null)" != "$gen_sum" ]; then
    python3 "$here/generate_archive.py" --docs "$size" --out "$archive" "${gen_flags[@]}"
    # The floor's input: every body, front matter cut off, in one file (one cmark-gfm process).
    # xargs, because 50,000 paths overflow one command line; each body starts with a blank line.
    find "$archive" -name '*.md' | sort | xargs -d '\n' \
      awk 'FNR == 1 { fm = 0; print "" } fm < 2 && /^\+\+\+[ \t\r]*$/ { fm++; next } fm >= 2 { print }' \
      > "$archive.bodies.md"
    echo "$gen_sum" > "$archive.stamp"
  fi
  mb=$(du -sm --exclude=static "$archive" | cut -f1)
  samples="$BENCH_DIR/samples-$size.txt"
  : > "$samples"
  out="$BENCH_DIR/site-$size"
  hugo_src="$BENCH_DIR/hugo-site"
  rm -rf "$hugo_src" && cp -r "$here/hugo" "$hugo_src"
  letter="$(find "$archive/letters" -name '*.md' | sort | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }')"
  cp "$letter" "$BENCH_DIR/letter.orig"
  trap 'cp "$BENCH_DIR/letter.orig" "$letter"' EXIT

  prep_full() { clear_travaux "$out"; }
  prep_none() { :; }
  prep_hugo() { rm -rf "$BENCH_DIR/hugo-out"; }
  # A different sentence each run, so every run really has an edit to rebuild.
  prep_edit() {
    cp "$BENCH_DIR/letter.orig" "$letter"
    printf '\nEdited by the benchmark, run %s.\n' "$1" >> "$letter"
  }

  clear_travaux "$out"
  skipped full || measure full prep_full "$TRAVAUX" build --content "$archive" --out "$out"
  if [ -d "$out" ]; then
    measure nochange prep_none "$TRAVAUX" build --content "$archive" --out "$out"
    measure edit prep_edit "$TRAVAUX" build --content "$archive" --out "$out"
    cp "$BENCH_DIR/letter.orig" "$letter"
  fi
  skipped hugo || measure hugo prep_hugo hugo --source "$hugo_src" --contentDir "$archive" \
    --destination "$BENCH_DIR/hugo-out" --quiet
  skipped cmark || measure cmark prep_none cmark-gfm -e table -e strikethrough -e autolink -e tagfilter \
    "$archive.bodies.md"
  printf '%s\t%s' "$size" "$mb" >> "$results"
  for m in full hugo cmark nochange edit; do
    printf '\t%s\t%s\t%s' "$(median $m 2)" "$(median $m 3)" "$(median $m 4)" >> "$results"
  done
  echo >> "$results"
done

echo
echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ { print $2 }') GB;" \
  "travaux ${TRAVAUX_LABEL:-$(git -C "$root" rev-parse --short HEAD 2>/dev/null)}, $(hugo version | cut -d' ' -f2), cmark-gfm $(cmark-gfm --version | head -1 | awk '{ print $2 }')"
awk -F'\t' -f "$here/scale_table.awk" "$results"
