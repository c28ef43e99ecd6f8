#!/usr/bin/env python3
"""Throughput of the parsers people use today on the benchmark corpus, for `scripts/bench.sh`.

    python3 scripts/peers.py CORPUS.txt MEGABYTES

Reads the first MEGABYTES of CORPUS.txt, runs quantulum3's parser and Recognizers-Text's
English number model over its lines, and prints one line per peer: name, MB/s. A peer that is
not installed is reported as such. This is a benchmark helper, not part of concord.
"""
import sys
import time


def main():
    path, megabytes = sys.argv[1], float(sys.argv[2])
    with open(path, encoding="utf-8") as f:
        text = f.read(int(megabytes * 1_000_000))
    lines = [l for l in text.split("\n") if l.strip()]
    size = sum(len(l.encode("utf-8")) for l in lines) / 1e6
    try:
        from quantulum3 import parser
        start = time.perf_counter()
        for line in lines:
            parser.parse(line)
        print(f"quantulum3\t{size / (time.perf_counter() - start):.3f}")
    except Exception as e:  # not installed or failed
        print(f"quantulum3\tunavailable ({type(e).__name__})")
    try:
        from recognizers_number import recognize_number, Culture
        start = time.perf_counter()
        for line in lines:
            recognize_number(line, Culture.English)
        print(f"recognizers-text\t{size / (time.perf_counter() - start):.3f}")
    except Exception as e:
        print(f"recognizers-text\tunavailable ({type(e).__name__})")


if __name__ == "__main__":
    main()
