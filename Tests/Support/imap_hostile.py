#!/usr/bin/env python3
"""A hostile IMAP server on 127.0.0.1 (no TLS) for tsheet's tests: it logs anyone in, then answers badly.

--mode huge: SEARCH answers with an endless stream of numbers; bigmessage: SEARCH finds one message whose
FETCH is a literal of 50 MB; garbage: SEARCH, LIST and FETCH answer malformed lines (control characters,
numbers out of range, unbalanced quotes) and then OK; silent: the greeting, then nothing ever.
Prints "PORT <n>" and serves until its standard input closes.
"""
import argparse
import threading

import raw_server


def serve(connection, mode):
    def send(text):
        connection.sendall(text if isinstance(text, bytes) else text.encode())

    try:
        send("* OK [CAPABILITY IMAP4rev1] hostile ready\r\n")
        if mode == "silent":
            threading.Event().wait(120)
            return
        reader = connection.makefile("rb")
        while True:
            line = reader.readline(65536)
            if not line:
                return
            words = line.decode("utf-8", "replace").split()
            if len(words) < 2:
                continue
            tag, command = words[0], words[1].upper()
            if command == "UID" and len(words) > 2:
                command = "UID " + words[2].upper()
            if command == "CAPABILITY":
                send(f"* CAPABILITY IMAP4rev1\r\n{tag} OK done\r\n")
            elif command == "LOGIN":
                send(f"{tag} OK logged in\r\n")
            elif command in ("SELECT", "EXAMINE"):
                send(f"* 1 EXISTS\r\n* OK [UIDVALIDITY 1]\r\n{tag} OK [READ-WRITE] selected\r\n")
            elif command == "UID SEARCH":
                if mode == "huge":
                    send("* SEARCH")
                    chunk = (" 1" * 32768).encode()
                    for _ in range(4096):  # 256 MB, unless the client hangs up first
                        send(chunk)
                    send(f"\r\n{tag} OK\r\n")
                elif mode == "garbage":
                    send(f"* SEARCH 99999999999999999999 -1 x\x00\x1b[31m 0\r\n* SEARCH\r\n* 1 FETCH (\r\n"
                         f"{tag} OK search\r\n")
                else:
                    send(f"* SEARCH 1\r\n{tag} OK\r\n")
            elif command == "UID FETCH" or command == "FETCH":
                if mode == "bigmessage":
                    size = 50 << 20
                    send(f"* 1 FETCH (UID 1 BODY[] {{{size}}}\r\n")
                    chunk = b"X" * 65536
                    for _ in range(size // 65536):
                        send(chunk)
                    send(f")\r\n{tag} OK\r\n")
                else:
                    body = b"\x00\x1b]0;x\x07garbage\r\n\r\n"
                    send(f"* 1 FETCH (UID 1 BODY[] {{{len(body)}}}\r\n".encode() + body + f")\r\n{tag} OK\r\n".encode())
            elif command == "LIST":
                send(f"* LIST (\\Sent \"x\r\n* LIST (\\Sent) \"/\" {{5}}\r\n* LIST (\\Noselect) \x00 Sent\r\n{tag} OK\r\n")
            elif command == "APPEND":
                send("+ go\r\n")
                reader.readline(1 << 24)
                send(f"{tag} OK appended\r\n")
            elif command == "LOGOUT":
                send(f"* BYE\r\n{tag} OK\r\n")
                return
            else:
                send(f"{tag} BAD what\r\n")
    except OSError:
        pass
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", required=True, choices=["huge", "bigmessage", "garbage", "silent"])
    options = parser.parse_args()
    raw_server.serve(lambda connection: serve(connection, options.mode))


if __name__ == "__main__":
    main()
