#!/usr/bin/env python3
"""The TLS front of a PostgreSQL server for tsheet's tests: it answers a client's SSLRequest with "S", offers a
certificate for --name (signed by the CA it writes to --certs/ca.pem, or self-signed with --untrusted), and
closes once the handshake is over; it never speaks PostgreSQL itself. With --no-tls it answers "N" (no TLS here)
and closes. It prints "PORT <n>" and ends when its
standard input closes.
"""
import argparse
import asyncio
import sys

from certificates import make_certificates


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--certs", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--untrusted", action="store_true")
    parser.add_argument("--no-tls", action="store_true")
    args = parser.parse_args()
    context = make_certificates(args.certs, args.untrusted, (args.name,))

    async def greet(reader, writer):
        try:
            await reader.readexactly(8)  # the SSLRequest: its length and the code 80877103
            writer.write(b"N" if args.no_tls else b"S")
            await writer.drain()
            if not args.no_tls:
                await writer.start_tls(context)
        except (OSError, ConnectionError, asyncio.IncompleteReadError):
            pass
        writer.close()

    server = await asyncio.start_server(greet, "127.0.0.1", 0)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
