// phone-verify, code step: small progressive enhancements. The page works
// without any of this.
(function () {
  "use strict";
  var input = document.getElementById("code");
  var form = input && input.form;

  // Pasting "123 456" or "123-456" keeps only the digits (any script), so
  // maxlength does not cut a formatted code short.
  if (input) {
    var digitsOnly = function (text) {
      return (text.match(/\p{Nd}/gu) || []).join("").slice(0, input.maxLength > 0 ? input.maxLength : undefined);
    };
    input.addEventListener("paste", function (event) {
      var text = (event.clipboardData || window.clipboardData).getData("text");
      if (!text) return;
      event.preventDefault();
      input.value = digitsOnly(text);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    input.addEventListener("input", function () {
      var clean = digitsOnly(input.value);
      if (clean !== input.value) input.value = clean;
    });
  }

  // A live countdown to the next resend, from the server's own figure.
  var timer = document.getElementById("resend-timer");
  var wait = document.getElementById("resend-wait");
  var resend = document.getElementById("resend-button");
  if (timer && wait) {
    var left = parseInt(timer.getAttribute("data-seconds"), 10) || 0;
    if (resend && left > 0) resend.disabled = true;
    var tick = function () {
      left -= 1;
      if (left <= 0) {
        wait.textContent = wait.getAttribute("data-ready");
        if (resend) resend.disabled = false;
        return;
      }
      var s = left % 60;
      timer.textContent = Math.floor(left / 60) + ":" + (s < 10 ? "0" : "") + s;
      window.setTimeout(tick, 1000);
    };
    if (left > 0) window.setTimeout(tick, 1000);
  }

  // WebOTP: where the browser reads the SMS's "@host #code" line, fill the
  // code in and submit it.
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
