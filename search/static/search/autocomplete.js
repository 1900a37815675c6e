// Optional: suggests names of people, offices and places in the search box's datalist.
// The search page works the same without it.
(function () {
  var input = document.querySelector("input[data-autocomplete]");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(function () {
      fetch(input.dataset.autocomplete + "?q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) {
          list.replaceChildren.apply(list, data.results.map(function (item) {
            var option = document.createElement("option");
            option.value = item.label;
            // On Urdu pages the label is already the Urdu name: say it once.
            var other = item.label_ur && item.label_ur !== item.label ? " · " + item.label_ur : "";
            option.label = item.kind_label + other;
            return option;
          }));
        })
        .catch(function () {});
    }, 200);
  });
})();
