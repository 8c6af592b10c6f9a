/* The search page (docs/search.md, macro search_box): searches the index that
   MkDocs' search plugin writes (search/search_index.json) in the reader's
   browser. Loaded by the search page only, so other pages carry none of it,
   and the index is fetched only when someone searches.

   Matching: every word of the question must start a word in the title or the
   text of a page section ("rent" finds "rent" and "renting"; a plural such as
   "grants" also finds "grant"). Titles count ten times as much as text. When
   no section has every word, sections with some of them are shown, and the
   page says so. Results are built with textContent: nothing from the index is
   ever read as HTML into the page. Every word shown, and the words left out of
   a question, come from the page (#clo-search-words, from macros/words/). */
(function () {
  "use strict";

  var MAX_RESULTS = 25;
  var SNIPPET_CHARS = 180;
  // Set in start(): clo.js (loaded on every page, run before the page is ready)
  // gives the function that reads the page's words.
  var say = null;
  var STOP_WORDS = [];
  // Prefixes joined to words in the page's language (Arabic "ال", "the"), from the
  // catalogue: left out of questions and text alike, so "مال" finds "المال".
  var PREFIXES = null;
  // Letters and digits of any script: Arabic or Vietnamese questions find their words.
  var NOT_WORD = /[^\p{L}\p{N}]+/u;
  var BEFORE_WORD = "(^|[^\\p{L}\\p{N}])";

  function normalise(text, keepLength) {
    // Accents are left out, so "tien" finds "tiền"; for matching, Arabic short vowels
    // too. keepLength: the same length as the text, to mark the words found in it.
    var plain = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    if (!keepLength) { plain = plain.replace(/[\u064b-\u065f\u0670\u0640]/g, ""); }
    plain = plain.toLowerCase();
    if (!PREFIXES) { return plain; }
    return plain.replace(PREFIXES, function (all, before, prefix) {
      return before + new Array(prefix.length + 1).join(" ");
    });
  }

  function terms(question) {
    var words = normalise(question).split(NOT_WORD);
    var seen = {};
    return words.filter(function (word) {
      if (word.length < 2 || STOP_WORDS.indexOf(word) !== -1 || seen[word]) { return false; }
      seen[word] = true;
      return true;
    }).map(function (word) {
      // "grants" finds "grant" and "grants"; "bus" stays "bus".
      return word.length > 3 && /[^s]s$/.test(word) ? word.slice(0, -1) : word;
    });
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function plainText(html) {
    // A <template> never runs scripts or loads images while it is parsed.
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content.textContent.replace(/\s+/g, " ").trim();
  }

  function prepare(index) {
    var pageTitles = {};
    index.docs.forEach(function (doc) {
      if (doc.location.indexOf("#") === -1) { pageTitles[doc.location] = doc.title; }
    });
    return index.docs.map(function (doc) {
      var text = plainText(doc.text || "");
      var title = plainText(doc.title || "");
      var page = doc.location.split("#")[0];
      return {
        location: doc.location,
        title: title,
        page: doc.location.indexOf("#") === -1 ? "" : plainText(pageTitles[page] || ""),
        text: text,
        searchTitle: normalise(title),
        searchText: normalise(text)
      };
    }).filter(function (doc) { return doc.title || doc.text; });
  }

  function score(doc, patterns, needAll) {
    var total = 0;
    var matched = 0;
    patterns.forEach(function (pattern) {
      var inTitle = pattern.first.test(doc.searchTitle);
      var inText = (doc.searchText.match(pattern.every) || []).length;
      if (inTitle || inText) { matched += 1; }
      total += (inTitle ? 10 : 0) + Math.min(inText, 5);
    });
    if (needAll ? matched < patterns.length : matched === 0) { return 0; }
    return total + matched * 100;
  }

  function search(docs, question) {
    var words = terms(question);
    if (!words.length) { return { words: words, results: [], partial: false }; }
    var patterns = words.map(function (word) {
      var source = BEFORE_WORD + escapeRegExp(word);
      // "first" answers yes or no; "every" counts (String.match with g keeps no state).
      return { first: new RegExp(source, "u"), every: new RegExp(source, "gu") };
    });
    var partial = false;
    var results = rank(docs, patterns, true);
    if (!results.length && patterns.length > 1) {
      results = rank(docs, patterns, false);
      partial = results.length > 0;
    }
    return { words: words, results: results.slice(0, MAX_RESULTS), total: results.length, partial: partial };
  }

  function rank(docs, patterns, needAll) {
    return docs.map(function (doc, position) {
      return { doc: doc, score: score(doc, patterns, needAll), position: position };
    }).filter(function (item) { return item.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.position - b.position; })
      .map(function (item) { return item.doc; });
  }

  function snippet(text, words) {
    var lower = normalise(text, true);
    var first = -1;
    words.forEach(function (word) {
      var found = lower.search(new RegExp(BEFORE_WORD + escapeRegExp(word), "u"));
      if (found !== -1 && (first === -1 || found < first)) { first = found; }
    });
    var start = Math.max(0, first - 40);
    if (start > 0) { start = text.indexOf(" ", start) + 1 || start; }
    var cut = text.slice(start, start + SNIPPET_CHARS);
    return (start > 0 ? "… " : "") + cut + (start + SNIPPET_CHARS < text.length ? " …" : "");
  }

  function appendMarked(parent, text, words) {
    // Marks the words found, as text nodes and <mark> elements only.
    var pattern = new RegExp("(" + words.map(escapeRegExp).join("|") + ")[\\p{L}\\p{N}]*", "gu");
    var lower = normalise(text, true);
    var last = 0;
    var match;
    while ((match = pattern.exec(lower)) !== null) {
      var before = match.index === 0 ? "" : lower.charAt(match.index - 1);
      if (before && /[\p{L}\p{N}]/u.test(before)) { continue; }
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(match.index, match.index + match[0].length);
      parent.appendChild(mark);
      last = match.index + match[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function start() {
    var form = document.querySelector("[data-clo-search]");
    if (!form || !window.cloWords) { return; }
    say = window.cloWords("clo-search-words");
    STOP_WORDS = say("search.stop_words").split(/\s+/);
    var prefixes = say("search.prefixes").split(/\s+/).filter(Boolean).map(escapeRegExp);
    PREFIXES = prefixes.length
      ? new RegExp(BEFORE_WORD + "(" + prefixes.join("|") + ")(?=[\\p{L}]{2})", "gu")
      : null;
    var input = form.querySelector("input[name=q]");
    var status = document.querySelector("[data-clo-search-status]");
    var list = document.querySelector("[data-clo-search-results]");
    var indexUrl = new URL(form.getAttribute("data-clo-search-index"), location.href);
    var siteRoot = new URL("../", indexUrl);
    var loading = null;

    function load() {
      if (!loading) {
        loading = fetch(indexUrl.href).then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        }).then(prepare);
        loading.catch(function () { loading = null; });
      }
      return loading;
    }

    function show(question) {
      list.textContent = "";
      list.hidden = true;
      if (!question.trim()) { status.textContent = ""; return; }
      status.textContent = say("search.searching");
      load().then(function (docs) {
        var found = search(docs, question);
        if (!found.words.length) {
          status.textContent = say("search.type_a_word");
          return;
        }
        found.results.forEach(function (doc) {
          var item = document.createElement("li");
          item.className = "clo-search__result";
          var link = document.createElement("a");
          link.className = "clo-search__link";
          link.href = new URL(doc.location, siteRoot).href;
          link.textContent = doc.title || doc.page;
          item.appendChild(link);
          if (doc.page && doc.page !== doc.title) {
            var where = document.createElement("p");
            where.className = "clo-search__where";
            where.textContent = say("search.on_the_page", { page: doc.page });
            item.appendChild(where);
          }
          if (doc.text) {
            var text = document.createElement("p");
            text.className = "clo-search__snippet";
            appendMarked(text, snippet(doc.text, found.words), found.words);
            item.appendChild(text);
          }
          list.appendChild(item);
        });
        list.hidden = found.results.length === 0;
        var quoted = say("search.quoted", { question: question.trim() });
        if (!found.results.length) {
          status.textContent = say("search.no_results", { question: quoted });
        } else {
          var count = found.total > found.results.length
            ? say("search.best_of", { shown: found.results.length, total: found.total, question: quoted })
            : say("search.results", { count: found.results.length, question: quoted });
          status.textContent = count + say(found.partial ? "search.partial" : "search.end");
        }
      }, function () {
        status.textContent = say("search.failed");
      });
    }

    function fromAddress() {
      var question = new URLSearchParams(location.search).get("q") || "";
      input.value = question;
      show(question);
    }

    input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var address = new URL(location.href);
      address.searchParams.set("q", input.value);
      history.pushState(null, "", address.href);
      show(input.value);
    });
    window.addEventListener("popstate", fromAddress);
    fromAddress();
  }

  // After every deferred script has run (clo.js comes later in the page), so that
  // window.cloWords is there.
  if (document.readyState === "complete") {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
}());
