// Behaviour shared by every page. No inline scripts: the Content Security Policy forbids them.
(function () {
  "use strict";
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    if (token) {
      event.detail.headers["X-CSRFToken"] = token.content;
    }
  });

  // Facets are re-rendered after each change; put keyboard focus back where it was.
  var lastFocusedId = null;
  document.addEventListener("htmx:beforeSwap", function () {
    var active = document.activeElement;
    lastFocusedId = active && active.id ? active.id : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!lastFocusedId) {
      return;
    }
    var element = document.getElementById(lastFocusedId);
    if (element && document.activeElement !== element) {
      element.focus({ preventScroll: true });
    }
  });
})();
