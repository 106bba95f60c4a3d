// Validates a phone-verify token on your server, with `jose` from npm:
//   npm install jose
//   node validate.mjs --secret "$CLIENT_SECRET" --issuer https://verify.example \
//        --audience acme [--nonce N] TOKEN
// Prints the verified number and the token's id (remember the id: a token
// is used once); exits 1 when the token is not valid.
import { jwtVerify } from "jose";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  options: { secret: { type: "string" }, issuer: { type: "string" },
             audience: { type: "string" }, nonce: { type: "string" } },
  allowPositionals: true,
});
try {
  const { payload } = await jwtVerify(positionals[0], new TextEncoder().encode(values.secret), {
    algorithms: ["HS256"], issuer: values.issuer, audience: values.audience,
    requiredClaims: ["exp", "iat", "jti", "phone_number"],
  });
  if (values.nonce !== undefined && payload.nonce !== values.nonce) throw new Error("nonce mismatch");
  if (payload.phone_number_verified !== true) throw new Error("number not verified");
  console.log(JSON.stringify({ phone_number: payload.phone_number, jti: payload.jti }));
} catch (e) {
  console.error(`invalid token: ${e.message}`);
  process.exit(1);
}
