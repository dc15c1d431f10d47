"""Types a command line into an interactive shell on a pseudo-terminal, presses TAB, and prints the line as the
shell then shows it: completion exactly as a person at a terminal meets it.

usage: complete_in_pty.py SHELL SETUP_FILE LINE
SHELL is bash or zsh; SETUP_FILE is sourced first (it loads the completion script); LINE is typed, then TAB.
Prints the command line after completion (the text the shell echoed after the marker). Every wait is bounded.
"""
import os
import pty
import select
import sys
import time

shell, setup, line = sys.argv[1], sys.argv[2], sys.argv[3]
argv = {"bash": ["bash", "--norc", "--noprofile", "-i"], "zsh": ["zsh", "-f", "-i"]}[shell]

pid, fd = pty.fork()
if pid == 0:
    os.environ["PS1"] = "$ "
    os.environ["TERM"] = "dumb"
    os.execvp(argv[0], argv)


def read_for(seconds, until=None):
    """What the shell writes within `seconds`, or until `until` appears in it."""
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if until is not None and until in out:
                break
    return out


def send(text):
    os.write(fd, text.encode())


send(f"source '{setup}'; echo READY-$((6*7))\n")
if b"READY-42" not in read_for(20, b"READY-42"):
    sys.exit("the shell did not load the completion script within 20 s")
read_for(0.5)
send("echo MARK-$((1+1)); ")  # the marker, then the line, on one command line
send(line + "\t")
typed = read_for(10, None if shell == "zsh" else None)
send("\x15")  # Ctrl-U: drop the line unrun
send("exit\n")
read_for(3)
try:
    os.kill(pid, 9)
except ProcessLookupError:
    pass
text = typed.decode("utf-8", "replace")
# The line as shown: everything after the marker command's echo of itself, control sequences dropped.
import re
text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\r|\x07", "", text)
start = text.rfind("echo MARK-$((1+1)); ")
print(text[start + len("echo MARK-$((1+1)); "):] if start >= 0 else text)
