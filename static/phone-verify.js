/* phone-verify.js: open phone-verify's flow from a host page.
 *
 *   <script src="https://verify.example/static/phone-verify.js"></script>
 *   PhoneVerify.open({clientId: "acme", returnTo: "https://acme.example/signup/phone",
 *                     state: "…", nonce: "…", lang: "es", phone: "+1…"})
 *     .then(function (token) { ... send it to your server, which validates it ... })
 *     .catch(function (e) { ... e.name === "AbortError": the person closed it ... });
 *
 * The flow opens in a modal dialog labelled in the flow's language (its
 * words come from /static/phone-verify-strings.js?lang=…, by <script src>).
 * Escape or the close button closes it (once a code was texted, after
 * asking); opened again with the same options in this page, it is where it
 * was. Only messages from phone-verify's origin and its frame are read.
 * Where the flow cannot be framed (no <dialog>: at once; the host's CSP or
 * the client's frame_ancestors refuse the frame: the dialog says so first)
 * the browser goes to the redirect flow, and the promise never settles: the
 * token comes back to returnTo. No dependency; no inline script or style
 * attribute: a strict CSP needs only script-src and frame-src for
 * phone-verify's origin. */
(function (global) {
  "use strict";
  var me = document.currentScript;
  var base = me && me.src ? me.src.replace(/\/static\/phone-verify\.js(?:[?#].*)?$/, "") : "";
  var origin = base ? new URL(base).origin : "";
  var current = null; // the flow on show
  var kept = null; // the flow of this page, shown or not
  var loaded = {}; // words by language asked
  var arrived = null;
  var EN = { lang: "en", dir: "ltr", label: "Verify your phone number", close: "Close", go: "Continue",
    refused: "This site can\u2019t show the verification inside its page. Continue to verify your number on a page of its own; you\u2019ll come back here afterwards.",
    leave: "We\u2019ve already texted you a code. Close the verification anyway?" };

  function flowUrl(o, embed) {
    var u = new URL(base + "/verify");
    var q = u.searchParams;
    q.set("client_id", o.clientId);
    q.set("return_to", o.returnTo);
    if (o.state != null) q.set("state", o.state);
    if (o.nonce != null) q.set("nonce", o.nonce);
    if (o.lang) q.set("lang", o.lang);
    if (o.phone) q.set("phone", o.phone);
    if (embed) q.set("embed", "1");
    return u.href;
  }

  function redirect(o) {
    global.location.assign(flowUrl(o, false));
    return new Promise(function () {});
  }

  // Styles through the CSSOM: a strict style-src allows them.
  function make(tag, props) {
    var el = document.createElement(tag);
    for (var k in props) el.style[k] = props[k];
    return el;
  }

  // The dialog's words in `lang`, once: English if they do not come.
  function words(lang, then) {
    if (loaded[lang]) return then(loaded[lang]);
    var s = document.createElement("script");
    var timer = setTimeout(function () { done(null); }, 3000);
    function done(w) {
      if (!s) return;
      clearTimeout(timer);
      s.remove();
      s = null;
      if (w) loaded[lang] = w;
      then(w || EN);
    }
    s.onload = function () { var w = arrived; arrived = null; done(w); };
    s.onerror = function () { done(null); };
    s.src = base + "/static/phone-verify-strings.js" + (lang ? "?lang=" + encodeURIComponent(lang) : "");
    document.head.appendChild(s);
  }

  function show(f, resolve, reject) {
    f.settle = { resolve: resolve, reject: reject };
    f.opener = document.activeElement;
    current = f;
    f.dialog.showModal();
    if (f.go) f.go.focus();
    else if (f.ready) into(f);
    else f.close.focus();
  }

  // The focus into the flow, onto its page's first field or error summary.
  function into(f) {
    f.frame.focus();
    f.frame.contentWindow.postMessage({ type: "phone-verify:focus" }, origin);
  }

  function hide(f, token) {
    var settle = f.settle;
    if (current !== f) return;
    current = null;
    f.settle = null;
    if (f.dialog.open) f.dialog.close();
    if (f.opener && f.opener.focus) f.opener.focus();
    if (token) settle.resolve(token);
    else settle.reject(new DOMException("The person closed phone-verify", "AbortError"));
  }

  // Closing: once a code was texted, only if the person says so. The flow
  // stays for this page, unless it is over.
  function ask(f) {
    if (f.sent && !f.go && !global.confirm(f.w.leave)) {
      if (f.ready) into(f);
      return;
    }
    hide(f);
  }

  function drop(f) {
    clearTimeout(f.timer);
    clearTimeout(f.grace);
    global.removeEventListener("message", f.onMessage);
    document.removeEventListener("securitypolicyviolation", f.onViolation);
    f.dialog.remove();
    if (kept === f) kept = null;
  }

  // The frame did not show the flow: say so, then go on to the redirect flow.
  function refused(f) {
    if (f.go || f.ready) return;
    clearTimeout(f.timer);
    clearTimeout(f.grace);
    var note = make("p", { margin: "0", padding: "0 24px", font: "16px/1.5 system-ui, sans-serif" });
    var go = make("button", { margin: "16px 24px", padding: "12px 20px", font: "600 16px system-ui, sans-serif",
      border: "0", borderRadius: "8px", background: "#1d5bd6", color: "#fff", cursor: "pointer" });
    note.id = "phone-verify-refused";
    note.setAttribute("role", "alert");
    note.textContent = f.w.refused;
    go.type = "button";
    go.textContent = f.w.go;
    go.addEventListener("click", function () { drop(f); redirect(f.o); });
    f.frame.replaceWith(note, go);
    f.dialog.setAttribute("aria-describedby", note.id);
    f.dialog.style.height = "auto";
    f.go = go;
    if (current === f) go.focus();
  }

  function build(o, key, w) {
    var f = { key: key, o: o, w: w, ready: false, sent: false };
    var dialog = f.dialog = make("dialog", {
      padding: "0", border: "0", borderRadius: "12px", overflow: "hidden", background: "#fff", color: "#1a1a1a",
      width: "min(440px, calc(100vw - 16px))", height: "min(700px, calc(100vh - 16px))",
      maxWidth: "100vw", maxHeight: "100vh", boxShadow: "0 8px 32px rgba(0,0,0,.35)"
    });
    var bar = make("div", { height: "44px", textAlign: "end" });
    var close = f.close = make("button", {
      width: "44px", height: "44px", font: "24px/1 system-ui, sans-serif", border: "0",
      background: "transparent", color: "#1a1a1a", cursor: "pointer"
    });
    var frame = f.frame = make("iframe", { border: "0", width: "100%", height: "calc(100% - 44px)", display: "block" });
    // Tab past the flow's last field comes back to the close button.
    var loop = document.createElement("span");
    dialog.lang = w.lang;
    dialog.dir = w.dir;
    dialog.setAttribute("aria-label", o.title || w.label);
    close.type = "button";
    close.textContent = "\u00d7";
    close.setAttribute("aria-label", o.closeLabel || w.close);
    frame.title = o.title || w.label;
    frame.src = key;
    frame.setAttribute("allow", "otp-credentials");
    loop.tabIndex = 0;
    loop.addEventListener("focus", function () { close.focus(); });
    bar.appendChild(close);
    dialog.append(bar, frame, loop);

    // A working network shows the flow's page, and its "ready", within a
    // second or two; a frame that loads without it was refused.
    f.timer = setTimeout(function () { refused(f); }, o.readyTimeout || 10000);
    frame.addEventListener("load", function () {
      if (!f.ready && !f.grace) f.grace = setTimeout(function () { refused(f); }, 1500);
    });
    f.onMessage = function (e) {
      if (e.origin !== origin || e.source !== frame.contentWindow || !e.data) return;
      var type = e.data.type;
      if (type === "phone-verify:ready") {
        f.ready = true;
        f.sent = f.sent || e.data.sent === true;
        clearTimeout(f.timer);
        clearTimeout(f.grace);
        if (current === f) into(f);
      } else if (type === "phone-verify:close") {
        if (current === f) ask(f);
      } else if (type === "phone-verify:verified" && typeof e.data.token === "string") {
        hide(f, e.data.token);
        drop(f);
      }
    };
    f.onViolation = function (e) {
      if (e.disposition !== "report" && /^(frame|child)-src/.test(e.violatedDirective) &&
          String(e.blockedURI).indexOf(origin) === 0) refused(f);
    };
    dialog.addEventListener("cancel", function (e) { e.preventDefault(); ask(f); });
    dialog.addEventListener("close", function () { hide(f); });
    close.addEventListener("click", function () { ask(f); });
    global.addEventListener("message", f.onMessage);
    document.addEventListener("securitypolicyviolation", f.onViolation);
    document.body.appendChild(dialog);
    return f;
  }

  function open(o) {
    o = o || {};
    if (!o.clientId || !o.returnTo || !base) {
      return Promise.reject(new TypeError("PhoneVerify.open needs clientId and returnTo, and phone-verify.js loaded by <script src>"));
    }
    // The flow tells only returnTo's origin: this page must be on it.
    if (new URL(o.returnTo, global.location.href).origin !== global.location.origin) {
      return Promise.reject(new TypeError("PhoneVerify.open: returnTo must be on this page's origin"));
    }
    if (o.redirect || typeof HTMLDialogElement !== "function") return redirect(o);
    if (current) return Promise.reject(new Error("phone-verify is already open"));
    var key = flowUrl(o, true);
    return new Promise(function (resolve, reject) {
      if (kept && kept.key === key) return show(kept, resolve, reject);
      if (kept) drop(kept);
      current = {}; // opening: a second call meanwhile is refused
      words(o.lang || "", function (w) {
        current = null;
        kept = build(o, key, w);
        show(kept, resolve, reject);
      });
    });
  }

  global.PhoneVerify = { open: open, _words: function (w) { arrived = w; } };
})(window);
