#!/usr/bin/env python3
"""tsheet's team benchmark: a team's log on a local PostgreSQL server against psql doing the same work.

For each size (default 30,000, 300,000 and 3,000,000 entries: 30 people, 8 clients, 8 years of working days) it
writes the entries as CSV, imports them into a new database on the server and into a new SQLite file (timed:
the server's import should be at least as fast), then compares, RUNS times alternately, medians:
- `report --by month --rows client,person` against psql running the same GROUP BY on an ideal table (client,
  person, day, minutes, nothing else) in the same server (target 1.5x);
- `week -c acme` against psql running the statements the email needs: the week's entries, the month and the year
  to date (target 2x).

The server is $TSHEET_TEST_POSTGRES (`eval "$(.ci/postgres start)"` starts one).
usage: bench/team.py [--runs N] [--sizes 30000,300000,3000000] [--binary PATH]
"""
import argparse
import csv
import datetime
import os
import random
import statistics
import subprocess
import sys
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench", "data")
TODAY = datetime.date(2026, 11, 23)
WEEK, WEEK_FIRST, WEEK_LAST = "2026-W47", "2026-11-16", "2026-11-22"
CLIENTS = ["acme", "Globex", "Cafés Núñez", "Initech", "Umbrella", "Stark Industries", "Wayne Enterprises", "Hooli"]
TITLES = ["Fixed SSO login", "Weekly sync with IT", "ERP upgrade", "Mailbox migration", "Backup restore test",
          "Reunión de seguimiento", "Instalación del TPV", "Patch Tuesday", "Onboarding laptops"]
DESCRIPTIONS = ["", "", "Renewed the IdP certificate, \"prod\" and \"test\".", "Llamada con Núñez, S.L.; pendiente.",
                "Moved 35 mailboxes.\nShared box \"Compras\" pending."]


def write_entries(path, count, people=None):
    """count entries over 8 years of working days before TODAY, for people (default 30: person01 to person30),
    each on 1 to 3 clients."""
    random.seed(count)
    days = [TODAY - datetime.timedelta(days=n) for n in range(1, 8 * 366) if (TODAY - datetime.timedelta(days=n)).weekday() < 5]
    people = people or [f"person{n:02}" for n in range(1, 31)]
    desks = {p: random.sample(CLIENTS, random.randint(1, 3)) for p in people}
    with open(path, "w", newline="") as file:
        out = csv.writer(file)
        out.writerow(["date", "client", "title", "description", "minutes", "person"])
        for n in range(count):
            person = people[n % len(people)]
            out.writerow([days[(n // len(people)) * len(days) // max(1, count // len(people)) % len(days)].isoformat(),
                          random.choice(desks[person]), random.choice(TITLES), random.choice(DESCRIPTIONS),
                          random.choice([15, 30, 45, 60, 90, 120, 180, 240]), person])


def timed(command, env, stdin=None):
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=stdin)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}: {result.stderr.decode()}")
    return time.perf_counter() - start


def compare(name, ours, reference, target, runs, env):
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(timed(ours, env))
        theirs.append(timed(reference, env))
    ours_ms, ref_ms = statistics.median(mine) * 1000, statistics.median(theirs) * 1000
    ratio = ours_ms / ref_ms
    print(f"  {name:<44} {ours_ms:9.1f} {ref_ms:9.1f} {ratio:7.2f}x {target:5.1f}x  {'ok' if ratio <= target else 'OVER'}")


def copy_floor(binary, server, team, env):
    """The server's own floor for the import: the same rows, clients and ids resolved beforehand, COPYed by psql
    into a new database with tsheet's schema (its indexes, foreign keys and daily totals), without import keys."""
    rows, clients = os.path.join(DATA, "floor-entries.tsv"), os.path.join(DATA, "floor-clients.tsv")
    subprocess.run(["psql", team, "-qc", f"\\copy (SELECT id, client_id, person, title, description, day, minutes "
                    f"FROM entry ORDER BY id) TO '{rows}'"], check=True)
    subprocess.run(["psql", team, "-qc", f"\\copy client (id, name, name_key) TO '{clients}'"], check=True)
    name = "floor_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", server, "-qc", f"CREATE DATABASE {name}"], check=True)
    floor = server.replace("/postgres?", f"/{name}?")
    subprocess.run([binary, "clients", "--db", floor], env=env, stdout=subprocess.DEVNULL, check=True)
    subprocess.run(["psql", floor, "-qc", f"\\copy client (id, name, name_key) FROM '{clients}'"], check=True)
    return timed(["psql", floor, "-qc", f"\\copy entry (id, client_id, person, title, description, day, minutes) "
                  f"FROM '{rows}'"], env)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--sizes", default="30000,300000,3000000")
    parser.add_argument("--binary", help="a built tsheet to measure (the package's), instead of a release build")
    args = parser.parse_args()
    server = os.environ.get("TSHEET_TEST_POSTGRES") or sys.exit('start a server: eval "$(.ci/postgres start)"')
    binary = args.binary
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "tsheet"], cwd=ROOT,
                       check=True)
        binary = os.path.join(ROOT, ".build", "release", "tsheet")
    os.makedirs(DATA, exist_ok=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TSHEET_TODAY": TODAY.isoformat(), "USER": "lead",
           "TSHEET_CONFIG": os.path.join(DATA, "none.toml"), "NO_COLOR": "1", "HOME": DATA}
    for size in (int(s) for s in args.sizes.split(",")):
        entries = os.path.join(DATA, f"team-{size}.csv")
        if not os.path.exists(entries):
            write_entries(entries, size)
        name = "bench_" + uuid.uuid4().hex[:12]
        subprocess.run(["psql", server, "-qc", f"CREATE DATABASE {name}"], check=True)
        team = server.replace("/postgres?", f"/{name}?")
        sqlite = os.path.join(DATA, f"team-{size}.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(sqlite + suffix):
                os.remove(sqlite + suffix)
        print(f"{size:,} entries; medians in ms over {args.runs} runs")
        on_server = timed([binary, "import", entries, "--db", team, "--quiet"], env)
        on_file = timed([binary, "import", entries, "--db", sqlite, "--quiet"], env)
        print(f"  {'import: server / SQLite':<44} {on_server * 1000:9.1f} {on_file * 1000:9.1f} "
              f"{on_server / on_file:7.2f}x   1.0x  {'ok' if on_server <= on_file else 'OVER'}")
        floor = copy_floor(binary, server, team, env)
        print(f"  {'import: server / the server COPY floor':<44} {on_server * 1000:9.1f} {floor * 1000:9.1f} "
              f"{on_server / floor:7.2f}x")
        psql = ["psql", team, "-qAt", "-o", "/dev/null", "-c"]
        subprocess.run(psql + ["CREATE TABLE ideal AS SELECT c.name AS client, e.person, e.day, e.minutes "
                               "FROM entry e JOIN client c ON c.id = e.client_id; ANALYZE ideal; ANALYZE"], env=env, check=True)
        compare("report --by month --rows client,person",
                [binary, "report", "--by", "month", "--rows", "client,person", "--db", team],
                psql + ["SELECT client, person, date_trunc('month', day), sum(minutes) FROM ideal GROUP BY 1, 2, 3"],
                1.5, args.runs, env)
        acme = "(SELECT id FROM client WHERE name = 'acme')"
        compare(f"week -c acme --week {WEEK}",
                [binary, "week", "-c", "acme", "--week", WEEK, "--db", team],
                psql + [f"SELECT e.id, e.person, e.title, e.description, e.day, e.minutes FROM entry e "
                        f"WHERE e.client_id = {acme} AND e.day BETWEEN '{WEEK_FIRST}' AND '{WEEK_LAST}' ORDER BY e.day, e.id; "
                        f"SELECT sum(minutes) FROM entry WHERE client_id = {acme} AND day BETWEEN '2026-11-01' AND '{WEEK_LAST}'; "
                        f"SELECT sum(minutes) FROM entry WHERE client_id = {acme} AND day BETWEEN '2026-01-01' AND '{WEEK_LAST}'"],
                2.0, args.runs, env)


if __name__ == "__main__":
    main()
