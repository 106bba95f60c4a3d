// Drives phone-verify's Twilio Verify v2 API through Twilio's official Node
// SDK (`twilio` from npm), with only the Verify base URL changed.
//
// Usage: node twilio_driver.js BASE_URL USERNAME PASSWORD ACCOUNT_SID SERVICE_SID
// (NODE_PATH points at the SDK's node_modules.) Reads one JSON operation per
// line on stdin, writes one JSON result per line, as twilio_driver.py does.
"use strict";
delete process.env.TWILIO_EDGE;
delete process.env.TWILIO_REGION;
const twilio = require("twilio");
const readline = require("readline");

const [base, username, password, accountSid, serviceSid] = process.argv.slice(2);
const client = twilio(username, password, { accountSid });
client.verify.baseUrl = base; // the one line an app changes
const service = client.verify.v2.services(serviceSid);

// The tests write parameters in snake_case (as the Python SDK takes them);
// the Node SDK takes camelCase, and its resources answer in camelCase.
const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const snake = (k) => k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());

function run(op) {
  const { op: kind, ...snakeArgs } = op;
  const args = {};
  for (const [k, v] of Object.entries(snakeArgs)) args[camel(k)] = v;
  switch (kind) {
    case "create": return service.verifications.create(args);
    case "fetch": return service.verifications(args.sid).fetch();
    case "update": return service.verifications(args.sid).update({ status: args.status });
    case "check": return service.verificationChecks.create(args);
    case "service": return service.fetch();
    default: return Promise.reject(new Error("unknown op " + kind));
  }
}

function plain(resource) {
  const out = {};
  for (const [k, v] of Object.entries(resource.toJSON())) {
    out[snake(k)] = v instanceof Date ? { datetime: v.toISOString() } : v;
  }
  return out;
}

const rl = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
rl.on("line", (line) => {
  const op = JSON.parse(line);
  queue = queue
    .then(() => run(op))
    .then(
      (resource) => ({ ok: plain(resource) }),
      (e) => ({ error: { status: e.status, code: e.code, message: e.message, class: e.constructor.name } })
    )
    .then((result) => process.stdout.write(JSON.stringify(result) + "\n"));
});
