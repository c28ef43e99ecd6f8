#!/usr/bin/env bash
# The benchmark, one command: scripts/bench.sh [SIZE_MB ...] [--claims MILLIONS ...]
#   (default: 10 100 --claims 1; the issue's full run is `scripts/bench.sh 10 100 1000 --claims 1 10`)
# Builds concord, runs the in-process benchmark (read, aho-corasick ceiling, scan, extract on
# 1 and 2 threads, check of millions of claims), then streams each corpus through
# `concord extract --jsonl` as its own process (time and peak memory: flat in corpus size),
# then times the peers (quantulum3 and Recognizers-Text's number model, installed from PyPI
# into target/bench/venv) on the first megabyte of the same corpus, and prints the tables.
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(10 100 --claims 1)
sizes=()
for a in "${args[@]}"; do
  [ "$a" = "--claims" ] && break
  sizes+=("$a")
done
cargo build --release --example bench --bin concord >/dev/null
./target/release/examples/bench "${args[@]}"

echo
echo "| streaming: concord extract --jsonl | jobs | MB/s | peak RSS MB |"
echo "|---|---|---|---|"
[ -x /usr/bin/time ] || { echo "| (needs GNU time: apt-get install time) | | | |"; sizes=(); }
for mb in "${sizes[@]}"; do
  for jobs in 1 2; do
    stats=$( { /usr/bin/time -f "%e %M" ./target/release/concord extract --jsonl --jobs "$jobs" < "target/bench/corpus-${mb}mb.jsonl" > /dev/null; } 2>&1 | tail -1)
    read -r secs kb <<< "$stats"
    awk -v mb="$mb" -v j="$jobs" -v s="$secs" -v kb="$kb" 'BEGIN { printf "| %s MB | %s | %.1f | %.0f |\n", mb, j, mb / (s > 0 ? s : 0.01), kb / 1024 }'
  done
done

venv=target/bench/venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q quantulum3 recognizers-text-suite "emoji<1.0" || echo "peers: could not install them from PyPI"
fi
echo
echo "| peer (first 1 MB of the ${sizes[0]} MB corpus) | MB/s |"
echo "|---|---|"
if [ -x "$venv/bin/python" ]; then
  "$venv/bin/python" scripts/peers.py "target/bench/corpus-${sizes[0]}mb.txt" 1 | while IFS=$'\t' read -r name rate; do echo "| $name | $rate |"; done
fi
