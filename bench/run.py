#!/usr/bin/env python3
"""tsheet's benchmark: each command against the sqlite3 shell doing the same work on the same file.

It builds the release binary (Swift runtime linked statically), generates bench/data/bench.sqlite with
1,000,000 entries once, then runs every case RUNS times alternately and prints medians, the ratio to the shell,
the target ratio and tsheet's peak memory.

usage: bench/run.py [--runs N] [--entries N] [--only WORD]   (--only runs the cases whose name starts with WORD)
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench", "data")
TODAY = "2026-11-23"
ONLY = ""
WEEK = "2026-W47"
WEEK_FIRST, WEEK_LAST = "2026-11-16", "2026-11-22"


def measure(command, env):
    """Runs command once; returns (seconds, peak resident KiB)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(command)}: {process.stderr.read().decode()}")
    process.stderr.close()
    return elapsed, usage.ru_maxrss


def compare(name, ours, reference, target, runs, env, setup=None):
    if not name.startswith(ONLY):
        return
    times_ours, times_ref, peaks = [], [], []
    for _ in range(runs):
        if setup:
            setup()
        seconds, peak = measure(ours, env)
        times_ours.append(seconds)
        peaks.append(peak)
        if setup:
            setup()
        times_ref.append(measure(reference, env)[0])
    ours_ms, ref_ms = statistics.median(times_ours) * 1000, statistics.median(times_ref) * 1000
    ratio = ours_ms / ref_ms
    verdict = "ok" if ratio <= target else "OVER"
    print(f"{name:<34} {ours_ms:9.2f} {ref_ms:9.2f} {ratio:7.2f}x {target:6.1f}x  {verdict:<4} {max(peaks) / 1024:7.1f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    global ONLY
    ONLY = args.only

    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "tsheet"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, ".build", "release", "tsheet")
    os.makedirs(DATA, exist_ok=True)
    pristine = os.path.join(DATA, f"bench-{args.entries}.sqlite")
    if not os.path.exists(pristine):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), binary, pristine,
                        str(args.entries), TODAY], check=True)
    db = os.path.join(DATA, "work.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    shutil.copyfile(pristine, db)
    os.chmod(db, 0o600)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TSHEET_DB": db, "TSHEET_TODAY": TODAY,
           "TSHEET_CONFIG": os.path.join(DATA, "none.toml"), "NO_COLOR": "1", "HOME": DATA}
    sqlite = shutil.which("sqlite3") or sys.exit("the sqlite3 shell is needed: apt-get install sqlite3")

    print(f"{args.entries:,} entries, {args.runs} runs each, medians in ms; peak memory of tsheet in MiB")
    print(f"{'case':<34} {'tsheet':>9} {'sqlite3':>9} {'ratio':>8} {'target':>7}  {'':<4} {'peak':>7}")
    compare("log (insert one entry)",
            [binary, "log", "Bench entry", "30m", "-c", "acme", "--date", "2026-11-20"],
            [sqlite, db, "INSERT INTO entry (client_id, title, day, minutes) "
                         "VALUES ((SELECT id FROM client WHERE name = 'acme'), 'Bench entry', '2026-11-20', 30)"],
            3.0, args.runs, env)
    compare(f"list -c acme --week {WEEK}",
            [binary, "list", "-c", "acme", "--week", WEEK],
            [sqlite, db, "SELECT e.id, c.name, e.title, e.description, e.day, e.minutes FROM entry e "
                         "JOIN client c ON c.id = e.client_id WHERE e.client_id = "
                         "(SELECT id FROM client WHERE name = 'acme') "
                         f"AND e.day BETWEEN '{WEEK_FIRST}' AND '{WEEK_LAST}' ORDER BY e.day DESC, e.id DESC"],
            2.0, args.runs, env)
    compare("report --by month --rows client",
            [binary, "report", "--by", "month", "--rows", "client"],
            [sqlite, db, "SELECT c.name, t.month, t.minutes FROM (SELECT client_id, substr(day, 1, 7) AS month, "
                         "sum(minutes) AS minutes FROM entry GROUP BY client_id, month) t "
                         "JOIN client c ON c.id = t.client_id"],
            1.5, args.runs, env)
    compare("report --by week --rows title -c acme --year 2025",
            [binary, "report", "--by", "week", "--rows", "title", "-c", "acme", "--year", "2025"],
            [sqlite, db, "SELECT title, strftime('%W', day) AS week, sum(minutes) FROM entry "
                         "WHERE client_id = (SELECT id FROM client WHERE name = 'acme') "
                         "AND day BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY title, week"],
            1.5, args.runs, env)
    acme = "(SELECT id FROM client WHERE name = 'acme')"
    compare(f"week -c acme --week {WEEK}",
            [binary, "week", "-c", "acme", "--week", WEEK],
            [sqlite, db,
             "SELECT e.id, e.title, e.description, e.day, e.minutes FROM entry e "
             f"WHERE e.client_id = {acme} AND e.day BETWEEN '{WEEK_FIRST}' AND '{WEEK_LAST}' ORDER BY e.day, e.id;"
             f"SELECT sum(minutes) FROM entry WHERE client_id = {acme} AND day BETWEEN '2026-11-01' AND '{WEEK_LAST}';"
             f"SELECT sum(minutes) FROM entry WHERE client_id = {acme} AND day BETWEEN '2026-01-01' AND '{WEEK_LAST}';"],
            2.0, args.runs, env)
    export = os.path.join(DATA, "export.csv")
    shell_export = os.path.join(DATA, "export-sqlite.csv")
    compare("export (CSV, 1,000,000 rows)",
            [binary, "export", "-o", export],
            ["sh", "-c", f"{sqlite} -csv {db} \"SELECT e.id, e.day, c.name, e.title, e.description, e.minutes, "
                         "printf('%.2f', e.minutes / 60.0) FROM entry e JOIN client c ON c.id = e.client_id "
                         f"ORDER BY e.id\" > {shell_export}"],
            1.5, max(3, args.runs // 5), env)

    if not "import".startswith(ONLY):
        return
    # Import: the CSV just exported, into a new database each time.
    target = os.path.join(DATA, "import.sqlite")

    def fresh():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(target + suffix):
                os.remove(target + suffix)
    times, peaks = [], []
    for _ in range(3):
        fresh()
        seconds, peak = measure([binary, "import", "--db", target, export], env)
        times.append(seconds)
        peaks.append(peak)
    rows = args.entries
    median = statistics.median(times)
    print(f"{'import (CSV, 1,000,000 rows)':<34} {median * 1000:9.2f} {'':>9} {rows / median:8.0f}/s "
          f"{'250k/s':>7}  {'ok' if rows / median >= 250_000 else 'UNDER':<4} {max(peaks) / 1024:7.1f}")


if __name__ == "__main__":
    main()
