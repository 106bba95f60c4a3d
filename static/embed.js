// In an app's iframe: tell the framing page (only its registered origin)
// that the flow shows, that Escape was pressed, and the signed proof.
(function () {
  "use strict";
  var origin = document.body.getAttribute("data-parent");
  if (!origin || window.parent === window) return;
  function tell(m) { window.parent.postMessage(m, origin); }
  tell({ type: "phone-verify:ready" });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !e.defaultPrevented) tell({ type: "phone-verify:close" });
  });
  var el = document.getElementById("handoff");
  var token = el && el.getAttribute("data-token");
  if (token) tell({ type: "phone-verify:verified", token: token });
})();
