// Progressive enhancement for the timeline: filter in place by strand and
// person at once. Without JavaScript the page offers plain links to the
// per-strand and per-person timelines instead.
(function () {
  "use strict";
  var form = document.querySelector(".js-filter");
  if (!form) return;
  var strand = form.querySelector("#filter-strand");
  var person = form.querySelector("#filter-person");  // absent when a big case has too many people to list
  var count = form.querySelector(".filter-count");
  var events = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var years = Array.prototype.slice.call(document.querySelectorAll("section.year"));

  function apply() {
    var s = strand.value, p = person ? person.value : "", shown = 0;
    events.forEach(function (li) {
      var ok = (!s || li.dataset.topic === s) &&
               (!p || (" " + li.dataset.people + " ").indexOf(" " + p + " ") !== -1);
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    years.forEach(function (section) {
      section.hidden = !section.querySelector("li.event:not([hidden])");
    });
    count.textContent = (s || p) ? "Showing " + shown + " of " + events.length + " events." : "";
    var params = new URLSearchParams();
    if (s) params.set("strand", s);
    if (p) params.set("person", p);
    var query = params.toString();
    try { history.replaceState(null, "", query ? "?" + query : location.pathname); } catch (e) { /* file:// */ }
  }

  var initial = new URLSearchParams(location.search);
  if (initial.get("strand")) strand.value = initial.get("strand");
  if (person && initial.get("person")) person.value = initial.get("person");
  strand.addEventListener("change", apply);
  if (person) person.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  document.documentElement.classList.add("js-enabled");
  apply();
})();
