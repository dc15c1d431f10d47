#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for tsheet's tests: aiosmtpd with STARTTLS (or implicit TLS) and AUTH.

It makes a throwaway CA and a server certificate for 127.0.0.1 in --certs (ca.pem is what a client should
trust), listens on a port the OS picks, prints "PORT <n>" and serves until its standard input closes or
--lifetime seconds pass. Each message it accepts is written to --spool as JSON: the envelope and the content.

Failure modes for tests: --refuse ADDRESS answers 550 to that recipient; --defer ADDRESS answers 451 (try again
later); --drop-in-data closes the connection instead of answering the end of DATA; --untrusted serves a
certificate that no CA in ca.pem signed; --name NAME serves one for NAME alone (a name mismatch); --lock-db PATH
takes an exclusive lock on that SQLite file as it accepts a message, and holds it --lock-seconds, as another
program busy with the log would (for the first message only); --delay-data SECONDS waits before answering the
end of DATA (a batch that outlives a token).

OAuth2: --introspect URL accepts XOAUTH2 and OAUTHBEARER with a bearer token that the authorization server's
introspection endpoint (RFC 7662, Tests/Support/oauth_server.py) calls active for --user, and refuses any other
with the JSON error challenge (RFC 7628 §3.2.2); --bearer restricts the mechanisms offered. The spool records the
mechanism a message was sent under.
"""
import argparse
import asyncio
import base64
import json
import os
import sqlite3
import sys
import threading
import time
import urllib.parse
import urllib.request
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


def token_is_active(introspect, token, user):
    """Whether the authorization server calls `token` an active token of `user`."""
    data = urllib.parse.urlencode({"token": token}).encode()
    try:
        with urllib.request.urlopen(introspect, data=data, timeout=5) as answer:
            info = json.load(answer)
    except Exception:
        return False
    return info.get("active") is True and info.get("username") == user


def bearer_token(mechanism, response):
    """The user and token of an XOAUTH2 or OAUTHBEARER initial response (already base64-decoded)."""
    fields = response.split(b"\x01")
    user = None
    if mechanism == "OAUTHBEARER":
        header = fields[0].split(b",")  # n,a=user,
        user = next((part[2:].replace(b"=2C", b",").replace(b"=3D", b"=") for part in header
                     if part.startswith(b"a=")), None)
    else:
        user = next((field[5:] for field in fields if field.startswith(b"user=")), None)
    token = next((field[len(b"auth=Bearer "):] for field in fields if field.startswith(b"auth=Bearer ")), None)
    return (user or b"").decode("utf-8", "replace"), (token or b"").decode("utf-8", "replace")


class Handler:
    def __init__(self, spool, refuse, defer, drop_in_data, lock_db, lock_seconds, introspect=None, user=None):
        self.spool, self.refuse, self.defer, self.drop_in_data = spool, refuse, defer, drop_in_data
        self.lock_db, self.lock_seconds = lock_db, lock_seconds
        self.introspect, self.user = introspect, user
        self.refusals = 0
        self.delay = 0

    async def bearer(self, server, args, mechanism):
        from aiosmtpd.smtp import AuthResult
        if self.introspect is None or len(args) < 2:
            return AuthResult(success=False, handled=False)
        try:
            response = base64.b64decode(args[1], validate=True)
        except Exception:
            return AuthResult(success=False, handled=False, message="501 5.5.2 Cannot decode base64")
        user, token = bearer_token(mechanism, response)
        loop = asyncio.get_running_loop()
        if user == self.user and await loop.run_in_executor(None, token_is_active, self.introspect, token, user):
            return AuthResult(success=True, auth_data=mechanism)
        self.refusals += 1
        error = {"status": "invalid_token", "scope": "https://mail.test/", "schemes": "bearer"}
        await server.challenge_auth(json.dumps(error))
        return AuthResult(success=False, handled=False, message="535 5.7.8 Username and token not accepted")

    async def auth_XOAUTH2(self, server, args):
        return await self.bearer(server, args, "XOAUTH2")

    async def auth_OAUTHBEARER(self, server, args):
        return await self.bearer(server, args, "OAUTHBEARER")

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address.lower() in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if address.lower() in self.defer:
            return f"451 4.7.1 <{address}>: Greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        if self.drop_in_data:
            server.transport.close()
            return "421 closing"
        record = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                  "content": envelope.original_content.decode("utf-8", "replace"),
                  "authenticated": bool(session.authenticated), "tls": session.ssl is not None,
                  "mechanism": session.auth_data if isinstance(session.auth_data, str) else None,
                  "token_refusals": self.refusals}
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
    parser.add_argument("--introspect", help="the OAuth2 server's introspection URL: accept bearer tokens")
    parser.add_argument("--delay-data", type=float, default=0, help="seconds to wait before answering DATA's end")
    parser.add_argument("--bearer", choices=["both", "xoauth2", "oauthbearer"], default="both")
    args = parser.parse_args()
    os.makedirs(args.spool, exist_ok=True)
    context = make_certificates(args.certs, args.untrusted, args.name or ("127.0.0.1", "localhost"))
    handler = Handler(args.spool, [a.lower() for a in args.refuse], [a.lower() for a in args.defer],
                      args.drop_in_data, args.lock_db, args.lock_seconds, args.introspect, args.user)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user \
            and auth_data.password.decode() == args.password
        return AuthResult(success=ok, handled=False)

    handler.delay = args.delay_data
    excluded = [] if args.introspect else ["XOAUTH2", "OAUTHBEARER"]
    excluded += {"both": [], "xoauth2": ["OAUTHBEARER"], "oauthbearer": ["XOAUTH2"]}[args.bearer]

    def factory():
        if args.tls == "starttls":
            return SMTP(handler, hostname="localhost", tls_context=context, require_starttls=True,
                        authenticator=authenticator, auth_require_tls=True, auth_exclude_mechanism=excluded)
        return SMTP(handler, hostname="localhost", authenticator=authenticator, auth_require_tls=False,
                    auth_exclude_mechanism=excluded)

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
