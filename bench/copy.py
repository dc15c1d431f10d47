#!/usr/bin/env python3
"""Times `tsheet copy` of the benchmark's log (1,000,000 entries by default) to a new file, to a new database on
the PostgreSQL server `.ci/postgres start` runs (TSHEET_TEST_POSTGRES) and back to a file, beside what moving
the entries alone took before: `export | import`. Medians of --runs runs; peak memory of tsheet.

usage: bench/copy.py [--binary PATH] [--entries N] [--runs N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench", "data")
TODAY = "2026-11-23"


def timed(command, env):
    """Runs command (a list, or a shell line); returns (seconds, peak resident MiB of the processes it waited for)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, shell=isinstance(command, str), stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {command}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def remove(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def new_database(server):
    name = "copy_" + uuid.uuid4().hex
    subprocess.run(["psql", server, "-qc", f"CREATE DATABASE {name}"], check=True)
    return server.replace("/postgres?", f"/{name}?")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "tsheet"))
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    os.makedirs(DATA, exist_ok=True)
    pristine = os.path.join(DATA, f"bench-{args.entries}.sqlite")
    if not os.path.exists(pristine):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), binary, pristine,
                        str(args.entries), TODAY], check=True)
    open(os.path.join(DATA, "none.toml"), "w").close()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TSHEET_DB": pristine, "TSHEET_TODAY": TODAY,
           "TSHEET_CONFIG": os.path.join(DATA, "none.toml"), "NO_COLOR": "1", "HOME": DATA, "USER": "bench"}
    subprocess.run([binary, "clients"], env=env, stdout=subprocess.DEVNULL, check=True)  # migrated once
    target = os.path.join(DATA, "copy.sqlite")
    server = os.environ.get("TSHEET_TEST_POSTGRES")
    cases = [
        ("copy, file to file", lambda: remove(target), [binary, "copy", "--to", target, "--quiet"]),
        ("export | import, file to file", lambda: remove(target),
         f"'{binary}' export | '{binary}' import - --quiet --db '{target}'"),
    ]
    if server:
        urls = {}

        def fresh_server():  # the database before is dropped: a million entries take a gigabyte on the server
            if "to" in urls:
                old = urls["to"].split("/")[-1].split("?")[0]
                subprocess.run(["psql", server, "-qc", f"DROP DATABASE {old}"], check=True)
            urls["to"] = new_database(server)
        cases += [
            ("copy, file to server", fresh_server, lambda: [binary, "copy", "--to", urls["to"], "--quiet"]),
            ("export | import, file to server", fresh_server,
             lambda: f"'{binary}' export | '{binary}' import - --quiet --db '{urls['to']}'"),
            ("copy, server to file", lambda: remove(target),
             lambda: [binary, "copy", "--db", urls["to"], "--to", target, "--quiet"]),
        ]
    print(f"{args.entries:,} entries, medians of {args.runs} runs")
    for name, setup, command in cases:
        times, peaks = [], []
        for _ in range(args.runs):
            setup()
            seconds, peak = timed(command() if callable(command) else command, env)
            times.append(seconds)
            peaks.append(peak)
        print(f"{name:<34} {statistics.median(times):8.2f} s  peak {max(peaks):6.1f} MiB")


if __name__ == "__main__":
    main()
