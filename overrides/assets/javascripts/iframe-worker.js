/*
 * Search workers for pages opened from the file system. Written for this
 * project; it takes the place of the iframe-worker shim that Material's
 * offline plugin would otherwise load from unpkg.com (an archived copy must
 * never reach another host).
 *
 * Browsers refuse `new Worker("file:///…")`. On file:// pages only, Worker is
 * replaced by a stand-in that runs the worker script in a hidden same-origin
 * iframe: the page's postMessage becomes a "message" event in the iframe, the
 * script's global postMessage becomes a "message" event on the stand-in, and
 * importScripts loads scripts in order and returns a Promise (Material's
 * search worker awaits it). Material's worker finds its lunr language files
 * next to itself when `IFrameWorker` exists in the parent window, so the
 * stand-in is published under that name too.
 */
(function () {
  "use strict"
  if (location.protocol !== "file:" || typeof EventTarget === "undefined")
    return

  function loadScripts(doc, urls) {
    return urls.reduce(function (previous, url) {
      return previous.then(function () {
        return new Promise(function (resolve, reject) {
          var script = doc.createElement("script")
          script.src = url
          script.onload = function () { resolve() }
          script.onerror = function () { reject(new Error("cannot load " + url)) }
          doc.head.appendChild(script)
        })
      })
    }, Promise.resolve())
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super()
      var worker = this
      this.url = new URL(url, location.href).href
      this.pending = []
      this.started = false
      this.frame = document.createElement("iframe")
      this.frame.hidden = true
      this.frame.tabIndex = -1
      this.frame.setAttribute("aria-hidden", "true")
      document.body.appendChild(this.frame)
      var scope = this.scope = this.frame.contentWindow
      scope.postMessage = function (data) { worker.emit("message", data) }
      scope.importScripts = function () {
        var urls = Array.prototype.map.call(arguments, function (u) { return new URL(u, worker.url).href })
        return loadScripts(scope.document, urls)
      }
      loadScripts(scope.document, [this.url]).then(function () {
        worker.started = true
        worker.pending.splice(0).forEach(function (data) { worker.postMessage(data) })
      }, function (err) {
        var event = new ErrorEvent("error", { message: String(err && err.message || err) })
        worker.dispatchEvent(event)
        if (typeof worker.onerror === "function")
          worker.onerror(event)
      })
    }

    postMessage(data) {
      if (!this.started)
        this.pending.push(data)
      else
        this.scope.dispatchEvent(new this.scope.MessageEvent("message", { data: data }))
    }

    terminate() {
      this.frame.remove()
    }

    emit(type, data) {
      var event = new MessageEvent(type, { data: data })
      this.dispatchEvent(event)
      if (typeof this["on" + type] === "function")
        this["on" + type](event)
    }
  }

  window.IFrameWorker = IFrameWorker
  window.Worker = IFrameWorker
})()
