// phone-verify: one worker of the proof-of-work check. Tries the counters
// start, start + step, … until the PBKDF2-SHA-256 key of nonce ‖ counter
// (a big-endian u32) starts with the challenge's key prefix.
self.onmessage = function (e) {
  "use strict";
  var m = e.data;
  var subtle = self.crypto && self.crypto.subtle;
  if (!subtle) { self.postMessage({ found: false }); return; }
  function bytes(hex) {
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
    return out;
  }
  function hex(buffer) {
    var b = new Uint8Array(buffer), s = "";
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
    return s;
  }
  var nonce = bytes(m.nonce);
  var salt = bytes(m.salt);
  var prefix = String(m.keyPrefix).toLowerCase();
  var password = new Uint8Array(nonce.length + 4);
  password.set(nonce);
  var view = new DataView(password.buffer);
  var counter = m.start;
  function next() {
    if (counter > 0xffffffff) { self.postMessage({ found: false }); return; }
    view.setUint32(nonce.length, counter);
    subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"])
      .then(function (key) {
        return subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: salt, iterations: m.cost },
                                 key, m.keyLength * 8);
      })
      .then(function (bits) {
        var key = hex(bits);
        if (key.lastIndexOf(prefix, 0) === 0) {
          self.postMessage({ found: true, counter: counter, key: key });
          return;
        }
        counter += m.step;
        next();
      })
      .catch(function () { self.postMessage({ found: false }); });
  }
  next();
};
