#!/usr/bin/env python3
"""A server on 127.0.0.1 that takes every connection and never says a word, for tsheet's deadline tests.

Prints "PORT <n>" and serves until its standard input closes.
"""
import socket
import sys
import threading

listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(16)
held = []


def accept():
    while True:
        connection, _ = listener.accept()
        held.append(connection)  # kept open, never read or written


threading.Thread(target=accept, daemon=True).start()
print(f"PORT {listener.getsockname()[1]}", flush=True)
for _ in sys.stdin:
    print("OK", flush=True)
