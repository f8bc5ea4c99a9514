#!/usr/bin/env bash
# gan4j against its libtorch peer on the translation networks, interleaved: for each round and each
# configuration, `./gan bench MODEL --batch 1 --set preset=P` and then the peer with the same model,
# preset and batch, each after waiting for an idle machine. Prints per configuration the median over the
# rounds of both and the ratio gan4j / libtorch. Logs in bench/peers/results/.
#   bench/peers/run-i2i.sh                       # pix2pix and cyclegan, cpu preset
#   CONFIGS="pix2pix:paper cyclegan:paper" ITERS=10 WARMUP=2 REPEAT=2 bench/peers/run-i2i.sh
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
peer="$here/libtorch-i2i/pom.xml"
results="$here/results"
mkdir -p "$results"
configs=${CONFIGS:-"pix2pix:cpu cyclegan:cpu"}
repeat=${REPEAT:-2}
iters=${ITERS:-30}
warmup=${WARMUP:-5}

# shellcheck source=../idle.sh
. "$here/../idle.sh"

mvn -q -f "$peer" compile > /dev/null 2>&1 || { echo "libtorch-i2i: compile failed (run mvn -f $peer compile)" >&2; exit 1; }
"$root/gan" --version > /dev/null 2>&1 || true # builds gan4j once if needed, outside the timed runs
for r in $(seq 1 "$repeat"); do
  for c in $configs; do
    model=${c%%:*}; preset=${c##*:}
    wait_idle
    echo "== gan4j $model $preset round $r" >&2
    "$root/gan" bench "$model" --batch 1 --set preset="$preset" --iterations "$iters" --warmup "$warmup" \
      > "$results/gan4j-$model-$preset-r$r.log" 2>&1
    grep -E '^gan4j ' "$results/gan4j-$model-$preset-r$r.log" >&2
    wait_idle
    echo "== libtorch $model $preset round $r" >&2
    mvn -q -f "$peer" exec:java -Dmodel="$model" -Dpreset="$preset" -Diters="$iters" -Dwarmup="$warmup" \
      > "$results/libtorch-$model-$preset-r$r.log" 2>&1
    grep -E '^libtorch ' "$results/libtorch-$model-$preset-r$r.log" >&2
  done
done
for c in $configs; do
  model=${c%%:*}; preset=${c##*:}
  g=$(cat "$results"/gan4j-"$model"-"$preset"-r*.log 2>/dev/null | grep -oE '^gan4j .* ms_per_iter=[0-9.]+' | sed 's/.*=//')
  p=$(cat "$results"/libtorch-"$model"-"$preset"-r*.log 2>/dev/null | grep -oE '^libtorch .* ms_per_iter=[0-9.]+' | sed 's/.*=//')
  gm=$(echo "$g" | median); pm=$(echo "$p" | median)
  ratio=$(awk -v a="$gm" -v b="$pm" 'BEGIN {if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else print "n/a"}')
  warn=$(cat "$results"/*-"$model"-"$preset"-r*.log 2>/dev/null | grep -q WARNING && echo " (some rounds contended: WARNING in the logs)")
  echo "$model $preset b1: gan4j ms_per_iter=$gm libtorch ms_per_iter=$pm gan4j/libtorch=$ratio (rounds: gan4j $(echo $g | tr ' ' '/') libtorch $(echo $p | tr ' ' '/'))$warn"
done
