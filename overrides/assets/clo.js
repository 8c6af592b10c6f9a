/* Progressive enhancement only: every page reads fully without this file, which
   is added to a page once its first paint is done (overrides/main.html, "later").
   1. Review status: a static page does not change by itself, so when it is
      read later than it was built, work the status out again from today.
   2. Age filter on the offer overview: show only entries for one age.
   3. Keyboard: Material's menu button (a <label> for its drawer checkbox)
      becomes a real button, Escape closes the menu, and so do the labels
      that open a section of the menu and go back from it (Material's own
      script, which made them work from the keyboard, is not loaded: see
      overrides/main.html).
   4. Search: the header's search button (hidden without JavaScript, as
      search needs it) becomes a link to the search page.
   5. Offline: once the page has loaded (so the first paint is unchanged), the
      service worker (sw.js, named by the manifest link) is registered; it saves
      the offer for reading with no connection.
   Every word shown comes from the page (#clo-words, from macros/words/). */
(function () {
  "use strict";

  // The words of a JSON island on the page (from macros/words/), as a function that
  // gives the words for a key, placeholders filled in; a plural entry is chosen by
  // values.count. Shared with clo-search.js as window.cloWords.
  function wordsFrom(id) {
    var node = document.getElementById(id);
    var words = {};
    try { words = node ? JSON.parse(node.textContent) : {}; } catch (error) { words = {}; }
    var plurals = new Intl.PluralRules(document.documentElement.lang);
    return function (key, values) {
      values = values || {};
      var entry = words[key];
      if (entry && typeof entry === "object") { entry = entry[plurals.select(values.count)] || entry.other; }
      return String(entry || "").replace(/\{(\w+)\}/g, function (all, name) {
        return name in values ? String(values[name]) : all;
      });
    };
  }
  window.cloWords = wordsFrom;

  var say = wordsFrom("clo-words");
  var DAY = 24 * 60 * 60 * 1000;

  function todayUtc() {
    var now = new Date();
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  }

  function reviewState(dueIso, soonDays, today) {
    var parts = dueIso.split("-");
    var due = Date.UTC(+parts[0], +parts[1] - 1, +parts[2]);
    if (today > due) { return "overdue"; } // as macros/render/templates/overdue-check.html
    if ((due - today) / DAY <= soonDays) { return "due_soon"; }
    return "current";
  }

  function updateReviews() {
    var today = todayUtc();
    var nodes = document.querySelectorAll("[data-clo-review-due]");
    Array.prototype.forEach.call(nodes, function (node) {
      var state = reviewState(node.getAttribute("data-clo-review-due"),
        +node.getAttribute("data-clo-review-soon"), today);
      var status = node.classList.contains("clo-review__status")
        ? node : node.querySelector(".clo-review__status");
      node.className = node.className.replace(/clo-review--\w+/g, "clo-review--" + state);
      if (status) { status.textContent = say("review." + state); }
      // A section's overdue notices are shown before the first paint, by the script
      // right after each (macros/render/templates/overdue-check.html).
    });
  }

  function setUpAgeFilter() {
    var form = document.querySelector("[data-clo-age-filter]");
    if (!form) { return; }
    var select = form.querySelector("select");
    var result = form.querySelector("[data-clo-age-result]");
    var sections = document.querySelectorAll("[data-clo-overview-section]");
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    select.addEventListener("change", function () {
      var age = select.value === "" ? null : +select.value;
      var shown = 0;
      Array.prototype.forEach.call(sections, function (section) {
        var counts = section.getAttribute("data-clo-age-counts");
        if (counts !== null) {
          // A large offer's overview: a section's count of entries for each age.
          var count = section.querySelector("[data-clo-count]");
          var forAge = age === null ? null : +counts.split(" ")[select.selectedIndex - 1];
          if (count && count.getAttribute("data-clo-all") === null) {
            count.setAttribute("data-clo-all", count.textContent);
          }
          if (count) {
            count.textContent = forAge === null ? count.getAttribute("data-clo-all")
              : say("overview.entry_count", { count: forAge });
          }
          section.hidden = forAge === 0;
          shown += forAge || 0;
          return;
        }
        var items = section.querySelectorAll("[data-clo-age-from]");
        var visible = 0;
        Array.prototype.forEach.call(items, function (item) {
          // An empty bound is no limit: no ages is any age, no upper age is "and over".
          var from = item.getAttribute("data-clo-age-from");
          var to = item.getAttribute("data-clo-age-to");
          var fits = age === null || ((from === "" || age >= +from) && (to === "" || age <= +to));
          item.hidden = !fits;
          if (fits) { visible += 1; }
        });
        section.hidden = visible === 0;
        shown += visible;
      });
      result.textContent = age === null ? "" :
        say("overview.showing", { count: shown, age: age });
    });
  }

  function setUpMenuButton() {
    // Material's menu button is a <label> for a hidden checkbox: it works
    // with a mouse or finger, also without JavaScript, but a keyboard never
    // reaches it. Swap it for a real button that ticks the same checkbox.
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label[for="__drawer"]');
    if (!toggle || !label) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon clo-menu-button";
    button.setAttribute("aria-label", say("menu.button"));
    button.innerHTML = label.innerHTML;
    label.parentNode.replaceChild(button, label);
    function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    sync();
    toggle.addEventListener("change", sync);
    button.addEventListener("click", function () { toggle.click(); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        toggle.click();
        button.focus();
      }
    });
  }

  function setUpMenuSections() {
    // A section of the menu opens with a <label> for a hidden checkbox, and
    // on a phone the title of the panel it opens goes back up; so do the
    // page's contents in the menu. A mouse or a finger can use a label, but
    // to a keyboard or a screen reader it is no control: each becomes a real
    // button that ticks the same checkbox. One that opens says whether it is
    // open; a title says it goes back. The button keeps the label's "for",
    // which Material's stylesheet places these by (a button ignores it), and
    // its id, which names the section's menu.
    var narrow = window.matchMedia("(max-width: 76.234375em)");
    var labels = document.querySelectorAll('.md-nav--primary label[for]:not([for="__drawer"])');
    Array.prototype.forEach.call(labels, function (label) {
      var toggle = document.getElementById(label.htmlFor);
      if (!toggle) { return; }
      var item = toggle.parentNode;
      var back = label.classList.contains("md-nav__title");
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className + " clo-menu-toggle";
      button.setAttribute("for", label.htmlFor);
      if (label.id) { button.id = label.id; }
      button.innerHTML = label.innerHTML;
      var words = label.textContent.replace(/\s+/g, " ").trim();
      if (back) {
        button.setAttribute("aria-label", say("menu.back", { title: words }));
      } else if (label.htmlFor === "__toc") {
        button.setAttribute("aria-label", say("menu.page_contents", { page: words }));
      }
      label.parentNode.replaceChild(button, label);
      function sync() {
        if (!back) { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
      }
      sync();
      toggle.addEventListener("change", sync);
      button.addEventListener("click", function () {
        toggle.click();
        var next = null;
        if (back) {
          // Back up: to what opened this panel.
          next = item.querySelector(':scope > .md-nav__link[for="' + label.htmlFor + '"], ' +
            ':scope > .md-nav__container > .md-nav__link[for="' + label.htmlFor + '"]');
        } else if (toggle.checked && narrow.matches) {
          // On a phone the panel covers what opened it: into the panel.
          next = item.querySelector(":scope > .md-nav > .md-nav__title");
        }
        if (next) { setTimeout(function () { next.focus(); }, 0); }
      });
    });
  }

  // Material's magnify icon: the header has no search button of its own since the
  // site writes its own search index instead of Material's search plugin.
  var SEARCH_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
    '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';

  function setUpSearchLink() {
    var header = document.querySelector(".md-header__inner");
    var page = document.querySelector("[data-clo-search-page]");
    if (!header || !page || header.querySelector(".clo-search-link")) { return; }
    var link = document.createElement("a");
    link.className = "md-header__button md-icon clo-search-link";
    link.href = page.getAttribute("href");
    link.setAttribute("aria-label", say("menu.search_link"));
    link.innerHTML = SEARCH_ICON;
    var label = header.querySelector('label[for="__search"]');
    if (label) {
      label.parentNode.replaceChild(link, label);
    } else {
      header.insertBefore(link, header.querySelector(".md-header__source"));
    }
  }

  function registerServiceWorker() {
    var link = document.querySelector("link[data-clo-service-worker]");
    if (!link || !("serviceWorker" in navigator)) { return; }
    function register() {
      // updateViaCache "none": a new publish is found on the next visit, whatever the
      // HTTP cache holds.
      navigator.serviceWorker.register(link.getAttribute("data-clo-service-worker"),
        { updateViaCache: "none" }).catch(function () {});
    }
    if (document.readyState === "complete") {
      register();
    } else {
      window.addEventListener("load", register);
    }
  }

  function start() {
    updateReviews();
    setUpAgeFilter();
    setUpMenuButton();
    setUpMenuSections();
    setUpSearchLink();
    registerServiceWorker();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
