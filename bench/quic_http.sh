#!/usr/bin/env bash
# Builds the IETF HTTP/3 drafts (../shared/real/quic-http/content: 35 versions, 34 changes pages)
# with travaux and times `git diff --no-index --word-diff` over the same 34 adjacent pairs of
# files, in one run, several times each; prints the medians (wall and CPU) and their ratio.
# Prints figures; does not judge them (the target, at most 3x, is in bench/README.md).
#   bench/quic_http.sh [path/to/travaux] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-build/travaux}"
runs="${2:-5}"
content="$(pwd)/../shared/real/quic-http/content"
[ -d "$content" ] || { echo "missing $content: shared/real must sit beside the repository" >&2; exit 1; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# seconds of wall and user+sys CPU time of one command, via /usr/bin/time
measure() { /usr/bin/time -f '%e %U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'; }

git_pairs() {
  local d="$content/drafts"
  for i in $(seq 0 33); do
    git diff --no-index --word-diff "$d/draft-ietf-quic-http-$(printf %02d "$i").md" \
      "$d/draft-ietf-quic-http-$(printf %02d $((i + 1))).md" || true
  done
}
export -f git_pairs
export content

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

tw=(); tc=(); gw=(); gc=()
for _ in $(seq "$runs"); do
  # Every run a full build: without this the build cache (docs/incremental-builds.md) would
  # find nothing changed from the second run on, and time only a scan.
  rm -rf "$out/site" "$out/site.travaux-cache"
  read -r w c < <(measure "$binary" build --content "$content" --out "$out/site")
  tw+=("$w"); tc+=("$c")
  read -r w c < <(measure bash -c git_pairs)
  gw+=("$w"); gc+=("$c")
done
t_wall=$(printf '%s\n' "${tw[@]}" | median); t_cpu=$(printf '%s\n' "${tc[@]}" | median)
g_wall=$(printf '%s\n' "${gw[@]}" | median); g_cpu=$(printf '%s\n' "${gc[@]}" | median)
echo "quic-http: 35 drafts, 34 pairs; median of $runs runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
printf 'travaux build (load, link, compare, render, write %s files): %s s wall, %s s CPU\n' \
  "$(find "$out/site" -type f | wc -l)" "$t_wall" "$t_cpu"
printf 'git diff --no-index --word-diff, 34 pairs:              %s s wall, %s s CPU\n' "$g_wall" "$g_cpu"
awk -v a="$t_wall" -v b="$g_wall" -v c="$t_cpu" -v d="$g_cpu" \
  'BEGIN { printf "ratio travaux / git diff: %.1fx wall, %.1fx CPU\n", a / b, c / d }'
