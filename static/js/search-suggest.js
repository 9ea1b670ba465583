// Search-as-you-type: fills the search box's <datalist> with matching titles. The page works without it.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest-url]");
  if (!input || !window.fetch) {
    return;
  }
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  var latest = 0;

  function show(suggestions) {
    list.textContent = "";
    suggestions.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.title;
      list.appendChild(option);
    });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2) {
      show([]);
      return;
    }
    // Wait for a pause in typing, and ignore answers that arrive after a newer question.
    timer = window.setTimeout(function () {
      var asked = ++latest;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (body) { if (asked === latest) { show(body.suggestions || []); } })
        .catch(function () { show([]); });
    }, 150);
  });
})();
