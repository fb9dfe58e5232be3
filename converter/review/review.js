(function () {
  "use strict";
  var notes = Array.prototype.slice.call(document.querySelectorAll("article.note"));
  var buttons = Array.prototype.slice.call(document.querySelectorAll(".toolbar button[data-filter]"));
  var shown = document.getElementById("shown");
  function apply(filter) {
    var count = 0;
    notes.forEach(function (note) {
      var visible = filter === "all" || note.getAttribute("data-" + filter) === "true";
      note.hidden = !visible;
      if (visible) { count += 1; }
    });
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-filter") === filter));
    });
    shown.textContent = "showing " + count + " of " + notes.length + " notes";
    document.body.setAttribute("data-filter", filter);
  }
  buttons.forEach(function (button) {
    button.addEventListener("click", function () { apply(button.getAttribute("data-filter")); });
  });
  // Pointing at a citation's row outlines the parts of the note text it was read from.
  document.querySelectorAll("tr[data-cite]").forEach(function (row) {
    var note = row.closest("article.note");
    function marks() {
      return Array.prototype.filter.call(note.querySelectorAll("mark.hl"), function (mark) {
        return (" " + mark.getAttribute("data-cite") + " ").indexOf(" " + row.getAttribute("data-cite") + " ") >= 0;
      });
    }
    row.addEventListener("mouseenter", function () { marks().forEach(function (m) { m.classList.add("focus"); }); });
    row.addEventListener("mouseleave", function () { marks().forEach(function (m) { m.classList.remove("focus"); }); });
  });
  var wanted = /^#filter=(all|archival|low|unresolved)$/.exec(window.location.hash);
  apply(wanted ? wanted[1] : "all");
}());
