#!/usr/bin/env bash
# Search at 50,000 documents (docs/search.md, "Bytes a query downloads"): generates a synthetic
# archive (bench/search_archive.py), writes its search index with build/bench_search (time,
# peak memory, shard sizes), and measures in Chromium from file:// the bytes each of eleven
# queries downloads (bench/search_queries.mjs). Prints figures; does not judge them.
#   bench/search_size.sh [documents]        # default 50000; needs `npm ci` and build/bench_search
set -euo pipefail
cd "$(dirname "$0")/.."
documents="${1:-50000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 bench/search_archive.py "$work/content" "$documents"
echo "archive: $documents documents, $(du -sh "$work/content" | cut -f1) of Markdown"
/usr/bin/time -f 'bench_search: %e s wall, %M KB peak memory' build/bench_search "$work/content" "$work/out"
echo "the old single-file index (6,000 bytes of text per document) would be about" \
  "$(( $(find "$work/content" -name '*.md' -printf '%s\n' | awk '{s += ($1 < 6000 ? $1 : 6000)} END {print int(s / 1024)}') )) KB," \
  "all of it downloaded by every search"
node bench/search_queries.mjs "$work/out"
