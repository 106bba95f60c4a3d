// phone-verify, the phone and code steps: small progressive enhancements.
// The page works without any of this.
(function () {
  "use strict";
  // An error summary (or an error page), or else a warning (the code
  // expired while the person was away), takes the focus, so a screen
  // reader reads what went wrong first.
  var summary =
    document.getElementById("problem-summary") || document.getElementById("warning-notice");
  if (summary && document.activeElement !== summary) summary.focus();

  var input = document.getElementById("code");
  var form = input && input.form;

  // Pasting "123 456" keeps the digits (any script); the whole text, its
  // code (the WebOTP line's, else its one run of the code's length, as the
  // server reads it); else the paste is left be.
  if (input) {
    var len = +input.getAttribute("data-length");
    var codeIn = function (text) {
      if (!/\p{L}/u.test(text)) return (text.match(/\p{Nd}/gu) || []).join("");
      var fits = function (run) { return run && Array.from(run).length === len; };
      var otp = text.match(/@\S+\s+#(\p{Nd}+)\s*$/u);
      if (otp && fits(otp[1])) return otp[1];
      var runs = (text.match(/\p{Nd}+/gu) || []).filter(fits);
      return runs.length && runs.every(function (r) { return r === runs[0]; }) ? runs[0] : null;
    };
    input.addEventListener("paste", function (event) {
      var code = codeIn((event.clipboardData || window.clipboardData).getData("text") || "");
      if (!code) return;
      event.preventDefault();
      input.value = code;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  // A countdown to the next resend, from the server's figure, not announced
  // (it would talk every second); "You can ask … now" is, once. The button,
  // described by it, stays in the Tab order (aria-disabled) doing nothing.
  var wait = document.getElementById("resend-wait");
  var ready = document.getElementById("resend-ready");
  var resend = document.getElementById("resend-button");
  if (wait) {
    var left = parseInt(wait.getAttribute("data-seconds"), 10) || 0;
    var pattern = wait.getAttribute("data-countdown") || "";
    var show = function () {
      var s = left % 60;
      wait.textContent = pattern.replace("{time}", Math.floor(left / 60) + ":" + (s < 10 ? "0" : "") + s);
    };
    var early = function (event) {
      if (resend.getAttribute("aria-disabled") === "true") event.preventDefault();
    };
    if (left > 0) {
      show();
      if (resend) {
        resend.setAttribute("aria-disabled", "true");
        resend.addEventListener("click", early);
      }
      var tick = function () {
        left -= 1;
        if (left > 0) {
          show();
          window.setTimeout(tick, 1000);
          return;
        }
        var text = ready ? ready.getAttribute("data-ready") : "";
        wait.textContent = text;
        if (ready) ready.textContent = text;
        if (resend) resend.removeAttribute("aria-disabled");
      };
      window.setTimeout(tick, 1000);
    }
  }

  // WebOTP: where the browser reads the text's "@host #code" line, fill
  // the code in and submit.
  if (input && form && "OTPCredential" in window && navigator.credentials) {
    var abort = new AbortController();
    form.addEventListener("submit", function () { abort.abort(); });
    navigator.credentials
      .get({ otp: { transport: ["sms"] }, signal: abort.signal })
      .then(function (otp) {
        if (otp && otp.code) {
          input.value = otp.code;
          if (form.requestSubmit) form.requestSubmit(); else form.submit();
        }
      })
      .catch(function () { /* dismissed, unsupported or aborted: the person types it */ });
  }
})();
