// The comparison's region list: a search box that hides the regions (and countries) whose
// names do not contain what is typed. Without JavaScript the box stays hidden and every
// region is listed, grouped by country.
(function () {
  "use strict";
  var box = document.getElementById("region-filter");
  var groups = document.getElementById("region-groups");
  if (!box || !groups) {
    return;
  }
  box.closest(".region-filter").hidden = false;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  box.addEventListener("input", function () {
    var wanted = fold(box.value.trim());
    Array.prototype.forEach.call(groups.querySelectorAll(".region-group"), function (group) {
      var country = fold(group.querySelector("legend").textContent);
      var shown = 0;
      Array.prototype.forEach.call(group.querySelectorAll(".form-check"), function (row) {
        var input = row.querySelector("input");
        var match = !wanted || country.indexOf(wanted) !== -1 ||
          fold(row.textContent).indexOf(wanted) !== -1 || input.checked;
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      group.hidden = shown === 0;
    });
  });
})();
