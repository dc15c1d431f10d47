#!/usr/bin/env python3
"""A server on 127.0.0.1 that takes every connection and never says a word, for tsheet's deadline tests.

Prints "PORT <n>" and serves until its standard input closes.
"""
import threading

import raw_server

raw_server.serve(lambda connection: threading.Event().wait())  # held open, never read or written
