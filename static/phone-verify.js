/* phone-verify.js: open phone-verify's flow from a host page.
 *
 *   <script src="https://verify.example/static/phone-verify.js"></script>
 *   PhoneVerify.open({clientId: "acme", returnTo: "https://acme.example/signup/phone",
 *                     state: "…", nonce: "…", lang: "es", phone: "+1…"})
 *     .then(function (token) { ... send it to your server, which validates it ... })
 *     .catch(function (e) { ... e.name === "AbortError": the person closed it ... });
 *
 * The flow opens in a modal dialog (the page behind it inert, Escape or the
 * close button closes it, focus goes back where it was). Only messages from
 * phone-verify's origin and its frame are read. Where the flow cannot be
 * framed (no <dialog>, the host's CSP forbids the frame, the client may not
 * frame it) the browser goes to the redirect flow instead, and the promise
 * never settles: the token comes back to returnTo. No dependency; no inline
 * script or style attribute, so a strict CSP needs only
 * script-src and frame-src for phone-verify's origin. */
(function (global) {
  "use strict";
  var me = document.currentScript;
  var base = me && me.src ? me.src.replace(/\/static\/phone-verify\.js(?:[?#].*)?$/, "") : "";
  var origin = base ? new URL(base).origin : "";
  var current = null;

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
  function style(el, props) {
    for (var k in props) el.style[k] = props[k];
  }

  function closed() {
    return new DOMException("The person closed phone-verify", "AbortError");
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
    var label = o.title || "Verify your phone number";
    var dialog = document.createElement("dialog");
    var bar = document.createElement("div");
    var close = document.createElement("button");
    var frame = document.createElement("iframe");
    var opener = document.activeElement;
    dialog.setAttribute("aria-label", label);
    style(dialog, {
      padding: "0", border: "0", borderRadius: "12px", overflow: "hidden",
      width: "min(440px, calc(100vw - 16px))", height: "min(700px, calc(100vh - 16px))",
      maxWidth: "100vw", maxHeight: "100vh", boxShadow: "0 8px 32px rgba(0,0,0,.35)"
    });
    close.type = "button";
    close.textContent = "\u00d7";
    close.setAttribute("aria-label", o.closeLabel || "Close");
    style(bar, { height: "44px", textAlign: "end", background: "#fff" });
    style(close, {
      width: "44px", height: "44px", font: "24px/1 system-ui, sans-serif", border: "0",
      background: "transparent", color: "#1a1a1a", cursor: "pointer"
    });
    frame.title = label;
    frame.src = flowUrl(o, true);
    frame.setAttribute("allow", "otp-credentials");
    style(frame, { border: "0", width: "100%", height: "calc(100% - 44px)", display: "block" });
    bar.appendChild(close);
    dialog.appendChild(bar);
    dialog.appendChild(frame);

    return new Promise(function (resolve, reject) {
      var ready = false;
      var timer = setTimeout(function () {
        if (!ready) { finish(); redirect(o); }
      }, o.readyTimeout || 10000);
      function finish() {
        clearTimeout(timer);
        global.removeEventListener("message", onMessage);
        document.removeEventListener("securitypolicyviolation", onViolation);
        if (dialog.open) dialog.close();
        dialog.remove();
        current = null;
        if (opener && opener.focus) opener.focus();
      }
      function cancel() { finish(); reject(closed()); }
      function onMessage(e) {
        if (e.origin !== origin || e.source !== frame.contentWindow || !e.data) return;
        var type = e.data.type;
        if (type === "phone-verify:ready") {
          ready = true;
          clearTimeout(timer);
          if (document.activeElement === close || document.activeElement === dialog) frame.focus();
        } else if (type === "phone-verify:close") {
          cancel();
        } else if (type === "phone-verify:verified" && typeof e.data.token === "string") {
          finish();
          resolve(e.data.token);
        }
      }
      function onViolation(e) {
        if (e.disposition !== "report" && /^(frame|child)-src/.test(e.violatedDirective) &&
            String(e.blockedURI).indexOf(origin) === 0) {
          finish();
          redirect(o);
        }
      }
      dialog.addEventListener("cancel", function (e) { e.preventDefault(); cancel(); });
      dialog.addEventListener("close", function () { if (current === dialog) cancel(); });
      close.addEventListener("click", cancel);
      global.addEventListener("message", onMessage);
      document.addEventListener("securitypolicyviolation", onViolation);
      document.body.appendChild(dialog);
      current = dialog;
      dialog.showModal();
      close.focus();
    });
  }

  global.PhoneVerify = { open: open };
})(window);
