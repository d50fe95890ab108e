// Export links follow the filters: after htmx swaps the results and pushes the new URL, each
// link of an export menu takes the page's query string (without the page number and the
// empty fields).
(function () {
  "use strict";
  function queryWithoutPage() {
    var params = new URLSearchParams();
    new URLSearchParams(window.location.search).forEach(function (value, key) {
      if (key !== "page" && value !== "") {
        params.append(key, value);
      }
    });
    var query = params.toString();
    return query ? "?" + query : "";
  }
  function refresh() {
    var query = queryWithoutPage();
    document.querySelectorAll("a[data-export-base]").forEach(function (link) {
      link.setAttribute("href", link.getAttribute("data-export-base") + query);
    });
  }
  document.addEventListener("htmx:pushedIntoHistory", refresh);
  document.addEventListener("htmx:historyRestore", refresh);
  window.addEventListener("popstate", refresh);
})();
