"""Validates a phone-verify token on your server, with PyJWT:
    pip install pyjwt
    python validate.py --secret "$CLIENT_SECRET" --issuer https://verify.example \\
        --audience acme [--nonce N] TOKEN
Prints the verified number and the token's id (remember the id: a token is
used once); exits 1 when the token is not valid."""
import argparse
import json
import sys

import jwt

parser = argparse.ArgumentParser()
for name in ("--secret", "--issuer", "--audience"):
    parser.add_argument(name, required=True)
parser.add_argument("--nonce")
parser.add_argument("token")
args = parser.parse_args()
try:
    claims = jwt.decode(
        args.token, args.secret, algorithms=["HS256"], issuer=args.issuer,
        audience=args.audience, options={"require": ["exp", "iat", "jti", "phone_number"]},
    )
    if args.nonce is not None and claims.get("nonce") != args.nonce:
        raise jwt.InvalidTokenError("nonce mismatch")
    if claims.get("phone_number_verified") is not True:
        raise jwt.InvalidTokenError("number not verified")
except jwt.InvalidTokenError as e:
    print(f"invalid token: {e}", file=sys.stderr)
    sys.exit(1)
print(json.dumps({"phone_number": claims["phone_number"], "jti": claims["jti"]}))
