#!/usr/bin/env python3
"""A TCP proxy on 127.0.0.1 for tsheet's tests: carries each connection to --target PORT on 127.0.0.1, prints
"PORT <n>" (the port the OS gave it), and obeys the lines of its standard input:

  cut     closes every connection it carries, at both ends: a server that went away, a cable pulled.
  freeze  forwards nothing more and leaves the connections open: a hung server, a network that drops packets.

It ends when its standard input closes.
"""
import argparse
import asyncio
import sys


class Proxy:
    def __init__(self, target):
        self.target = target
        self.writers = []
        self.frozen = asyncio.Event()

    async def carry(self, client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", self.target)
        except OSError:
            client_writer.close()
            return
        self.writers += [client_writer, server_writer]
        await asyncio.gather(self.pipe(client_reader, server_writer), self.pipe(server_reader, client_writer))

    async def pipe(self, reader, writer):
        try:
            while data := await reader.read(65536):
                if self.frozen.is_set():
                    await asyncio.Event().wait()  # holds the connection, silent, until the proxy ends
                writer.write(data)
                await writer.drain()
        except (OSError, ConnectionError):
            pass
        writer.close()

    def cut(self):
        for writer in self.writers:
            writer.transport.abort()
        self.writers = []


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", type=int, required=True)
    args = parser.parse_args()
    proxy = Proxy(args.target)
    server = await asyncio.start_server(proxy.carry, "127.0.0.1", 0)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    loop = asyncio.get_running_loop()
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        if line.strip() == "cut":
            proxy.cut()
        elif line.strip() == "freeze":
            proxy.frozen.set()
        print("OK", flush=True)
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
