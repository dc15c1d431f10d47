#!/usr/bin/env python3
"""An attacker of `tsheet serve` for its tests, on 127.0.0.1 only; prints one JSON object.

flood PORT PID N S: opens N connections that send nothing (a third of them drip header
lines that never end), holds them S seconds, and measures the server's open file descriptors and the CPU time
it spent meanwhile; then closes them and times a normal request until its status line.

idle PORT: opens a silent connection, one that drips header lines, and one that sends a whole request and then
idles, and says after how many seconds the server closed each (null: still open after 20 s).
"""
import json
import os
import socket
import sys
import time

REQUEST = "GET /style.css HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra}\r\n"


def connect(port, timeout=2.0):
    try:
        return socket.create_connection(("127.0.0.1", port), timeout=timeout)
    except OSError:
        return None


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def drip(connections):
    for connection in connections:
        try:
            connection.send(b"X-Slow: 1\r\n")
        except OSError:
            pass


def status_line(port, deadline):
    started = time.monotonic()
    connection = socket.create_connection(("127.0.0.1", port), timeout=deadline)
    connection.sendall(REQUEST.format(port=port, extra="Connection: close\r\n").encode())
    line = connection.makefile("rb").readline().decode("latin-1").strip()
    connection.close()
    return line, round(time.monotonic() - started, 3)


def flood(port, pid, count, hold):
    opened = [c for c in (connect(port) for _ in range(count)) if c is not None]
    slow = opened[::3]
    for connection in slow:
        connection.setblocking(False)
        try:
            connection.send(b"GET / HTTP/1.1\r\n")
        except OSError:
            pass
    cpu = cpu_seconds(pid)
    end = time.monotonic() + hold
    while time.monotonic() < end:
        drip(slow)
        time.sleep(0.25)
    result = {"opened": len(opened), "cpu": round(cpu_seconds(pid) - cpu, 3),
              "descriptors": len(os.listdir(f"/proc/{pid}/fd"))}
    for connection in opened:
        connection.close()
    result["status"], result["seconds"] = status_line(port, 20)
    return result


def is_closed(connection):
    try:
        return connection.recv(65536) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def idle(port):
    started = time.monotonic()
    connections = {"silent": connect(port), "slow": connect(port), "kept": connect(port)}
    connections["slow"].sendall(b"GET / HTTP/1.1\r\n")
    connections["kept"].sendall(REQUEST.format(port=port, extra="").encode())
    closed = {name: None for name in connections}
    for connection in connections.values():
        connection.setblocking(False)
    while time.monotonic() < started + 20 and None in closed.values():
        drip([connections["slow"]])
        for name, connection in connections.items():
            if closed[name] is None and is_closed(connection):
                closed[name] = round(time.monotonic() - started, 2)
        time.sleep(0.1)
    return closed


if __name__ == "__main__":
    if sys.argv[1] == "flood":
        print(json.dumps(flood(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))))
    else:
        print(json.dumps(idle(int(sys.argv[2]))))
