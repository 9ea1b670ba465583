// Filters that apply themselves: ticking a box reloads the results at once, and the box keeps the keyboard focus
// after the reload, so a reader need not travel to the button and back. Without JavaScript the form's own button
// does the same. The tag finder narrows the long list of tags as the reader types.
(function () {
  "use strict";
  var FOCUS_KEY = "filters:focus";

  document.querySelectorAll("[data-auto-apply]").forEach(function (box) {
    var form = box.tagName === "FORM" ? box : box.closest("form");
    if (!form) {
      return;
    }
    // Say so before it happens (WCAG 3.2.2): a change of setting reloads the results.
    box.querySelectorAll("[data-auto-apply-hint]").forEach(function (hint) {
      hint.hidden = false;
    });
    box.addEventListener("change", function (event) {
      var target = event.target;
      if (target.type !== "checkbox" || !target.id) {
        return;
      }
      try {
        window.sessionStorage.setItem(FOCUS_KEY, target.id);
      } catch (error) {
        // Private mode without storage: the results still update, focus starts at the top.
      }
      form.requestSubmit ? form.requestSubmit() : form.submit();
    });
  });

  var focusId = null;
  try {
    focusId = window.sessionStorage.getItem(FOCUS_KEY);
    window.sessionStorage.removeItem(FOCUS_KEY);
  } catch (error) {
    focusId = null;
  }
  var again = focusId && document.getElementById(focusId);
  if (again) {
    var group = again.closest("details");
    while (group) {
      group.open = true;
      group = group.parentElement && group.parentElement.closest("details");
    }
    again.focus();
  }

  document.querySelectorAll("[data-tag-finder]").forEach(function (finder) {
    var field = finder.querySelector("[data-tag-finder-field]");
    var input = field && field.querySelector("input");
    var status = field && field.querySelector("[aria-live]");
    if (!input) {
      return;
    }
    field.hidden = false;
    var items = Array.prototype.slice.call(finder.querySelectorAll("li"));
    input.addEventListener("input", function () {
      var text = input.value.trim().toLowerCase();
      var shown = 0;
      items.forEach(function (item) {
        var match = !text || item.textContent.toLowerCase().indexOf(text) !== -1;
        item.hidden = !match;
        shown += match ? 1 : 0;
      });
      status.textContent = text ? shown + " " + status.getAttribute(shown === 1 ? "data-one" : "data-many") : "";
    });
    // Enter in the finder should not send the form with a half-typed word: it only narrows the list.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
      }
    });
  });
})();
