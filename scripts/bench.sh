#!/usr/bin/env bash
# The benchmark, one command: scripts/bench.sh [SIZE_MB ...]   (default: 10 100)
# Builds concord, runs the in-process benchmark (read, aho-corasick ceiling, scan, extract on
# 1 and 2 threads, check of 1 M claims), then times the peers (quantulum3 and
# Recognizers-Text's number model, installed from PyPI into target/bench/venv) on the first
# megabyte of the same corpus, and prints one table.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100)
cargo build --release --example bench >/dev/null
./target/release/examples/bench "${sizes[@]}"
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
