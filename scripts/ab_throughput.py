#!/usr/bin/env python3
"""Compares the wall-time throughput of builds of `examples/throughput.rs`.

Usage: ab_throughput.py ROUNDS BINARY[,BINARY...] FILE... (a binary may be followed by
`:--jieba`, e.g. `target/release/examples/throughput:--jieba`). Each round runs every
binary once (order alternating between rounds) on all files, 5 scans each; the fastest
round of each binary is printed per file, in MB/s. On a shared VM whose speed drifts by a
factor of two within the hour, only builds measured side by side like this compare.
"""
import os
import subprocess
import sys
from collections import defaultdict


def main():
    rounds, binaries, files = int(sys.argv[1]), sys.argv[2].split(','), sys.argv[3:]
    best = defaultdict(float)
    for r in range(rounds):
        for spec in binaries if r % 2 == 0 else binaries[::-1]:
            binary, *flags = spec.split(':')
            out = subprocess.run([binary, *flags, '5', *files], capture_output=True,
                                 text=True, check=True).stdout
            for line in out.splitlines():
                name, mbs = line.rsplit(' ', 1)
                best[(spec, name)] = max(best[(spec, name)], float(mbs))
    for f in files:
        cells = '  '.join(f'{spec} {best[(spec, f)]:.1f}' for spec in binaries)
        print(f'{os.path.basename(f)}  {cells}')


if __name__ == '__main__':
    main()
