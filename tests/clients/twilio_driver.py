"""Drives phone-verify's Twilio Verify v2 API through Twilio's official
Python SDK (`twilio` from PyPI), with only the Verify base URL changed.

Usage: twilio_driver.py BASE_URL USERNAME PASSWORD ACCOUNT_SID SERVICE_SID
Reads one JSON operation per line on stdin and writes one JSON result per
line: {"ok": {...the resource...}} or {"error": {"status", "code",
"message", "class"}} as the SDK raised it.
"""
import json
import os
import sys

os.environ.pop("TWILIO_EDGE", None)
os.environ.pop("TWILIO_REGION", None)

from twilio.base.exceptions import TwilioRestException  # noqa: E402
from twilio.rest import Client  # noqa: E402

base, username, password, account_sid, service_sid = sys.argv[1:6]
client = Client(username, password, account_sid)
client.verify.base_url = base  # the one line an app changes
service = client.verify.v2.services(service_sid)

FIELDS = {
    "verification": ["sid", "service_sid", "account_sid", "to", "channel", "status", "valid",
                     "lookup", "amount", "payee", "send_code_attempts", "date_created",
                     "date_updated", "sna", "url"],
    "check": ["sid", "service_sid", "account_sid", "to", "channel", "status", "valid",
              "amount", "payee", "sna_attempts_error_codes", "date_created", "date_updated"],
    "service": ["sid", "account_sid", "friendly_name", "code_length", "lookup_enabled",
                "psd2_enabled", "skip_sms_to_landlines", "custom_code_enabled", "url", "links"],
}


def plain(value):
    """The SDK's values as JSON: its datetimes (parsed from our dates)
    become ISO strings, so a test sees that they were parsed."""
    if hasattr(value, "isoformat"):
        return {"datetime": value.isoformat()}
    return value


def run(op):
    kind = op["op"]
    if kind == "create":
        args = {k: v for k, v in op.items() if k != "op"}
        return "verification", service.verifications.create(**args)
    if kind == "fetch":
        return "verification", service.verifications(op["sid"]).fetch()
    if kind == "update":
        return "verification", service.verifications(op["sid"]).update(status=op["status"])
    if kind == "check":
        args = {k: v for k, v in op.items() if k != "op"}
        return "check", service.verification_checks.create(**args)
    if kind == "service":
        return "service", service.fetch()
    raise ValueError(f"unknown op {kind}")


for line in sys.stdin:
    op = json.loads(line)
    try:
        shape, resource = run(op)
        result = {"ok": {f: plain(getattr(resource, f)) for f in FIELDS[shape]}}
    except TwilioRestException as e:
        result = {"error": {"status": e.status, "code": e.code, "message": e.msg,
                            "class": type(e).__name__}}
    print(json.dumps(result), flush=True)
