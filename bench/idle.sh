# Shell functions shared by the benchmark scripts in bench/ (source this file).

# CPU jiffies (all CPUs, without idle and iowait) used during the next 5 s
busy_jiffies() {
  local a b
  a=$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat); sleep 5
  b=$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat); echo $((b - a))
}

# waits (up to WAIT_MIN minutes, default 10) until everything else uses < 0.15 core over 5 s
wait_idle() {
  local i j
  for i in $(seq 1 $((${WAIT_MIN:-10} * 12))); do
    j=$(busy_jiffies)
    [ "$j" -lt 75 ] && return 0
    [ $((i % 12)) -eq 1 ] && echo "machine busy ($((j / 5))% of one core); waiting..." >&2
  done
  echo "machine still busy; running anyway (contended iterations are discarded)" >&2
}

# median of the numbers on stdin, one per line ("n/a" if none)
median() { sort -g | awk '{v[NR]=$1} END {if (NR == 0) print "n/a"; else print (NR % 2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
