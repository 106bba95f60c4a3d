"""A webhook receiver as an integrator writes one: every request is checked
with the `standardwebhooks` package from PyPI, and one JSON line per request
is appended to --log: {"verified", "error", "webhook_id", "received",
"payload"}. It answers --status (default 204) to requests that verify and
400 to those that do not; `ready <port>` on stdout once it listens."""
import argparse
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--secret", required=True)
parser.add_argument("--log", required=True)
parser.add_argument("--status", type=int, default=204)
parser.add_argument("--delay", type=float, default=0, help="seconds to wait before answering")
args = parser.parse_args()
webhook = Webhook(args.secret)


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        record = {"webhook_id": self.headers.get("webhook-id"), "received": time.time()}
        try:
            record["payload"] = webhook.verify(body, dict(self.headers.items()))
            record["verified"] = True
            status = args.status
        except WebhookVerificationError as e:
            record["verified"] = False
            record["error"] = str(e)
            record["payload"] = json.loads(body or b"null")
            status = 400
        with open(args.log, "a", encoding="utf-8") as log:
            log.write(json.dumps(record) + "\n")
        time.sleep(args.delay)
        self.send_response(status)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *_):
        pass


server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
print(f"ready {args.port}", flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    sys.exit(0)
