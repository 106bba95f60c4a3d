"""Solves a phone-verify challenge with an independent ALTCHA proof-of-work
v2 implementation: the `altcha` package from PyPI.

Reads the JSON of `GET /challenge` on stdin and prints the base64 payload
for the form's `altcha` field, and on stderr the counter and the time taken.
"""
import json
import sys
import time

from altcha import Challenge, Payload, solve_challenge

challenge = Challenge.from_dict(json.load(sys.stdin))
started = time.monotonic()
solution = solve_challenge(challenge, timeout=60.0)
if solution is None:
    sys.exit("no solution within 60 s")
print(Payload(challenge, solution).to_base64())
print(
    f"counter {solution.counter} in {time.monotonic() - started:.3f} s",
    file=sys.stderr,
)
