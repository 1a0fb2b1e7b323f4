#!/usr/bin/env python3
"""Whole processes compared by wall time and by CPU time (user + system, from wait4), for a machine
shared with other work, where CPU time varies far less than wall time:

    python3 benchmarks/processes.py REPS FLOOR 'name=command' 'name=setup ;; command' ...

Runs every command REPS times (plus one untimed round), rotating the order each round; a part before
' ;; ' runs untimed before each run (e.g. recreating a database). Prints medians and ratios to FLOOR.
Used for the CLI figures in docs/performance.md."""
import os, subprocess, sys, time, statistics, shlex
reps = int(sys.argv[1]); floor = sys.argv[2]
variants = [a.split('=', 1) for a in sys.argv[3:]]
wall = {n: [] for n, _ in variants}; cpu = {n: [] for n, _ in variants}
for rep in range(-1, reps):
    order = variants[rep % len(variants):] + variants[:rep % len(variants)] if rep >= 0 else variants
    for name, cmd in order:
        setup = None
        if ' ;; ' in cmd:
            setup, cmd = cmd.split(' ;; ', 1)
            subprocess.run(setup, shell=True, check=True, stdout=subprocess.DEVNULL)
        args = shlex.split(cmd)
        t0 = time.perf_counter()
        p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, ru = os.wait4(p.pid, 0)
        t1 = time.perf_counter()
        err = p.stderr.read()
        if status != 0:
            sys.exit(f"{name} failed: {err.decode()[-500:]}")
        if rep >= 0:
            wall[name].append((t1 - t0) * 1000); cpu[name].append((ru.ru_utime + ru.ru_stime) * 1000)
fw = statistics.median(wall[floor]); fc = statistics.median(cpu[floor])
print(f"{'variant':40} {'wall ms (min-max)':>24} {'÷floor':>7} {'cpu ms':>8} {'÷floor':>7}")
for name, _ in variants:
    w = statistics.median(wall[name]); c = statistics.median(cpu[name])
    print(f"{name:40} {w:9.0f} ({min(wall[name]):5.0f}-{max(wall[name]):5.0f}) {w/fw:7.2f} {c:8.0f} {c/fc:7.2f}")
print(f"reps={reps}, load={os.getloadavg()}")
