// The practice form's "other organisations": a search box over the multi-select. The select
// stays in the form (hidden) and remains the one thing submitted, so the form works the same
// without JavaScript, where the full list shows instead. Suggestions come from the JSON
// endpoint named by the select's data-autocomplete-url; names are inserted as text, never as
// HTML.
(function () {
  "use strict";
  var select = document.querySelector("select[data-autocomplete-url]");
  if (!select || !window.fetch) {
    return;
  }
  var url = select.dataset.autocompleteUrl;
  var label = document.querySelector('label[for="' + select.id + '"]');

  var box = document.createElement("div");
  box.className = "organisation-picker";
  var chosen = document.createElement("ul");
  chosen.className = "list-inline mb-2";
  chosen.setAttribute("aria-live", "polite");
  var input = document.createElement("input");
  input.type = "search";
  input.className = "form-control";
  input.id = select.id + "-search";
  input.autocomplete = "off";
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", select.id + "-suggestions");
  if (select.getAttribute("aria-describedby")) {
    input.setAttribute("aria-describedby", select.getAttribute("aria-describedby"));
  }
  var list = document.createElement("ul");
  list.className = "list-group";
  list.id = select.id + "-suggestions";
  list.setAttribute("role", "listbox");
  box.appendChild(chosen);
  box.appendChild(input);
  box.appendChild(list);
  select.hidden = true;
  select.parentNode.insertBefore(box, select.nextSibling);
  if (label) {
    label.htmlFor = input.id;
  }

  function option(id) {
    return select.querySelector('option[value="' + String(id).replace(/"/g, "") + '"]');
  }

  function drawChosen() {
    chosen.textContent = "";
    Array.prototype.forEach.call(select.selectedOptions, function (opt) {
      var item = document.createElement("li");
      item.className = "list-inline-item";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-sm btn-outline-secondary";
      button.textContent = opt.textContent + " ×";
      button.setAttribute("aria-label", select.dataset.removeLabel + ": " + opt.textContent);
      button.addEventListener("click", function () {
        opt.selected = false;
        drawChosen();
        input.focus();
      });
      item.appendChild(button);
      chosen.appendChild(item);
    });
  }

  function drawSuggestions(results) {
    list.textContent = "";
    results.forEach(function (row) {
      var opt = option(row.id);
      if (!opt || opt.selected) {
        return;
      }
      var item = document.createElement("li");
      item.className = "list-group-item list-group-item-action";
      item.setAttribute("role", "option");
      item.tabIndex = 0;
      item.textContent = row.region ? row.name + " (" + row.region + ")" : row.name;
      function choose() {
        opt.selected = true;
        list.textContent = "";
        input.value = "";
        input.setAttribute("aria-expanded", "false");
        drawChosen();
        input.focus();
      }
      item.addEventListener("click", choose);
      item.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          choose();
        }
      });
      list.appendChild(item);
    });
    input.setAttribute("aria-expanded", list.children.length ? "true" : "false");
  }

  var pending = null;
  input.addEventListener("input", function () {
    var query = input.value.trim();
    window.clearTimeout(pending);
    if (query.length < 2) {
      drawSuggestions([]);
      return;
    }
    pending = window.setTimeout(function () {
      fetch(url + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { drawSuggestions(data.results || []); })
        .catch(function () { drawSuggestions([]); });
    }, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && list.firstChild) {
      event.preventDefault();
      list.firstChild.focus();
    } else if (event.key === "Enter") {
      event.preventDefault();  // never submit the form from the search box
    }
  });
  drawChosen();
})();
