// phone-verify: the proof-of-work check (ALTCHA proof-of-work v2). Fetches
// a challenge for this page, finds its counter in Web Workers (PBKDF2-SHA-256
// through WebCrypto) and puts the payload in the form's `altcha` field.
// Nothing for the person to do; a status line says what is happening.
(function () {
  "use strict";
  var box = document.querySelector(".bot-check");
  if (!box) return;
  var form = box.closest("form");
  var field = box.querySelector("input[name=altcha]");
  var status = box.querySelector(".bot-check-status");
  var ttl = (parseInt(box.getAttribute("data-ttl"), 10) || 300) * 1000;
  // The page's notice is true without script; with it, the form goes on by itself.
  var notice = document.getElementById("bot-check-notice");
  if (notice && notice.hasAttribute("data-scripted")) notice.textContent = notice.getAttribute("data-scripted");
  var state = "idle"; // idle, working, done, failed, sent
  var wanted = box.hasAttribute("data-resubmit"); // send the form once solved
  var workers = [];
  var usableUntil = 0;
  var timer = 0;

  function say(what) {
    status.textContent = box.getAttribute("data-" + what) || "";
  }
  function stop() {
    workers.forEach(function (w) { w.terminate(); });
    workers = [];
    window.clearTimeout(timer);
  }
  function fail() {
    stop();
    state = "failed";
    field.value = "";
    say("failed");
  }
  function send() {
    wanted = false;
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }
  function run(challenge, fetchedAt) {
    var p = challenge.parameters;
    var n = Math.max(1, Math.min(navigator.hardwareConcurrency || 1, 8));
    var exhausted = 0;
    // Past the challenge's own life a solution is no use.
    timer = window.setTimeout(fail, Math.max(20000, ttl - 10000));
    for (var i = 0; i < n; i++) {
      var w = new Worker("/static/challenge-worker.js");
      w.onmessage = function (e) {
        if (state !== "working") return;
        if (!e.data || !e.data.found) {
          if (++exhausted === n) fail();
          return;
        }
        stop();
        field.value = btoa(JSON.stringify({
          challenge: { parameters: p, signature: challenge.signature },
          solution: { counter: e.data.counter, derivedKey: e.data.key, time: Date.now() - fetchedAt }
        }));
        // Our own clock, not the server's: a little before it expires.
        usableUntil = fetchedAt + ttl - 10000;
        state = "done";
        say("done");
        if (wanted) send();
      };
      w.onerror = fail;
      workers.push(w);
      w.postMessage({ nonce: p.nonce, salt: p.salt, cost: p.cost, keyLength: p.keyLength,
                      keyPrefix: p.keyPrefix, start: i, step: n });
    }
  }
  function solve() {
    if (state === "working") return;
    state = "working";
    field.value = "";
    say("working");
    var fetchedAt = Date.now();
    fetch(box.getAttribute("data-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("challenge " + r.status);
        return r.json();
      })
      .then(function (challenge) { run(challenge, fetchedAt); })
      .catch(fail);
  }

  var resolved = false; // a solution that went stale is solved again once
  form.addEventListener("submit", function (event) {
    if (state === "sent") {
      event.preventDefault(); // already on its way: never the same payload twice
      return;
    }
    if (state === "done" && (Date.now() < usableUntil || resolved)) {
      state = "sent";
      return;
    }
    event.preventDefault();
    wanted = true;
    if (state === "done") resolved = true;
    if (state !== "working") {
      state = "idle";
      solve();
    }
  });
  // Back to this page from the next one (the browser's page cache): start
  // afresh, its payload was spent.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted || state !== "sent") return;
    state = "idle";
    wanted = false;
    resolved = false;
    field.value = "";
    say("");
    if (box.getAttribute("data-start") === "load") solve();
  });
  if (box.getAttribute("data-start") === "load") solve();
})();
