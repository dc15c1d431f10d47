#!/usr/bin/env python3
"""Writes a realistic tsheet log of N entries (default 1,000,000) for the benchmarks.

Eight clients of unequal weight, about ten years of working days ending yesterday relative to TODAY, and
descriptions with accents, commas, quotes and newlines. The schema comes from tsheet itself: the script runs
`tsheet clients` on the new file first, then fills it with Python's sqlite3 module in one transaction.

usage: generate.py TSHEET_BINARY DATABASE [ENTRIES] [TODAY]
"""
import datetime
import os
import random
import sqlite3
import subprocess
import sys

CLIENTS = [("acme", 30), ("Globex", 20), ("Cafés Núñez", 15), ("Initech", 10), ("Umbrella", 8),
           ("Stark Industries", 7), ("Wayne Enterprises", 6), ("Hooli", 4)]
TITLES = ["Fixed SSO login", "Weekly sync with IT", "ERP upgrade", "Mailbox migration", "Firewall rules review",
          "Backup restore test", "On-call: disk full", "Printer queue", "Reunión de seguimiento",
          "Instalación del TPV", "Revisión de nóminas", "VPN certificate renewal", "Patch Tuesday",
          "Onboarding laptops", "Incident post-mortem"]
DESCRIPTIONS = ["", "", "Renewed the IdP certificate, \"prod\" and \"test\".", "Llamada con Núñez, S.L.; pendiente.",
                "Moved 35 mailboxes.\nShared box \"Compras\" pending.", "Closed 12 ports, documented the rest.",
                "Configuración de la impresora de tiques, pruebas de cobro (3 €).", "Año fiscal: cierre, 2ª fase."]


def main():
    binary, path = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    today = datetime.date.fromisoformat(sys.argv[4]) if len(sys.argv) > 4 else datetime.date.today()
    if os.path.exists(path):
        sys.exit(f"{path} exists; remove it first")
    # A command that writes creates the log (one that only reads, such as `clients`, never does).
    for extra in ([], ["--remove"]):
        subprocess.run([binary, "off", "2000-01-03", *extra, "--db", path], check=True, stdout=subprocess.DEVNULL)
    rng = random.Random(2026)
    days = [today - datetime.timedelta(days=n) for n in range(1, 3653)]
    days = [d.isoformat() for d in days if d.weekday() < 5]
    weights = [w for _, w in CLIENTS]
    db = sqlite3.connect(path)
    with db:
        db.executemany("INSERT INTO client (id, name, name_key) VALUES (?, ?, ?)",
                       [(i + 1, name, name.lower()) for i, (name, _) in enumerate(CLIENTS)])
        client_ids = list(range(1, len(CLIENTS) + 1))

        def rows():
            for _ in range(count):
                yield (rng.choices(client_ids, weights)[0], rng.choice(TITLES), rng.choice(DESCRIPTIONS),
                       rng.choice(days), 15 * rng.randint(1, 16))
        db.executemany("INSERT INTO entry (client_id, title, description, day, minutes) VALUES (?, ?, ?, ?, ?)",
                       rows())
    db.execute("ANALYZE")
    db.close()
    print(f"{path}: {count} entries, {len(days)} working days to {days[0]}")


if __name__ == "__main__":
    main()
