#!/usr/bin/env bash
# Builds an archive holding one 20 MB Markdown letter (issue #7: "a 20 MB Markdown file builds,
# in bounded memory") and prints the wall time and peak memory of `travaux build`, measured
# with /usr/bin/time -v. Prints figures; does not judge them.
#   bench/large_file.sh [path/to/travaux] [size in MB]
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-build/travaux}"
megabytes="${2:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/content/letters" "$work/content/drafts"
printf 'title = "Large file bench"\n' > "$work/content/archive.toml"
printf '+++\ntitle = "Zero draft"\ndate = 2018-02-05\naliases = ["zero draft"]\n+++\n\n## Objective 1: Data\n\n1. One.\n' \
  > "$work/content/drafts/zero.md"
# Paragraphs of ordinary prose with links, emphasis, mentions and a table now and then.
python3 - "$work/content/letters/large.md" "$megabytes" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
para = ("Item {n}: the delegation *welcomes* the [zero draft](../drafts/zero.md#objective-1) and "
        "recalls Objective 1 of the zero draft, with `code`, **strong text** and a link to "
        "<https://example.org/{n}>; it asks that the text be shortened and made more precise.\n\n")
table = "| column | value |\n|---|---|\n| a | {n} |\n| b | {n} |\n\n"
with open(path, "w") as f:
    f.write('+++\ntitle = "A very large letter"\ndate = 2018-03-01\n+++\n\n')
    n, size = 0, 0
    while size < mb * 1024 * 1024:
        chunk = (para if n % 50 else "## Part {n}\n\n" + table).format(n=n)
        f.write(chunk)
        size += len(chunk)
        n += 1
PY
ls -l "$work/content/letters/large.md" | awk '{printf "input: %.1f MB Markdown\n", $5 / 1048576}'
/usr/bin/time -v "$binary" build --content "$work/content" --out "$work/site" 2>"$work/time.txt" >"$work/out.txt" || {
  cat "$work/out.txt" "$work/time.txt"; exit 1; }
cat "$work/out.txt"
ls -l "$work/site/letters/large/index.html" | awk '{printf "page: %.1f MB HTML\n", $5 / 1048576}'
grep -E 'Elapsed \(wall clock\)|Maximum resident set size' "$work/time.txt" |
  sed -e 's/^\s*//' -e 's/Maximum resident set size (kbytes): \(.*\)/peak memory: \1 kB/'
