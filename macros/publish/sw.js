/* The service worker: the offer reads with no connection after a first visit.
   Published as sw.js at the site's root, so its scope is the whole site, under any path.
   Built on Workbox 7 (macros/publish/vendor/workbox/, published beside this file);
   the build (macros/publish/offline.py) writes self.CLO_OFFLINE before this text:
     workbox   folder of Workbox's modules, relative to this file
     modules   the modules to load, in order
     precache  [{url, revision}]: pages and assets saved at install, relative to this file
     pages     the saved pages' URLs (a subset of precache)
     fallback  the offline page's URL, shown for a page that is not saved
     notice    HTML put at the top of a saved page when it is shown instead of the network's
     noticeLink  the notice's link address, replaced by the offline page's
     timeout   seconds to wait for the network before showing the saved page
   How each request is answered:
   - a page: the network first, so a new publish shows at once; the saved copy, with the
     notice, when there is no connection (or none within the timeout); the offline page
     when the page was not saved;
   - a saved asset (CSS, JavaScript, the manifest): the saved copy. A new build changes
     the revision of what changed, and Workbox downloads only those;
   - a picture from the site: saved when it is first viewed (at most MAX_IMAGES);
   - anything else: the network, as without a service worker.
   Every word shown comes from the build (macros/words/), never from this file. */
(function () {
  "use strict";

  var MAX_IMAGES = 60;
  var config = self.CLO_OFFLINE;
  var here = self.location.href;

  importScripts.apply(self, config.modules.map(function (name) {
    return new URL(config.workbox + "workbox-" + name + ".prod.js", here).href;
  }));
  var workbox = self.workbox;
  var precaching = workbox.precaching;
  var fallbackUrl = new URL(config.fallback, here).href.replace(/"/g, "%22");
  var saved = {};
  config.pages.forEach(function (url) { saved[new URL(url, here).href] = true; });

  workbox.core.setCacheNameDetails({ prefix: "clo" });
  self.addEventListener("install", function () { self.skipWaiting(); });
  self.addEventListener("activate", function (event) {
    if (self.registration.navigationPreload) {
      event.waitUntil(self.registration.navigationPreload.enable());
    }
  });
  workbox.core.clientsClaim();
  precaching.precache(config.precache);
  precaching.cleanupOutdatedCaches();

  // The saved page for a URL: without its query and fragment, "index.html" dropped,
  // and "/" added to a folder's address given without it.
  function pageKey(url) {
    var address = new URL(url);
    address.search = "";
    address.hash = "";
    address.pathname = address.pathname.replace(/\/index\.html$/, "/");
    if (!saved[address.href] && saved[address.href + "/"]) {
      address.pathname += "/";
    }
    return saved[address.href] ? address.href : null;
  }

  function withHtml(response, pattern, html) {
    return response.text().then(function (text) {
      var found = pattern.exec(text);
      var at = found ? found.index + found[0].length : 0;
      var headers = new Headers(response.headers);
      headers.delete("Content-Length");
      return new Response(text.slice(0, at) + html + text.slice(at), {
        status: response.status,
        statusText: response.statusText,
        headers: headers
      });
    });
  }

  // The saved copy of a page with the notice at the top, or the offline page (whose
  // links are relative to the site's root, so it is given a <base> there).
  function savedPage(url) {
    var key = pageKey(url);
    var copy = key ? precaching.matchPrecache(key) : Promise.resolve(undefined);
    return copy.then(function (response) {
      if (response) {
        var notice = config.notice.split(config.noticeLink).join(fallbackUrl);
        return withHtml(response, /<body\b[^>]*>/i, notice);
      }
      return precaching.matchPrecache(config.fallback).then(function (fallback) {
        if (!fallback) { return Response.error(); }
        var root = new URL("./", here).href.replace(/"/g, "%22");
        return withHtml(fallback, /<head\b[^>]*>/i, "<base href=\"" + root + "\">");
      });
    });
  }

  function fromNetwork(event) {
    var preload = event && event.preloadResponse ? event.preloadResponse : Promise.resolve();
    return preload.then(function (response) {
      return response || fetch(event.request);
    });
  }

  function within(seconds, promise) {
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () { reject(new Error("timeout")); }, seconds * 1000);
      promise.then(
        function (value) { clearTimeout(timer); resolve(value); },
        function (error) { clearTimeout(timer); reject(error); }
      );
    });
  }

  // Pages first: registered before the precache's route, which would answer them from
  // the saved copy even when online.
  workbox.routing.registerRoute(
    function (options) { return options.request.mode === "navigate"; },
    function (options) {
      var url = options.request.url;
      return within(config.timeout, fromNetwork(options.event)).then(
        function (response) {
          return response.status >= 500 && pageKey(url)
            ? savedPage(url) : response;
        },
        function () { return savedPage(url); }
      );
    }
  );

  precaching.addRoute({ ignoreURLParametersMatching: [/.*/], directoryIndex: null });

  workbox.routing.registerRoute(
    function (options) {
      return options.request.destination === "image" &&
        options.url.origin === self.location.origin;
    },
    new workbox.strategies.CacheFirst({
      cacheName: "clo-images-" + self.registration.scope,
      plugins: [
        new workbox.expiration.ExpirationPlugin({ maxEntries: MAX_IMAGES, purgeOnQuotaError: true })
      ]
    })
  );
}());
