# The table bench/scale.sh prints, from its results.tsv (one line per size: size, MB, then wall
# seconds, peak KB and CPU seconds of full, hugo, cmark, nochange, edit).
#   awk -F'\t' -f bench/scale_table.awk /tmp/travaux-bench/results.tsv
  function num(x) { return x ~ /^[0-9.]+$/ }
  function s(x) { return num(x) ? sprintf("%.2f", x) : x }
  function sc(w, c) { return num(w) ? sprintf("%.2f (%.2f)", w, c) : w }
  function mb(x) { return num(x) && x > 0 ? sprintf("%d", x / 1024) : "-" }
  function ratio(a, b) { return num(a) && num(b) && b > 0 ? sprintf("%.2f", a / b) : "-" }
  function pct(a, b) { return num(a) && num(b) && b > 0 ? sprintf("%.1f%%", 100 * a / b) : "-" }
  BEGIN {
    print "Seconds are wall (CPU = user + system) medians; ratios of wall (CPU) times."
    print ""
    print "| docs | MB | travaux full | hugo | cmark-gfm floor, 1 thread | hugo / travaux | travaux / floor | no-change rebuild (% of full) | one-letter edit (% of full) | peak RSS MB: travaux / hugo / cmark-gfm | travaux growth |"
    print "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  }
  {
    full = $3; hugo = $6; cmark = $9; none = $12; edit = $15
    grow = (prev_full != "" ? ratio(full, prev_full) "x for " ratio($1, prev_size) "x docs" : "-")
    printf "| %s | %s | %s | %s | %s | %s (%s) | %s (%s) | %s (%s) | %s (%s) | %s / %s / %s | %s |\n", $1, $2,
      sc(full, $5), sc(hugo, $8), sc(cmark, $11), ratio(hugo, full), ratio($8, $5), ratio(full, cmark), ratio($5, $11),
      sc(none, $14), pct(none, full), sc(edit, $17), pct(edit, full), mb($4), mb($7), mb($10), grow
    prev_full = full; prev_size = $1
  }
