#!/usr/bin/env python3
"""A real OAuth2 authorization server on 127.0.0.1 for tsheet's tests, built on Authlib's server side (Flask).

One public client (--client-id) and one signed-in test user (--user). It serves:
  GET  /authorize   the consent page of the authorization code flow (PKCE S256 required); its "Approve" button
                    (what the headless browser clicks) redirects to the client's loopback redirect with the
                    code and the client's state, which any http://127.0.0.1 or http://localhost port may be
  POST /token       authorization_code, refresh_token (each refresh rotates the refresh token: the old one is
                    revoked) and the device code grant
  POST /device      the device authorization endpoint (RFC 8628); a device code is approved at its third poll,
                    its first poll is answered slow_down, and a poll sooner than the interval (raised by 5
                    seconds after each slow_down) gets slow_down again
  POST /introspect  RFC 7662: {"active": …, "username": …}, for the test SMTP server
Access tokens say they hold --expires-in seconds but stop working after --access-life seconds.

It prints "PORT <n>" and serves until its standard input closes. Commands on standard input, each answered OK:
  mode ok|garbage|html|huge|silent|refuse   how /token and /device answer from now on
  revoke-access                             every access token issued so far stops working
Its statistics go to --stats as JSON after every request: every token issued (for tests that look for them where
they must not be), grants by type, refresh tokens revoked, device polls.
"""
import argparse
import base64
import json
import sys
import threading
import time

from authlib.common.security import generate_token
from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import ClientMixin, grants
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oauth2.rfc8628 import DeviceAuthorizationEndpoint, DeviceCodeGrant, DeviceCredentialDict
from flask import Flask, Response, request
from werkzeug.serving import make_server

parser = argparse.ArgumentParser()
parser.add_argument("--client-id", default="tsheet-test")
parser.add_argument("--user", default="ana@consult.es")
parser.add_argument("--expires-in", type=int, default=3600)
parser.add_argument("--access-life", type=float, default=3600)
parser.add_argument("--stats", required=True)
args = parser.parse_args()

lock = threading.Lock()
codes, access_tokens, refresh_tokens, devices = {}, {}, {}, {}
stats = {"issued": [], "grants": {}, "revoked_refresh_tokens": 0, "device_polls": [], "slow_downs": 0, "refused_tokens": 0,
         "authorize_requests": 0}
state = {"mode": "ok"}


def save_stats():
    with open(args.stats + ".new", "w") as handle:
        json.dump(stats, handle)
    import os
    os.replace(args.stats + ".new", args.stats)


class User:
    def get_user_id(self):
        return args.user


USER = User()


class Client(ClientMixin):
    client_id = args.client_id

    def get_client_id(self):
        return self.client_id

    def get_default_redirect_uri(self):
        return None

    def get_allowed_scope(self, scope):
        return scope or ""

    def check_redirect_uri(self, redirect_uri):
        # RFC 8252 §7.3: a loopback redirect may use any port.
        return any(redirect_uri.startswith(prefix) for prefix in ("http://127.0.0.1:", "http://localhost:"))

    def check_client_secret(self, client_secret):
        return False

    def check_endpoint_auth_method(self, method, endpoint):
        return method == "none"

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type in ("authorization_code", "refresh_token", DeviceCodeGrant.GRANT_TYPE)


CLIENT = Client()


class AuthorizationCode(dict):
    def get_redirect_uri(self):
        return self["redirect_uri"]

    def get_scope(self):
        return self["scope"]

    @property
    def code_challenge(self):
        return self["code_challenge"]

    @property
    def code_challenge_method(self):
        return self["code_challenge_method"]

    def get_nonce(self):
        return None

    def get_auth_time(self):
        return None


class CodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["none"]

    def save_authorization_code(self, code, req):
        codes[code] = AuthorizationCode(redirect_uri=req.payload.redirect_uri, scope=req.payload.scope,
                                        code_challenge=req.payload.data.get("code_challenge"),
                                        code_challenge_method=req.payload.data.get("code_challenge_method"))

    def query_authorization_code(self, code, client):
        return codes.get(code)

    def delete_authorization_code(self, authorization_code):
        for code, value in list(codes.items()):
            if value is authorization_code:
                del codes[code]

    def authenticate_user(self, authorization_code):
        return USER


class RefreshToken(dict):
    def check_client(self, client):
        return client.get_client_id() == args.client_id

    def get_scope(self):
        return self["scope"]

    def is_expired(self):
        return False

    def is_revoked(self):
        return self["revoked"]


class RefreshGrant(grants.RefreshTokenGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["none"]
    INCLUDE_NEW_REFRESH_TOKEN = True  # rotation

    def authenticate_refresh_token(self, refresh_token):
        token = refresh_tokens.get(refresh_token)
        return token if token and not token["revoked"] else None

    def authenticate_user(self, refresh_token):
        return USER

    def revoke_old_credential(self, refresh_token):
        refresh_token["revoked"] = True
        stats["revoked_refresh_tokens"] += 1


class DeviceGrant(DeviceCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["none"]

    def query_device_credential(self, device_code):
        return devices.get(device_code)

    def query_user_grant(self, user_code):
        device = next(d for d in devices.values() if d["user_code"] == user_code)
        return (USER, True) if device["polls"] >= 3 else None

    def validate_device_credential(self, credential):
        now = time.time()
        credential["polls"] += 1
        early = credential["last_poll"] is not None and now - credential["last_poll"] < credential["interval"] - 0.5
        stats["device_polls"].append({"at": now, "early": early})
        credential["last_poll"] = now
        return super().validate_device_credential(credential)

    def should_slow_down(self, credential):
        early = stats["device_polls"][-1]["early"]
        if credential["polls"] == 1 or early:
            credential["interval"] += 5
            stats["slow_downs"] += 1
            return True
        return False


class DeviceEndpoint(DeviceAuthorizationEndpoint):
    INTERVAL = 1
    EXPIRES_IN = 120

    def get_verification_uri(self):
        return f"http://127.0.0.1:{PORT}/device/verify"

    def save_device_credential(self, client_id, scope, data):
        devices[data["device_code"]] = DeviceCredentialDict(
            client_id=client_id, scope=scope, user_code=data["user_code"], expires_at=time.time() + data["expires_in"],
            polls=0, last_poll=None, interval=data["interval"])


def make_token(grant_type, client, user=None, scope=None, expires_in=None, include_refresh_token=True):
    """Opaque tokens, with an unsigned id_token naming the user."""
    stats["grants"][grant_type] = stats["grants"].get(grant_type, 0) + 1
    access = generate_token(40)
    access_tokens[access] = {"expires_at": time.time() + args.access_life, "user": args.user}
    stats["issued"].append(access)
    claims = base64.urlsafe_b64encode(json.dumps({"email": args.user}).encode()).rstrip(b"=").decode()
    token = {"token_type": "Bearer", "access_token": access, "expires_in": args.expires_in, "scope": scope or "",
             "id_token": f"eyJhbGciOiJub25lIn0.{claims}."}
    if include_refresh_token:
        refresh = generate_token(48)
        refresh_tokens[refresh] = RefreshToken(scope=scope or "", revoked=False)
        token["refresh_token"] = refresh
        stats["issued"].append(refresh)
    return token


app = Flask(__name__)
server = AuthorizationServer(app, query_client=lambda client_id: CLIENT if client_id == args.client_id else None,
                             save_token=lambda token, req: None)
server.register_token_generator("default", make_token)
server.register_grant(CodeGrant, [CodeChallenge(required=True)])
server.register_grant(RefreshGrant)
server.register_grant(DeviceGrant)
server.register_endpoint(DeviceEndpoint)


def hostile():
    """The answer of a broken endpoint, or None when the mode is ok."""
    mode = state["mode"]
    if mode == "garbage":
        return Response(b"\x00\x1b[31m{not json", status=200, content_type="application/json")
    if mode == "html":
        return Response("<!DOCTYPE html><html><body>Sign-in service maintenance</body></html>", status=503,
                        content_type="text/html")
    if mode == "huge":
        return Response((b"{\"access_token\": \"" + b"a" * (4 << 20) + b"\"}"), status=200,
                        content_type="application/json")
    if mode == "silent":
        time.sleep(3600)
    if mode == "refuse":
        return Response(json.dumps({"error": "invalid_grant", "error_description": "Token revoked\x1b[2J by admin"}),
                        status=400, content_type="application/json")
    return None


@app.route("/authorize", methods=["GET", "POST"])
def authorize():
    with lock:
        stats["authorize_requests"] += 1
        save_stats()
    if request.method == "GET":
        try:
            server.get_consent_grant(end_user=USER)  # checks client, redirect URI, scope and PKCE's challenge
        except Exception as error:
            return Response(f"refused: {error}", status=400)
        return Response(f"""<!DOCTYPE html><html><body><p>Signed in as {args.user}. tsheet asks to send mail.</p>
            <form method="post"><button id="approve" type="submit">Approve</button></form></body></html>""",
                        content_type="text/html")
    with lock:
        return server.create_authorization_response(grant_user=USER)


@app.route("/token", methods=["POST"])
def token():
    broken = hostile()
    if broken is not None:
        return broken
    with lock:
        try:
            return server.create_token_response()
        finally:
            save_stats()


@app.route("/device", methods=["POST"])
def device():
    broken = hostile()
    if broken is not None:
        return broken
    with lock:
        return server.create_endpoint_response(DeviceEndpoint.ENDPOINT_NAME)


@app.route("/introspect", methods=["POST"])
def introspect():
    with lock:
        info = access_tokens.get(request.form.get("token", ""))
        active = info is not None and info["expires_at"] > time.time()
        if not active:
            stats["refused_tokens"] += 1
            save_stats()
        return {"active": active, "username": info["user"]} if active else {"active": False}


def commands():
    for line in sys.stdin:
        words = line.split()
        with lock:
            if words[:1] == ["mode"]:
                state["mode"] = words[1]
            elif words == ["revoke-access"]:
                for info in access_tokens.values():
                    info["expires_at"] = 0
        print("OK", flush=True)
    import os
    os._exit(0)


http = make_server("127.0.0.1", 0, app, threaded=True)
PORT = http.server_port
save_stats()
print(f"PORT {PORT}", flush=True)
threading.Thread(target=commands, daemon=True).start()
http.serve_forever()
