#!/usr/bin/env bash
# The cost curve: median ms per training iteration of gan4j and its peers
#   - DCGAN (the TensorFlow tutorial's MNIST networks) against batch size, and
#   - pix2pix (paper preset: U-Net + 70x70 PatchGAN, batch 1) against image size,
# each run after waiting for an idle machine. Writes OUT/cost-curve.csv and OUT/cost-curve.svg
# (log-log, one panel per model). From the root of the clone:
#   bench/cost-curve.sh                          # OUT = docs/performance
#   DCGAN_PEERS=path/to/peers bench/cost-curve.sh   # also the DCGAN peers (folders tf-dcgan, libtorch-dcgan)
# Environment: BATCHES (1 4 16 64 256), SIZES (64 128 256), ITERS (20), WARMUP (5), WAIT_MIN (10),
# RENDER_ONLY=1 redraws the SVG from an existing CSV.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:-"$root/docs/performance"}
batches=${BATCHES:-"1 4 16 64 256"}
sizes=${SIZES:-"64 128 256"}
iters=${ITERS:-20}
warmup=${WARMUP:-5}
peers=${DCGAN_PEERS:-}
i2i="$here/peers/libtorch-i2i/pom.xml"
logs="$here/peers/results"
csv="$out/cost-curve.csv"
mkdir -p "$out" "$logs"
# shellcheck source=idle.sh
. "$here/idle.sh"

# gan4j: "gan4j dcgan b64 ms_per_iter=... peak_rss_mb=..."; peers: "<name> ... ms_per_iter=... [peak_rss_mb=...]"
field() { grep -oE "$1=[0-9.]+" | head -1 | sed 's/.*=//'; }

measure() {
  echo "model,axis,x,framework,ms_per_iter,peak_rss_mb" > "$csv"
  "$root/gan" --version > /dev/null 2>&1 || true # builds gan4j once, outside the timed runs
  for b in $batches; do
    wait_idle
    log="$logs/curve-gan4j-dcgan-b$b.log"
    "$root/gan" bench dcgan --batch "$b" --iterations "$iters" --warmup "$warmup" > "$log" 2>&1
    line=$(grep -E '^gan4j ' "$log")
    echo "dcgan,batch,$b,gan4j,$(echo "$line" | field ms_per_iter),$(echo "$line" | field peak_rss_mb)" >> "$csv"
    echo "$line" >&2
  done
  if [ -n "$peers" ]; then
    for p in tf-dcgan:tensorflow libtorch-dcgan:libtorch; do
      dir=${p%%:*}; name=${p##*:}
      list=$(echo "$batches" | tr ' ' ',')
      # libtorch's batch norm refuses a batch of one in training mode
      [ "$name" = libtorch ] && list=$(echo "$batches" | tr ' ' '\n' | grep -vx 1 | paste -sd, -)
      if [ ! -f "$peers/$dir/pom.xml" ]; then echo "no $peers/$dir: skipped" >&2; continue; fi
      wait_idle
      log="$logs/curve-$dir.log"
      mvn -q -f "$peers/$dir/pom.xml" compile exec:java -Dbatches="$list" -Diters="$iters" -Dwarmup="$warmup" > "$log" 2>&1
      line=$(grep -aE ' dcgan b[0-9]+ ms_per_iter=' "$log" | tail -1)
      echo "$line" >&2
      for b in $(echo "$list" | tr ',' ' '); do
        echo "dcgan,batch,$b,$name,$(echo "$line" | grep -oE "b$b ms_per_iter=[0-9.]+" | sed 's/.*=//')," >> "$csv"
      done
    done
  fi
  mvn -q -f "$i2i" compile > /dev/null 2>&1 || echo "libtorch-i2i: compile failed; pix2pix peer skipped" >&2
  for s in $sizes; do
    wait_idle
    log="$logs/curve-gan4j-pix2pix-$s.log"
    "$root/gan" bench pix2pix --batch 1 --set preset=paper --set imageSize="$s" --iterations "$iters" --warmup "$warmup" \
      > "$log" 2>&1
    line=$(grep -E '^gan4j ' "$log")
    echo "pix2pix,size,$s,gan4j,$(echo "$line" | field ms_per_iter),$(echo "$line" | field peak_rss_mb)" >> "$csv"
    echo "$line" >&2
    wait_idle
    log="$logs/curve-libtorch-pix2pix-$s.log"
    mvn -q -f "$i2i" exec:java -Dmodel=pix2pix -Dpreset=paper -Dsize="$s" -Diters="$iters" -Dwarmup="$warmup" > "$log" 2>&1
    line=$(grep -aE '^libtorch ' "$log")
    echo "pix2pix,size,$s,libtorch,$(echo "$line" | field ms_per_iter),$(echo "$line" | field peak_rss_mb)" >> "$csv"
    echo "$line" >&2
  done
}

# two log-log panels side by side, one line per framework
render() {
  awk -F, '
  function lx(v) { return log(v) / log(10) }
  function panel(m, axis, title, x0, i, f, px, py, first, path, xs, n, k, lo, hi, ylo, yhi, t, c, v) {
    # ranges over this model
    lo = 1e30; hi = -1e30; ylo = 1e30; yhi = -1e30
    for (i = 1; i <= rows; i++) if (model[i] == m) {
      if (lx(x[i]) < lo) lo = lx(x[i]); if (lx(x[i]) > hi) hi = lx(x[i])
      if (lx(ms[i]) < ylo) ylo = lx(ms[i]); if (lx(ms[i]) > yhi) yhi = lx(ms[i])
    }
    if (lo > hi) return
    if (hi == lo) hi = lo + 1
    ylo = int(ylo - (ylo < 0)); yhi = int(yhi) + (yhi > int(yhi))
    if (yhi == ylo) yhi = ylo + 1
    printf "<g transform=\"translate(%d,0)\">\n", x0
    printf "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>\n", L, title
    printf "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n", L, T, W, H
    for (t = ylo; t <= yhi; t++) for (k = 1; k <= 9; k++) {
      v = t + lx(k); if (v > yhi + 1e-9) break
      py = T + H - (v - ylo) / (yhi - ylo) * H
      printf "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n", L, L + W, py, py, k == 1 ? "#ccc" : "#eee"
      if (k == 1 || k == 2 || k == 5) printf "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%g</text>\n", L - 4, py + 4, 10 ^ v
    }
    for (i = 1; i <= rows; i++) if (model[i] == m && !(x[i] in seen)) {
      seen[x[i]] = 1
      px = L + (lx(x[i]) - lo) / (hi - lo) * W
      printf "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>\n", px, px, T, T + H
      printf "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n", px, T + H + 14, x[i]
    }
    delete seen
    printf "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>\n", L + W / 2, T + H + 30, axis
    printf "<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">ms per iteration</text>\n", T + H / 2, T + H / 2
    n = 0
    for (f = 1; f <= nfw; f++) {
      path = ""; first = 1
      for (i = 1; i <= rows; i++) if (model[i] == m && fw[i] == fws[f]) {
        px = L + (lx(x[i]) - lo) / (hi - lo) * W; py = T + H - (lx(ms[i]) - ylo) / (yhi - ylo) * H
        path = path (first ? "M" : " L") sprintf("%.1f,%.1f", px, py); first = 0
        printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", px, py, colour[fws[f]]
      }
      if (!first) {
        printf "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", path, colour[fws[f]]
        printf "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>\n", L + 8, T + 10 + 16 * n, colour[fws[f]], L + 24, T + 14 + 16 * n, fws[f]
        n++
      }
    }
    print "</g>"
  }
  NR > 1 && $5 != "" {
    rows++; model[rows] = $1; x[rows] = $3; fw[rows] = $4; ms[rows] = $5
    if (!($4 in known)) { known[$4] = 1; fws[++nfw] = $4 }
  }
  END {
    colour["gan4j"] = "#d62728"; colour["tensorflow"] = "#1f77b4"; colour["libtorch"] = "#2ca02c"
    L = 72; T = 30; W = 300; H = 220
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\">\n", 2 * (L + W + 24), T + H + 44
    print "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
    panel("dcgan", "batch size", "DCGAN (MNIST), 2 CPU cores", 0)
    panel("pix2pix", "image side (batch 1)", "pix2pix (paper networks), 2 CPU cores", L + W + 24)
    print "</svg>"
  }' "$csv" > "$out/cost-curve.svg"
  echo "wrote $csv and $out/cost-curve.svg" >&2
}

[ "${RENDER_ONLY:-0}" = 1 ] || measure
render
