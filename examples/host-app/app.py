"""A tiny signup site that asks phone-verify to verify the user's phone.

It sends the browser to phone-verify with its client id, the exact
return URL it registered and a fresh `state`, then checks the signed token
that comes back with a standard JWT library (PyJWT): signature (HS256 with
the client secret), issuer, audience, expiry, the `state` it sent, and that
the token's `jti` was never used before.

    pip install pyjwt
    python app.py --phone-verify http://127.0.0.1:8080 --client-id acme \
        --secret "$ACME_SECRET" --port 5000

and register in phone-verify's CONFIG_FILE:

    [[clients]]
    id = "acme"
    name = "Acme"
    secret = "<the same secret, 32 bytes or more>"
    redirect_uris = ["http://127.0.0.1:5000/callback"]
"""

import argparse
import html
import http.server
import secrets
import sys
import threading
import urllib.parse

import jwt  # PyJWT

USED_TOKEN_IDS = set()
LOCK = threading.Lock()


def make_handler(args, base_url):
    callback = f"{base_url}/callback"

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *_):  # keep tokens out of the console
            pass

        def send_page(self, status, body, headers=()):
            data = f"<!doctype html><title>Acme signup</title><p>{body}</p>".encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(url.query)
            if url.path == "/":
                self.send_page(200, '<a href="/signup">Sign up with your phone</a>')
            elif url.path == "/signup":
                state = secrets.token_urlsafe(16)
                target = f"{args.phone_verify}/verify?" + urllib.parse.urlencode(
                    {"client_id": args.client_id, "return_to": callback, "state": state}
                )
                self.send_response(303)
                self.send_header("Location", target)
                self.send_header("Set-Cookie", f"signup_state={state}; HttpOnly; SameSite=Lax; Path=/")
                self.end_headers()
            elif url.path == "/callback":
                self.callback(query)
            else:
                self.send_page(404, "Not found")

        def callback(self, query):
            token = query.get("verification_token", [""])[0]
            state = query.get("state", [""])[0]
            cookies = dict(
                part.strip().split("=", 1)
                for part in self.headers.get("Cookie", "").split(";")
                if "=" in part
            )
            if not state or not secrets.compare_digest(state, cookies.get("signup_state", "")):
                return self.send_page(400, "Rejected: the state does not match this browser's signup.")
            try:
                claims = jwt.decode(
                    token,
                    args.secret,
                    algorithms=["HS256"],
                    audience=args.client_id,
                    issuer=args.phone_verify,
                    options={"require": ["exp", "iat", "jti", "sub", "aud", "iss"]},
                )
            except jwt.PyJWTError as error:
                return self.send_page(400, f"Rejected: {html.escape(str(error))}")
            if claims.get("phone_number_verified") is not True:
                return self.send_page(400, "Rejected: the number is not verified.")
            with LOCK:
                if claims["jti"] in USED_TOKEN_IDS:
                    return self.send_page(400, "Rejected: this token was already used.")
                USED_TOKEN_IDS.add(claims["jti"])
            phone = html.escape(claims["phone_number"])
            self.send_page(200, f"Welcome! Your phone {phone} is verified.")

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phone-verify", required=True, help="phone-verify's PUBLIC_URL")
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args()
    args.phone_verify = args.phone_verify.rstrip("/")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), None)
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    server.RequestHandlerClass = make_handler(args, base_url)
    print(f"host app listening on {base_url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
