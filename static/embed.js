// phone-verify, inside an app's iframe: hand the signed proof to the parent
// page, and only to the origin the app registered (never a wildcard).
(function () {
  "use strict";
  var el = document.getElementById("handoff");
  if (!el || window.parent === window) return;
  var origin = el.getAttribute("data-origin");
  var token = el.getAttribute("data-token");
  if (!origin || !token) return;
  window.parent.postMessage({ type: "phone-verify:verified", token: token }, origin);
})();
