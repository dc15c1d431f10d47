#!/usr/bin/env python3
"""A real IMAP server on 127.0.0.1 for tsheet's tests: Debian's Dovecot, run unprivileged in --folder.

It makes a throwaway CA and a server certificate for 127.0.0.1 (certs/ca.pem is what a client trusts), a
passwd-file user USER (password PASSWORD) with a maildir under the folder, and an OAuth2 passdb whose tokens a
small local token-introspection endpoint checks (TOKEN is the one valid token). Dovecot listens on two free
ports: implicit TLS (printed "TLSPORT <n>") and plain IMAP with STARTTLS ("PORT <n>", printed last). As root
(a CI container) Dovecot runs as `nobody`, owning the folder; otherwise as the user running the tests.

Commands on standard input, each answered "OK": "APPEND FOLDER PATH" files the message at PATH in FOLDER (as
Dovecot's own user, over IMAP); "STOP" stops Dovecot (the mailbox goes down). It ends when its input closes.
--mechanisms names the SASL mechanisms offered (default "plain login xoauth2 oauthbearer").
"""
import argparse
import ctypes
import http.server
import imaplib
import json
import os
import pwd
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse

from certificates import make_certificates

USER, PASSWORD, TOKEN = "ana@consult.es", "secret", "good-token-1234"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Introspection(http.server.BaseHTTPRequestHandler):
    """RFC 7662 token introspection: TOKEN is active for USER, any other is not."""
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        token = (form.get("token") or [""])[0]
        answer = {"active": True, "username": USER} if token == TOKEN else {"active": False}
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *arguments):
        pass


def config(folder, user, group, uid, gid, tls_port, plain_port, oauth_port, mechanisms):
    with open(os.path.join(folder, "passwd"), "w") as handle:
        handle.write(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    with open(os.path.join(folder, "oauth2.conf.ext"), "w") as handle:
        handle.write(f"introspection_mode = post\nintrospection_url = http://127.0.0.1:{oauth_port}/introspect\n"
                     "username_attribute = username\nactive_attribute = active\nactive_value = true\n"
                     "tokeninfo_url = \nforce_introspection = yes\n")
    return f"""
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
instance_name = tsheet-test-{tls_port}
protocols = imap
listen = 127.0.0.1
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
first_valid_uid = 1
ssl = required
ssl_cert = <{folder}/certs/server.pem
ssl_key = <{folder}/certs/server.key
mail_location = maildir:{folder}/mail/%u
auth_mechanisms = {mechanisms}
passdb {{
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN username_format=%u {folder}/passwd
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {folder}/oauth2.conf.ext
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={folder}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {plain_port}
  }}
  inet_listener imaps {{
    port = {tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service auth {{
  user = {user}
}}
service auth-worker {{
  user = {user}
}}
namespace inbox {{
  inbox = yes
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
}}
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", required=True)
    parser.add_argument("--mechanisms", default="plain login xoauth2 oauthbearer")
    options = parser.parse_args()
    folder = os.path.abspath(options.folder)
    for name in ("run", "state", "mail", "certs"):
        os.makedirs(os.path.join(folder, name), exist_ok=True)
    make_certificates(os.path.join(folder, "certs"))
    introspection = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Introspection)
    threading.Thread(target=introspection.serve_forever, daemon=True).start()
    if os.geteuid() == 0:  # Dovecot's login processes refuse root: run it all as nobody
        account = pwd.getpwnam("nobody")
        user, uid, gid = "nobody", account.pw_uid, account.pw_gid
        import grp
        group = grp.getgrgid(gid).gr_name
    else:
        account = pwd.getpwuid(os.geteuid())
        user, uid, gid = account.pw_name, account.pw_uid, account.pw_gid
        import grp
        group = grp.getgrgid(gid).gr_name
    tls_port, plain_port = free_port(), free_port()
    with open(os.path.join(folder, "dovecot.conf"), "w") as handle:
        handle.write(config(folder, user, group, uid, gid, tls_port, plain_port, introspection.server_address[1],
                            options.mechanisms))
    if os.geteuid() == 0:
        for root, folders, files in os.walk(folder):
            for name in folders + files:
                os.chown(os.path.join(root, name), uid, gid)
        os.chown(folder, uid, gid)

    def become():
        if os.geteuid() == 0:
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: dies with this script

    dovecot = subprocess.Popen(["dovecot", "-F", "-c", os.path.join(folder, "dovecot.conf")],
                               preexec_fn=become, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 15
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", plain_port), timeout=1).close()
            socket.create_connection(("127.0.0.1", tls_port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    context = ssl.create_default_context(cafile=os.path.join(folder, "certs", "ca.pem"))
    print(f"TLSPORT {tls_port}", flush=True)
    print(f"PORT {plain_port}", flush=True)
    for line in sys.stdin:
        words = line.split(" ", 2)
        if words[0] == "APPEND" and len(words) == 3:
            with open(words[2].strip(), "rb") as handle:
                message = handle.read()
            with imaplib.IMAP4_SSL("127.0.0.1", tls_port, ssl_context=context, timeout=10) as imap:
                imap.login(USER, PASSWORD)
                imap.append(words[1], None, None, message)
        elif words[0].strip() == "STOP":
            dovecot.kill()
            dovecot.wait()
        print("OK", flush=True)
    dovecot.kill()


if __name__ == "__main__":
    main()
