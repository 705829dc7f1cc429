// Search with Pagefind (the index is built by `site-builder build`). The form is shown only when this
// script runs; from file://, where browsers refuse to load the index, the page says so instead of failing.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var root = form.getAttribute("data-root");
  var query = form.querySelector("#search-query");
  var menus = { strand: form.querySelector("#search-strand"), person: form.querySelector("#search-person"),
                kind: form.querySelector("#search-kind") };
  document.documentElement.classList.add("js-enabled");

  if (location.protocol === "file:") {
    status.textContent = "Search needs the site to be served by a web server: browsers do not let a page opened " +
      "from a file load the search index. Serve the folder (for example `python3 -m http.server`), or use the " +
      "timeline and who's who.";
    document.documentElement.classList.remove("js-enabled");  // keep the links to the timeline and who's who
    return;
  }

  var bundle = new URL(form.getAttribute("data-bundle") + "pagefind.js", document.baseURI).href;
  var pagefind = null, serial = 0, timer = null;

  // Pagefind's excerpt is HTML with <mark> around matches: keep only its text and the marks.
  function excerpt(html) {
    var p = document.createElement("p");
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.tagName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function show(items, total) {
    list.textContent = "";
    items.forEach(function (data) {
      var li = document.createElement("li");
      var kind = document.createElement("p");
      kind.className = "search-kind";
      kind.textContent = [data.meta.kind, data.meta.strand, data.meta.detail].filter(Boolean).join(" · ");
      var h = document.createElement("h2");
      var a = document.createElement("a");
      a.href = root + (data.meta.url || data.url).replace(/^\//, "");
      a.textContent = data.meta.title;
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(kind);
      li.appendChild(excerpt(data.excerpt));
      list.appendChild(li);
    });
    status.textContent = total === 0 ? "No results." :
      total + (total === 1 ? " result" : " results") + (total > items.length ? ", showing the first " + items.length : "") + ".";
  }

  function filters() {
    var out = {};
    Object.keys(menus).forEach(function (name) { if (menus[name].value) out[name] = menus[name].value; });
    return out;
  }

  function remember() {
    var params = new URLSearchParams();
    if (query.value.trim()) params.set("q", query.value.trim());
    Object.keys(menus).forEach(function (name) { if (menus[name].value) params.set(name, menus[name].value); });
    var q = params.toString();
    history.replaceState(null, "", q ? "?" + q : location.pathname);
  }

  function run() {
    remember();
    var term = query.value.trim(), chosen = filters(), mine = ++serial;
    if (!term && !Object.keys(chosen).length) { list.textContent = ""; status.textContent = ""; return; }
    status.textContent = "Searching…";
    load().then(function (pf) {
      return pf.search(term || null, { filters: chosen });
    }).then(function (search) {
      if (mine !== serial) return null;
      return Promise.all(search.results.slice(0, 30).map(function (r) { return r.data(); })).then(function (items) {
        if (mine === serial) show(items, search.results.length);
      });
    }).catch(function () {
      status.textContent = "Search could not load its index. Try the timeline and who's who instead.";
    });
  }

  function load() {
    if (!pagefind) {
      pagefind = import(bundle).then(function (pf) {
        return pf.options({ baseUrl: "/" }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  var initial = new URLSearchParams(location.search);
  query.value = initial.get("q") || "";
  Object.keys(menus).forEach(function (name) { if (initial.get(name)) menus[name].value = initial.get(name); });
  query.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  Object.keys(menus).forEach(function (name) { menus[name].addEventListener("change", run); });
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  form.hidden = false;
  run();
})();
