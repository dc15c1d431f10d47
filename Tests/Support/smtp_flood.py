#!/usr/bin/env python3
"""A hostile SMTP server on 127.0.0.1 for tsheet's tests: its greeting never ends.

--mode line: one greeting line that grows without a line break; lines: "220-" lines without end.
It stops sending after 100 MB or when the client goes. Prints "PORT <n>" and serves until its standard
input closes.
"""
import argparse

import raw_server


def serve(connection, mode):
    chunk = b"x" * 65536 if mode == "line" else b"220-flood\r\n" * 6000
    try:
        if mode == "line":
            connection.sendall(b"220 ")
        for _ in range(100 * 1024 * 1024 // len(chunk)):
            connection.sendall(chunk)
    except OSError:
        pass
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", required=True, choices=["line", "lines"])
    options = parser.parse_args()
    raw_server.serve(lambda connection: serve(connection, options.mode))


if __name__ == "__main__":
    main()
