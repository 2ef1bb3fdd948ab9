/*
 * One round's search index on that round's pages. Written for this project.
 *
 * Material's search fetches search/search_index.json, the whole site, and its
 * worker searches all of it: ten rounds of letters, ten times the download. The
 * build also writes search/nam-<year>.json (the round's pages and the pages common
 * to all rounds), and a page of a round names it in
 * <meta name="report-search-index">. This script makes Material's request for the
 * whole index fetch that file instead. Over HTTP only: a snapshot opened from
 * file:// holds one round and loads search/search_index.js. The home page searches
 * the newest round; the pages common to all rounds (trends, open data, guide) keep
 * the whole index. The search box says which year it searches.
 */
(function () {
  "use strict"
  if (location.protocol === "file:" || typeof XMLHttpRequest === "undefined")
    return
  var open = XMLHttpRequest.prototype.open
  XMLHttpRequest.prototype.open = function (method, url) {
    var meta = document.querySelector('meta[name="report-search-index"]')
    if (meta && typeof url === "string" && /(^|\/)search\/search_index\.json$/.test(new URL(url, location.href).pathname)) {
      var args = Array.prototype.slice.call(arguments)
      args[1] = new URL(meta.getAttribute("content"), location.href).href
      return open.apply(this, args)
    }
    return open.apply(this, arguments)
  }
  document.addEventListener("DOMContentLoaded", function () {
    var meta = document.querySelector('meta[name="report-search-index"]')
    var box = document.querySelector("input.md-search__input")
    if (meta && box)
      box.setAttribute("placeholder", "Tìm trong năm " + meta.getAttribute("data-year"))
  })
})()
