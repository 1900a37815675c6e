// Optional: fills the filters' name suggestions (their datalists) the first time a reader opens the
// filters or steps into one of their fields: one small cached request, instead of every name written into
// every page of the list. Without it any name typed still works, and a near miss is offered its match.
(function () {
  var form = document.querySelector("form[data-names]");
  if (!form || !window.fetch) return;
  var asked = false;
  function fill() {
    if (asked) return;
    asked = true;
    fetch(form.dataset.names, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (lists) {
        form.querySelectorAll("datalist").forEach(function (list) {
          var found = lists[list.id] || [];
          list.replaceChildren.apply(list, found.map(function (name) {
            var option = document.createElement("option");
            option.value = name;
            return option;
          }));
        });
      })
      .catch(function () { asked = false; });  // asked again at the next focus
  }
  form.addEventListener("focusin", fill);
  var filters = form.closest("details");
  if (filters) {
    filters.addEventListener("toggle", function () { if (filters.open) fill(); });
    if (filters.open) fill();
  }
})();
