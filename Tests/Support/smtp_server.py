#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for tsheet's tests: aiosmtpd with STARTTLS (or implicit TLS) and AUTH.

It makes a throwaway CA and a server certificate for 127.0.0.1 in --certs (ca.pem is what a client should
trust), listens on a port the OS picks, prints "PORT <n>" and serves until its standard input closes or
--lifetime seconds pass. Each message it accepts is written to --spool as JSON: the envelope and the content.

Failure modes for tests: --refuse ADDRESS answers 550 to that recipient; --defer ADDRESS answers 451 (try again
later); --drop-in-data closes the connection instead of answering the end of DATA; --untrusted serves a
certificate that no CA in ca.pem signed; --name NAME serves one for NAME alone (a name mismatch); --lock-db PATH
takes an exclusive lock on that SQLite file as it accepts a message, and holds it --lock-seconds, as another
program busy with the log would (for the first message only).
"""
import argparse
import asyncio
import json
import os
import sqlite3
import sys
import threading
import time
import uuid

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from certificates import make_certificates


def hold_lock(path, seconds):
    """Takes an exclusive lock on the SQLite file at `path` now, and lets it go after `seconds`."""
    connection = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
    connection.execute("BEGIN EXCLUSIVE")

    def release():
        time.sleep(seconds)
        connection.execute("ROLLBACK")
        connection.close()
    threading.Thread(target=release, daemon=True).start()


class Handler:
    def __init__(self, spool, refuse, defer, drop_in_data, lock_db, lock_seconds):
        self.spool, self.refuse, self.defer, self.drop_in_data = spool, refuse, defer, drop_in_data
        self.lock_db, self.lock_seconds = lock_db, lock_seconds

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address.lower() in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if address.lower() in self.defer:
            return f"451 4.7.1 <{address}>: Greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_in_data:
            server.transport.close()
            return "421 closing"
        record = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                  "content": envelope.original_content.decode("utf-8", "replace"),
                  "authenticated": bool(session.authenticated), "tls": session.ssl is not None}
        with open(os.path.join(self.spool, f"{uuid.uuid4()}.json"), "w") as handle:
            json.dump(record, handle)
        if self.lock_db:
            hold_lock(self.lock_db, self.lock_seconds)
            self.lock_db = None  # once: the next message finds the log free
        return "250 2.0.0 Ok: queued as TEST"


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spool", required=True)
    parser.add_argument("--certs", required=True)
    parser.add_argument("--tls", choices=["starttls", "implicit", "none"], default="starttls")
    parser.add_argument("--user", default="ana@consult.es")
    parser.add_argument("--password", default="s3cret")
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--defer", action="append", default=[])
    parser.add_argument("--lock-db")
    parser.add_argument("--lock-seconds", type=float, default=12)
    parser.add_argument("--drop-in-data", action="store_true")
    parser.add_argument("--untrusted", action="store_true")
    parser.add_argument("--name", action="append", help="a name the certificate holds (default: 127.0.0.1, localhost)")
    parser.add_argument("--lifetime", type=float, default=120)
    args = parser.parse_args()
    os.makedirs(args.spool, exist_ok=True)
    context = make_certificates(args.certs, args.untrusted, args.name or ("127.0.0.1", "localhost"))
    handler = Handler(args.spool, [a.lower() for a in args.refuse], [a.lower() for a in args.defer],
                      args.drop_in_data, args.lock_db, args.lock_seconds)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user \
            and auth_data.password.decode() == args.password
        return AuthResult(success=ok, handled=False)

    def factory():
        if args.tls == "starttls":
            return SMTP(handler, hostname="localhost", tls_context=context, require_starttls=True,
                        authenticator=authenticator, auth_require_tls=True)
        return SMTP(handler, hostname="localhost", authenticator=authenticator, auth_require_tls=False)

    loop = asyncio.get_running_loop()
    server = await loop.create_server(factory, "127.0.0.1", 0, ssl=context if args.tls == "implicit" else None)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    stdin_closed = loop.run_in_executor(None, sys.stdin.read)
    await asyncio.wait_for(asyncio.shield(stdin_closed), timeout=args.lifetime) if args.lifetime else None
    server.close()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except asyncio.TimeoutError:
        pass
