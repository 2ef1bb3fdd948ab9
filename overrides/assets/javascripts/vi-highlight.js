/*
 * Tone-insensitive highlighting on the page a search hit opened. Written for
 * this project.
 *
 * A hit links to the page with ?h=<terms>; the terms are folded (lunr.vi folds
 * every query term), so Material's own highlighter, a literal match, would find
 * "cong" but never "công". This marks the words whose folded form starts with
 * a folded term. Words that contain a term literally are left to Material's
 * highlighter, so the two never wrap the same text twice.
 */
(function () {
  "use strict"
  var query = new URLSearchParams(location.search).get("h")
  if (!query)
    return

  var MARKS = /[\u0300-\u036f]/g
  var SEPARATORS = /[\s*+\-:~^]+/
  var WORD = /[\p{L}\p{N}\p{M}]+/gu

  function fold(text) {
    return text.normalize("NFD").replace(MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase()
  }

  var raw = query.toLowerCase().split(SEPARATORS).filter(Boolean)
  var terms = raw.map(fold).filter(Boolean)
  if (!terms.length)
    return

  function matches(word) {
    var folded = fold(word)
    var lower = word.toLowerCase()
    return terms.some(function (t) { return folded.startsWith(t) }) &&
      !raw.some(function (t) { return lower.indexOf(t) >= 0 })
  }

  function mark(node) {
    var text = node.nodeValue
    var fragment = document.createDocumentFragment()
    var last = 0
    var found = false
    var m
    WORD.lastIndex = 0
    while ((m = WORD.exec(text))) {
      if (!matches(m[0]))
        continue
      found = true
      fragment.appendChild(document.createTextNode(text.slice(last, m.index)))
      var el = document.createElement("mark")
      el.setAttribute("data-md-highlight", "")
      el.textContent = m[0]
      fragment.appendChild(el)
      last = m.index + m[0].length
    }
    if (!found)
      return
    fragment.appendChild(document.createTextNode(text.slice(last)))
    node.parentNode.replaceChild(fragment, node)
  }

  function highlight() {
    var root = document.querySelector("[data-md-component=content]") || document.body
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    var nodes = []
    for (var node = walker.nextNode(); node; node = walker.nextNode())
      if (!node.parentElement.closest("mark, script, style, .headerlink"))
        nodes.push(node)
    nodes.forEach(mark)
  }

  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", highlight)
  else
    highlight()
})()
