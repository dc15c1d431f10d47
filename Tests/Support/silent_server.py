#!/usr/bin/env python3
"""A server on 127.0.0.1 that takes every connection and never says a word, for tsheet's deadline tests.

Prints "PORT <n>", then "CONNECTION <n>" as it takes the n-th connection (so that a test knows its client is
waiting), and serves until its standard input closes.
"""
import itertools
import threading

import raw_server

taken = itertools.count(1)


def hold(connection):
    """Holds `connection` open, never read or written."""
    print(f"CONNECTION {next(taken)}", flush=True)
    threading.Event().wait()


raw_server.serve(hold)
