/* The search page (docs/search.md, macro search_box): searches the site's own
   index (macros/publish/search_index.py), which is cut into small files so
   that a phone fetches only what a question needs: for each word, the file of
   the words starting with its first two letters (t/<key>.json), fetched while
   the question is typed; the headings of every section (titles.json), fetched
   when the search box is first used, so that results are listed as soon as
   the words are found; then the pages of the best results (p/<n>.json), for
   the snippets under them, which fill the space kept for them (nothing moves),
   and the anchors of their sections: until its page file is there, a result
   links to the top of its page, and a tap on it waits for the anchor. (The
   anchors are most of what a large site's titles.json would weigh.) Loaded by
   the search page only.

   Matching: every word of the question must start a word in the heading or
   the text of a page section ("rent" finds "rent" and "renting"; a plural such
   as "grants" also finds "grant", by the catalogue's search.plural_endings).
   Headings count ten times as much as text. When no section has every word,
   sections with some of them are shown, and the page says so. Results are
   built with textContent: nothing from the index is ever read as HTML into
   the page. Every word shown, and the words left out of a question, come from
   the page (#clo-search-words, from macros/words/). */
(function () {
  "use strict";

  var MAX_RESULTS = 25;
  var SNIPPET_CHARS = 180;
  var SHARD_LETTERS = 2; // as SHARD_LETTERS in macros/publish/search_index.py
  var SECTIONS = 65536; // a result's key: page * SECTIONS + its section in the page
  var MARKS = /\p{M}/gu;
  var NOT_WORD = /[^\p{L}\p{N}]+/u;
  var WORD_LETTER = /[\p{L}\p{N}]/u;
  // Set in start(): clo.js (loaded on every page, run before the page is ready)
  // gives the function that reads the page's words.
  var say = null;
  var STOP_WORDS = {};
  var PLURAL_ENDINGS = [];
  // What the language joins to the front of a word (Arabic "ال", "the"), longest first:
  // taken off as terms() in search_index.py does, so "مال" finds "المال".
  var PREFIXES = [];

  function withoutPrefix(word) {
    for (var i = 0; i < PREFIXES.length; i += 1) {
      var prefix = PREFIXES[i];
      if (word.lastIndexOf(prefix, 0) === 0 && word.length - prefix.length >= SHARD_LETTERS) {
        return word.slice(prefix.length);
      }
    }
    return word;
  }

  function normalise(text) {
    // As normalise() in search_index.py: no accents, lower case.
    return text.normalize("NFD").replace(MARKS, "").toLowerCase();
  }

  function singular(word) {
    // "grants" finds "grant" and "grants"; "bus" and "class" stay as they are.
    for (var i = 0; i < PLURAL_ENDINGS.length; i += 1) {
      var ending = PLURAL_ENDINGS[i];
      if (word.length > 3 && word.slice(-ending.length) === ending &&
          word.slice(-2 * ending.length) !== ending + ending) {
        return word.slice(0, -ending.length);
      }
    }
    return word;
  }

  function terms(question) {
    var seen = {};
    return normalise(question).split(NOT_WORD).map(withoutPrefix).filter(function (word) {
      if (word.length < SHARD_LETTERS || STOP_WORDS[word] || seen[word]) { return false; }
      seen[word] = true;
      return true;
    }).map(singular);
  }

  function shardKey(word) {
    // As shard_key() in search_index.py.
    return Array.from(word).slice(0, SHARD_LETTERS).map(function (letter) {
      return /^[a-z0-9]$/.test(letter) ? letter : "_" + letter.codePointAt(0).toString(16);
    }).join("");
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function matches(shard, word) {
    // Every section with a word that starts with `word`: key -> [in heading, times in text].
    var keys = shard.k;
    var low = 0;
    var high = keys.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (keys[middle] < word) { low = middle + 1; } else { high = middle; }
    }
    var found = new Map();
    for (var i = low; i < keys.length && keys[i].lastIndexOf(word, 0) === 0; i += 1) {
      var list = shard.p[i];
      var page = 0;
      for (var j = 0; j < list.length; j += 3) {
        page += list[j];
        var key = page * SECTIONS + list[j + 1];
        var hit = found.get(key);
        if (!hit) { hit = [0, 0]; found.set(key, hit); }
        hit[0] |= list[j + 2] & 1;
        hit[1] += list[j + 2] >> 1;
      }
    }
    return found;
  }

  function rank(found, needAll) {
    // The best MAX_RESULTS sections, best first, and how many there are in all. The
    // best are kept in order as they come (most are worse than the last one kept),
    // not every section found sorted: a third of the time at 5,000 entries.
    var best = [];
    var total = 0;
    function consider(key, score) {
      total += 1;
      var last = best[best.length - 1];
      if (best.length === MAX_RESULTS &&
          (score < last.score || (score === last.score && key > last.key))) { return; }
      if (best.length === MAX_RESULTS) { best.pop(); }
      var i = best.length;
      while (i > 0 && (best[i - 1].score < score ||
                       (best[i - 1].score === score && best[i - 1].key > key))) { i -= 1; }
      best.splice(i, 0, { key: key, score: score });
    }
    function score(hit) { return (hit[0] ? 10 : 0) + Math.min(hit[1], 5); }
    if (found.length === 1) {
      // One word: its sections as they are (the most common question).
      found[0].forEach(function (hit, key) { consider(key, score(hit) + 100); });
      return { best: best, total: total };
    }
    var totals = new Map();
    found.forEach(function (sections) {
      sections.forEach(function (hit, key) {
        var sum = totals.get(key);
        if (!sum) { sum = { score: 0, matched: 0 }; totals.set(key, sum); }
        sum.score += score(hit);
        sum.matched += 1;
      });
    });
    totals.forEach(function (sum, key) {
      if (!needAll || sum.matched === found.length) { consider(key, sum.score + sum.matched * 100); }
    });
    return { best: best, total: total };
  }

  function snippet(text, words) {
    var lower = normalise(text);
    var first = -1;
    words.forEach(function (word) {
      var found = lower.search(new RegExp("(^|[^\\p{L}\\p{N}])" + escapeRegExp(word), "u"));
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
    var lower = normalise(text);
    var last = 0;
    var match;
    while ((match = pattern.exec(lower)) !== null) {
      var before = match.index === 0 ? "" : lower.charAt(match.index - 1);
      if (before && WORD_LETTER.test(before)) { continue; }
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
    say("search.stop_words").split(/\s+/).forEach(function (word) {
      if (word) { STOP_WORDS[word] = true; }
    });
    PLURAL_ENDINGS = say("search.plural_endings").split(/\s+/).filter(Boolean);
    PREFIXES = say("search.prefixes").split(/\s+/).filter(Boolean).sort(function (a, b) {
      return b.length - a.length;
    });
    var input = form.querySelector("input[name=q]");
    var status = document.querySelector("[data-clo-search-status]");
    var list = document.querySelector("[data-clo-search-results]");
    var indexUrl = new URL(form.getAttribute("data-clo-search-index"), location.href);
    var siteRoot = new URL(form.getAttribute("data-clo-search-root"), location.href);
    var files = new Map();
    var pending = new WeakMap(); // a result's link -> its result, until its anchor is known
    var asked = 0;

    function load(path, missing) {
      // Each file once; a file that fails is asked for again next time.
      if (!files.has(path)) {
        var loading = fetch(new URL(path, indexUrl).href).then(function (response) {
          if (response.status === 404 && missing) { return missing; }
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        });
        loading.catch(function () { files.delete(path); });
        files.set(path, loading);
      }
      return files.get(path);
    }

    function find(question) {
      // The best results, with their headings and pages: the words' files and titles.json.
      var words = terms(question);
      if (!words.length) { return Promise.resolve({ words: words, results: [] }); }
      return Promise.all([load("titles.json")].concat(words.map(function (word) {
        // No file for two letters: no word in the site starts with them.
        return load("t/" + shardKey(word) + ".json", { k: [], p: [] });
      }))).then(function (loaded) {
        var titles = loaded[0].p;
        var found = loaded.slice(1).map(function (shard, i) { return matches(shard, words[i]); });
        var ranked = rank(found, true);
        var partial = false;
        if (!ranked.total && words.length > 1) {
          ranked = rank(found, false);
          partial = ranked.total > 0;
        }
        return {
          words: words,
          total: ranked.total,
          partial: partial,
          results: ranked.best.map(function (item) {
            var number = Math.floor(item.key / SECTIONS);
            var place = item.key % SECTIONS;
            var page = titles[number];
            return {
              location: page[0],
              title: page[2][place],
              // The first section of a page is its top, under the page's own title.
              page: place ? page[1] : "",
              number: number,
              place: place
            };
          })
        };
      });
    }

    function prefetch() {
      // While a question is typed: the files of its words.
      load("titles.json").catch(function () {});
      terms(input.value).forEach(function (word) {
        load("t/" + shardKey(word) + ".json", { k: [], p: [] }).catch(function () {});
      });
    }

    function anchored(link, doc) {
      // The result's own section, from its page file: its link is made exact.
      return load("p/" + doc.number + ".json").then(function (page) {
        link.href = new URL(page.u + page.s[doc.place][0], siteRoot).href;
        pending.delete(link);
        return page;
      });
    }

    function fillSnippets(found, links, snippets, mine) {
      // The snippets, from the results' pages: each fills the space kept for it.
      return Promise.all(found.results.map(function (doc, i) {
        return anchored(links[i], doc).then(function (page) {
          if (mine !== asked) { return; }
          var text = page.s[doc.place][2];
          // A section in another language than its page's (an entry, or a page, not
          // translated yet): its heading is read as that language. Not its snippet:
          // the section's text mixes that language with the page's own words.
          var lang = page.s[doc.place][3];
          if (lang) { links[i].lang = lang; }
          if (text) {
            appendMarked(snippets[i], snippet(text, found.words), found.words);
          } else {
            snippets[i].remove();
          }
        });
      })).then(function () {
        if (mine === asked) { list.setAttribute("data-clo-search-complete", ""); }
      }, function () {
        if (mine !== asked) { return; }
        snippets.forEach(function (item) { if (!item.textContent) { item.remove(); } });
        list.setAttribute("data-clo-search-complete", "");
      });
    }

    function afterPaint(then) {
      // After the next frame: what can wait does not hold up the results on screen.
      requestAnimationFrame(function () { setTimeout(then, 0); });
    }

    function show(question) {
      asked += 1;
      var mine = asked;
      list.textContent = "";
      list.hidden = true;
      list.removeAttribute("data-clo-search-complete");
      if (!question.trim()) { status.textContent = ""; return; }
      status.textContent = say("search.searching");
      find(question).then(function (found) {
        if (mine !== asked) { return; }
        if (!found.words.length) {
          status.textContent = say("search.type_a_word");
          list.setAttribute("data-clo-search-complete", "");
          return;
        }
        var links = [];
        var snippets = found.results.map(function (doc) {
          var item = document.createElement("li");
          item.className = "clo-search__result";
          var link = document.createElement("a");
          link.className = "clo-search__link";
          link.href = new URL(doc.location, siteRoot).href;
          // Until its page file is there: see the click listener in start().
          if (doc.place) { pending.set(link, doc); }
          link.textContent = doc.title || doc.page;
          // Heading and snippet are laid out in the direction of their own first words
          // (English on an Arabic page starts at the left, with its "…" at the ends
          // it runs to), from the start: nothing moves when the page file comes.
          link.dir = "auto";
          links.push(link);
          item.appendChild(link);
          if (doc.page && doc.page !== doc.title) {
            var where = document.createElement("p");
            where.className = "clo-search__where";
            where.textContent = say("search.on_the_page", { page: doc.page });
            item.appendChild(where);
          }
          var text = document.createElement("p");
          text.className = "clo-search__snippet";
          text.dir = "auto";
          item.appendChild(text);
          list.appendChild(item);
          return text;
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
        // The snippets' pages are asked for once the list is painted: the headings
        // first, on a slow phone too.
        afterPaint(function () { fillSnippets(found, links, snippets, mine); });
      }, function () {
        if (mine === asked) {
          status.textContent = say("search.failed");
          list.setAttribute("data-clo-search-complete", "");
        }
      });
    }

    function fromAddress() {
      var question = new URLSearchParams(location.search).get("q") || "";
      input.value = question;
      show(question);
    }

    list.addEventListener("click", function (event) {
      // A result tapped before its anchor is known goes to it once known (or, if its
      // page file cannot be had, to the top of its page); a new tab or window is left
      // to the browser.
      var link = event.target.closest && event.target.closest(".clo-search__link");
      if (!link || !pending.has(link) || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey ||
          event.altKey) { return; }
      event.preventDefault();
      var go = function () { location.assign(link.href); };
      anchored(link, pending.get(link)).then(go, go);
    });
    input.addEventListener("focus", function () { load("titles.json").catch(function () {}); });
    input.addEventListener("input", prefetch);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var question = input.value;
      show(question);
      // The address (shared as ?q=, gone back to) follows once the results are painted:
      // writing the history takes a slow phone longer than finding them.
      afterPaint(function () {
        var address = new URL(location.href);
        address.searchParams.set("q", question);
        history.pushState(null, "", address.href);
      });
    });
    window.addEventListener("popstate", fromAddress);
    fromAddress();
  }

  // Added after the page's first paint, after clo.js (overrides/main.html, "later"),
  // so window.cloWords is there; started at once unless the page is still loading.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
