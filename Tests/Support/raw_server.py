"""The loop the raw-socket test servers share: listen on 127.0.0.1 on a port the OS picks, hand each connection
to its own thread, print "PORT <n>", and answer each line of standard input with "OK" until it closes."""
import socket
import sys
import threading


def serve(handle):
    """Runs `handle(connection)` on a thread for each connection, until standard input closes."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)

    def accept():
        while True:
            connection, _ = listener.accept()
            threading.Thread(target=handle, args=(connection,), daemon=True).start()
    threading.Thread(target=accept, daemon=True).start()
    print(f"PORT {listener.getsockname()[1]}", flush=True)
    for _ in sys.stdin:
        print("OK", flush=True)
