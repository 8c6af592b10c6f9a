/* Progressive enhancement only: every page reads fully without this file.
   1. Review status: a static page does not change by itself, so when it is
      read later than it was built, work the status out again from today.
   2. Age filter on the offer overview: show only entries for one age.
   3. Keyboard: Material's menu button (a <label> for its drawer checkbox)
      becomes a real button, Escape closes the menu, and Enter or Space
      opens a section of the menu (Material's own script, which did this, is
      not loaded: see overrides/main.html).
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
    if (today > due) { return "overdue"; }
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
      var section = node.parentNode && node.parentNode.classList &&
        node.parentNode.classList.contains("clo-section") ? node.parentNode : null;
      var notice = section && section.querySelector("[data-clo-overdue-notice]");
      if (notice) { notice.hidden = state !== "overdue"; }
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
    // The title of a section's panel in the drawer goes back up a level.
    // Material clicks a focused label on Enter, but leaves this one out of
    // the Tab order; once back, focus goes to what opened the section.
    var titles = document.querySelectorAll('.md-nav--primary .md-nav__title[for^="__nav"]');
    Array.prototype.forEach.call(titles, function (title) {
      title.tabIndex = 0;
      title.addEventListener("click", function () {
        var opener = document.querySelector('.md-nav__link[for="' + title.htmlFor + '"]');
        if (opener) { setTimeout(function () { opener.focus(); }, 0); }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        toggle.click();
        button.focus();
      }
    });
  }

  function setUpMenuKeys() {
    // Section labels in the menu take focus (tabindex="0"); a label does not
    // react to keys by itself, so Enter and Space tick its checkbox as a click does.
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if ((event.key === "Enter" || event.key === " ") && target.tagName === "LABEL" &&
          target.htmlFor && target.closest(".md-nav")) {
        event.preventDefault();
        target.click();
      }
    });
  }

  function setUpSearchLink() {
    var label = document.querySelector('.md-header label[for="__search"]');
    var page = document.querySelector("[data-clo-search-page]");
    if (!label || !page) { return; }
    var link = document.createElement("a");
    link.className = "md-header__button md-icon clo-search-link";
    link.href = page.getAttribute("href");
    link.setAttribute("aria-label", say("menu.search_link"));
    link.innerHTML = label.querySelector("svg") ? label.querySelector("svg").outerHTML : "";
    label.parentNode.replaceChild(link, label);
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
    setUpMenuKeys();
    setUpSearchLink();
    registerServiceWorker();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
