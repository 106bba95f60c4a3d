// In an app's iframe: tell the framing page (only its registered origin)
// that the flow shows (and whether a code was texted), that Escape was
// pressed, and the signed proof; put the focus on the page's first field,
// or what the page put first (its error summary), whenever it loads or the
// framing page hands it the focus.
(function () {
  "use strict";
  var origin = document.body.getAttribute("data-parent");
  if (!origin || window.parent === window) return;
  function tell(m) { window.parent.postMessage(m, origin); }
  function focus() {
    var el = document.querySelector("main [autofocus]") ||
      document.querySelector("main input:not([type=hidden]), main select, main button");
    if (el) el.focus();
  }
  focus();
  tell({ type: "phone-verify:ready", sent: location.pathname === "/verify/code" });
  window.addEventListener("message", function (e) {
    if (e.source === window.parent && e.origin === origin && e.data && e.data.type === "phone-verify:focus") focus();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !e.defaultPrevented) tell({ type: "phone-verify:close" });
  });
  var el = document.getElementById("handoff");
  var token = el && el.getAttribute("data-token");
  if (token) tell({ type: "phone-verify:verified", token: token });
})();
