/* "What can I get?" (macros/derive/finder.py): loaded by the finder's pages only.
   Every page of it works without this file: each age is a link to the results page
   for that age, which shows everything that age can get. With it:
   1. An age leads to the next question instead (data-clo-href).
   2. Each question's form carries the answers so far, which are in the address, to
      the next page (its Continue button is disabled until they are in the form);
      it shows the GOV.UK error pattern (already on the page, hidden) when nothing
      is chosen; "None of these" and the other boxes untick each other.
   3. A results page hides what the answers in its address rule out. Each result
      carries the clauses it needs (data-clo-needs, worked out by finder.entry_needs
      in Python; none when it has none); it is shown when every clause about a question that was answered
      holds one of the answers given. That is the whole rule, the same as
      finder.applies in Python: nothing about ages, situations or places is here.
   Nothing is stored and nothing is sent anywhere: the answers stay in the address.
   Every word shown is on the page already, or in #clo-finder-words. */
(function () {
  "use strict";

  // Set in start(): clo.js (run before the page is ready) gives the function that
  // reads the page's words.
  var say = null;
  var errorShown = false;

  // The answers in the address: each name with its values, empty values left out.
  function answersInAddress() {
    var found = {};
    new URLSearchParams(window.location.search).forEach(function (value, name) {
      if (value === "") { return; }
      if (!found[name]) { found[name] = []; }
      if (found[name].indexOf(value) === -1) { found[name].push(value); }
    });
    return found;
  }

  // finder.applies: every clause [name, values] about an answered question holds
  // one of the answers.
  function applies(needs, answers) {
    return needs.every(function (clause) {
      var given = answers[clause[0]];
      if (!given || given.length === 0) { return true; }
      return clause[1].some(function (value) { return given.indexOf(value) !== -1; });
    });
  }

  // A link that keeps the answers in the address (Back, Change): the answers it does
  // not already give are added to it.
  function keepAnswers(link, answers) {
    var url = new URL(link.getAttribute("href"), window.location.href);
    Object.keys(answers).forEach(function (name) {
      if (url.searchParams.has(name)) { return; }
      answers[name].forEach(function (value) { url.searchParams.append(name, value); });
    });
    link.href = url.href;
  }

  function keepAnswersOnLinks(answers) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-clo-keep-answers]"),
      function (link) { keepAnswers(link, answers); });
  }

  function setUpAgeLinks() {
    Array.prototype.forEach.call(document.querySelectorAll("a[data-clo-href]"), function (link) {
      link.setAttribute("href", link.getAttribute("data-clo-href"));
    });
  }

  function hiddenInput(form, name, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.insertBefore(input, form.firstChild);
  }

  function showError(form) {
    var summary = document.querySelector("[data-clo-error-summary]");
    var message = form.querySelector("[data-clo-error-message]");
    var group = form.querySelector("[data-clo-form-group]");
    var fieldset = form.querySelector("fieldset");
    message.hidden = false;
    group.classList.add("clo-form-group--error");
    var described = (fieldset.getAttribute("aria-describedby") || "").split(" ");
    if (described.indexOf(message.id) === -1) {
      fieldset.setAttribute("aria-describedby", described.concat(message.id).join(" ").trim());
    }
    if (!errorShown) {
      document.title = say("finder.title_error", { title: document.title });
      errorShown = true;
    }
    summary.hidden = false;
    summary.focus();
  }

  function setUpQuestion(form) {
    var answers = answersInAddress();
    var name = form.getAttribute("data-clo-finder-question");
    var age = (answers.age || [])[0];
    var results = form.getAttribute("data-clo-finder-results");
    var pages = results ? JSON.parse(results) : null;
    if (!age || (pages && !pages[age])) {
      // No age in the address (or one with no page, the address changed by hand):
      // back to the first question.
      window.location.replace(document.querySelector(".clo-finder__no-js a").href);
      return;
    }
    // The form carries the answers so far, but its own; "Where do you live?" goes to
    // the results page of the age, whose address holds the age already.
    if (pages) { form.action = pages[age]; }
    Object.keys(answers).forEach(function (other) {
      if (other === name || (pages && other === "age")) { return; }
      answers[other].forEach(function (value) { hiddenInput(form, other, value); });
    });
    var inputs = form.querySelectorAll('input[name="' + name + '"]');
    // This script starts after the first paint: what the visitor has ticked by then
    // stays as it is; otherwise the answer in the address (Back, Change) is ticked.
    var touched = Array.prototype.some.call(inputs, function (input) { return input.checked; });
    Array.prototype.forEach.call(inputs, function (input) {
      if (!touched) { input.checked = (answers[name] || []).indexOf(input.value) !== -1; }
      input.addEventListener("change", function () {
        if (!input.checked || input.type !== "checkbox") { return; }
        // "None of these" unticks the others, and any other unticks it.
        var exclusive = input.hasAttribute("data-clo-exclusive");
        Array.prototype.forEach.call(inputs, function (other) {
          if (other !== input && other.hasAttribute("data-clo-exclusive") !== exclusive) {
            other.checked = false;
          }
        });
      });
    });
    form.addEventListener("submit", function (event) {
      var chosen = Array.prototype.some.call(inputs, function (input) { return input.checked; });
      if (!chosen) {
        event.preventDefault();
        showError(form);
      }
    });
    keepAnswersOnLinks(answers);
    // The answers so far are in the form now: it may be sent (finder-situations.html).
    form.querySelector('button[type="submit"]').disabled = false;
  }

  function listOf(values) {
    if (window.Intl && Intl.ListFormat) {
      return new Intl.ListFormat(document.documentElement.lang, { type: "conjunction" })
        .format(values);
    }
    return values.join(", ");
  }

  // Only the answers a question offers: a value typed into the address, or from an
  // old link, counts as no answer, and is never shown, so a shared link cannot make
  // the council's page say words the council did not write.
  function offered(answers, labels) {
    Object.keys(labels).forEach(function (name) {
      var known = (answers[name] || []).filter(function (value) {
        return Object.prototype.hasOwnProperty.call(labels[name], value);
      });
      if (known.length > 0) { answers[name] = known; } else { delete answers[name]; }
    });
    return answers;
  }

  function setUpResults(labelsNode) {
    var labels = JSON.parse(labelsNode.textContent);
    var answers = offered(answersInAddress(), labels);
    var asked = Object.keys(labels).filter(function (name) { return answers[name]; });
    var narrow = document.querySelector("[data-clo-finder-narrow]");
    // Without answers the link to narrow the list down shows from the first paint
    // (clo.css); with them it goes.
    if (asked.length === 0) { return; }
    if (narrow) { narrow.remove(); }
    var shown = 0;
    var sections = document.querySelectorAll("[data-clo-finder-section]");
    Array.prototype.forEach.call(sections, function (section) {
      var visible = 0;
      var counts = section.getAttribute("data-clo-counts");
      if (counts !== null) {
        // A large offer's page lists sections only, each with how many results need
        // each set of clauses: count again those that hold.
        JSON.parse(counts).forEach(function (pair) {
          if (applies(pair[0], answers)) { visible += pair[1]; }
        });
        section.querySelector("[data-clo-finder-section-count]").textContent =
          say("finder.section_count", { count: visible });
      }
      Array.prototype.forEach.call(section.querySelectorAll(".clo-result"), function (item) {
        var fits = applies(JSON.parse(item.getAttribute("data-clo-needs") || "[]"), answers);
        item.hidden = !fits;
        if (fits) { visible += 1; }
      });
      section.hidden = visible === 0;
      shown += visible;
      // The page's contents (Material's, beside the page) list every section: one
      // with nothing left goes from there too, so no link leads to a hidden part.
      var heading = section.querySelector("h2[id]");
      if (heading) {
        Array.prototype.forEach.call(
          document.querySelectorAll('.md-nav--secondary a[href="#' + heading.id + '"]'),
          function (link) { link.parentNode.hidden = section.hidden; });
      }
    });
    document.querySelector("[data-clo-finder-count]").textContent =
      say("finder.count", { count: shown });
    document.querySelector("[data-clo-finder-nothing]").hidden = shown !== 0;
    // A large offer's page has one intro, true with answers or without.
    var all = document.querySelector("[data-clo-finder-all]");
    var mine = document.querySelector("[data-clo-finder-mine]");
    if (all && mine) { all.hidden = true; mine.hidden = false; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-clo-finder-answer]"),
      function (node) {
        var name = node.getAttribute("data-clo-finder-answer");
        var given = answers[name] || [];
        node.textContent = listOf(given.map(function (value) { return labels[name][value]; }));
        // A question without an answer (the address changed by hand) has no row.
        node.parentNode.hidden = given.length === 0;
      });
    document.querySelector("[data-clo-finder-answers]").hidden = false;
    keepAnswersOnLinks(answers);
  }

  function start() {
    say = window.cloWords("clo-finder-words");
    setUpAgeLinks();
    var form = document.querySelector("[data-clo-finder-question]");
    if (form) { setUpQuestion(form); }
    var labels = document.getElementById("clo-finder-labels");
    if (labels) { setUpResults(labels); }
  }

  // Added after the page's first paint, after clo.js (overrides/main.html, "later"),
  // so window.cloWords is there; started at once unless the page is still loading.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
