/* policykb: the search results page (search/?q=…&j=…) and the filters of the
   documents list, as the policy libraries have them: by jurisdiction, issuer,
   type, year and status, sorted by date. Static: the results come from the
   site's own search worker (../pkb/worker.js), the facets of each document
   from facets.js beside this file (generator/build/search.py document_facets).
   Works over HTTP under any sub-path and from file:// (the worker then runs
   in Material's iframe-worker shim, which the page installs before this).

   The state lives in the URL, so a filtered list or a search can be shared:
     q  query          j  jurisdiction (行政区)   i  issuer (发文机关)
     t  type (类型)     y  year (年份)            s  status (状态)
     k  page kind (results page only)            o  order: date | date-asc */
(function () {
  "use strict"

  var HERE = document.currentScript.src
  var WORKER = new URL("../pkb/worker.js", HERE).href
  var FACETS = new URL("facets.js", HERE).href
  var SITE = new URL("../../", HERE)
  var Worker = window.Worker             /* the browser's, or the file:// shim; never Material's stand-in */
  var QUERY = 2, RESULT = 3              /* Material's worker protocol (site_config/search/worker.js) */
  var PAGE = 30                          /* results shown at first and per "more" */
  var FIELDS = [
    { key: "k", label: "类别", results: true },
    { key: "j", label: "行政区" },
    { key: "i", label: "发文机关" },
    { key: "t", label: "类型" },
    { key: "y", label: "年份" },
    { key: "s", label: "状态" }
  ]
  var ORDERS = [["", "按相关度"], ["date", "成文日期：新的在前"], ["date-asc", "成文日期：旧的在前"]]

  var params = new URLSearchParams(location.search)
  var results = document.getElementById("pk-results")
  var list = document.getElementById("pk-doc-filters")
  if (!results && !list) return

  /* Material opens its header search with a ?q= it finds in the URL: on the
     results page the query is ours, so it is out of the URL until Material
     has looked (it reads the URL once, when the page is ready) */
  var ready = true
  if (results && params.has("q")) {
    ready = false
    history.replaceState(history.state, "", location.pathname + location.hash)
    addEventListener("load", function () {
      ready = true
      share()
    })
  }

  /* --- facets ------------------------------------------------------------------ */

  var facets = null                      /* {docs: id -> [jurisdiction, issuer, type, date, status], folders} */
  function loadFacets() {
    if (facets) return Promise.resolve(facets)
    return new Promise(function (resolve, reject) {
      var previous = window.__pkb
      window.__pkb = function (name, data) {
        if (name === "facets") facets = data
        else if (previous) previous(name, data)
      }
      var script = document.createElement("script")
      script.src = FACETS
      script.onload = function () { resolve(facets) }
      script.onerror = reject
      document.head.appendChild(script)
    })
  }

  /* The document a page belongs to: documents/<id>/, plans/<id>/,
     matrices/<id>/, items/<id>.<number>/ (or <…>.html in the file bundle) */
  function docOf(location) {
    var path = location.split("#")[0].split("?")[0].replace(/(\/index)?\.html$/, "").replace(/\/$/, "")
    var parts = path.split("/")
    if (parts.length !== 2 || facets.folders.indexOf(parts[0]) < 0) return null
    var id = parts[1]
    while (id) {
      if (facets.docs[id]) return facets.docs[id]
      var dot = id.lastIndexOf(".")
      if (dot < 0 || parts[0] !== "items") return null
      id = id.slice(0, dot)
    }
    return null
  }

  /* The value of a filter field for an entry {kind, jurisdiction, doc} */
  function valueOf(entry, key) {
    var doc = entry.doc
    switch (key) {
      case "k": return entry.kind || ""
      case "j": return entry.jurisdiction || (doc ? doc[0] : "")
      case "i": return doc ? doc[1] : ""
      case "t": return doc ? doc[2] : ""
      case "y": return doc ? doc[3].slice(0, 4) : ""
      case "s": return doc ? doc[4] : ""
    }
    return ""
  }

  function passes(entry, chosen, except) {
    return FIELDS.every(function (field) {
      var want = chosen[field.key]
      return !want || field.key === except || valueOf(entry, field.key) === want
    })
  }

  function byDate(entries, order) {
    if (!order) return entries
    var sign = order === "date-asc" ? 1 : -1
    return entries.map(function (entry, n) { return [entry, n] }).sort(function (a, b) {
      var x = a[0].doc ? a[0].doc[3] : "", y = b[0].doc ? b[0].doc[3] : ""
      if (!x !== !y) return x ? -1 : 1                 /* undated last either way */
      return (x < y ? -sign : x > y ? sign : 0) || a[1] - b[1]
    }).map(function (pair) { return pair[0] })
  }

  /* --- the filter bar ------------------------------------------------------------ */

  function element(tag, attrs, text) {
    var el = document.createElement(tag)
    Object.keys(attrs || {}).forEach(function (name) { el.setAttribute(name, attrs[name]) })
    if (text != null) el.textContent = text
    return el
  }

  /* Selects for the fields, each value with its count among the entries that
   pass the other filters (as the policy libraries count), and the order */
  function FilterBar(container, fields, onChange) {
    this.fields = fields
    this.chosen = {}
    this.order = params.get("o") || ""
    fields.forEach(function (field) { this.chosen[field.key] = params.get(field.key) || "" }, this)
    this.form = element("form", { class: "pk-filter-bar", role: "search" })
    this.selects = {}
    fields.forEach(function (field) {
      var label = element("label", { class: "pk-filter" })
      label.appendChild(element("span", {}, field.label))
      var select = element("select", { name: field.key, "data-field": field.key })
      select.addEventListener("change", function () {
        this.chosen[field.key] = select.value
        onChange()
      }.bind(this))
      label.appendChild(select)
      this.form.appendChild(label)
      this.selects[field.key] = select
    }, this)
    var label = element("label", { class: "pk-filter pk-filter-order" })
    label.appendChild(element("span", {}, "排序"))
    var order = element("select", { name: "o" })
    ORDERS.forEach(function (o) {
      if (!o[0] && fields.some(function (f) { return f.results })) order.appendChild(element("option", { value: "" }, o[1]))
      else if (o[0]) order.appendChild(element("option", { value: o[0] }, o[1]))
    })
    if (!fields.some(function (f) { return f.results }) && !this.order) this.order = "date"
    order.value = this.order
    order.addEventListener("change", function () {
      this.order = order.value
      onChange()
    }.bind(this))
    label.appendChild(order)
    this.form.appendChild(label)
    this.reset = element("button", { type: "button", class: "pk-filter-reset" }, "清除筛选")
    this.reset.addEventListener("click", function () {
      Object.keys(this.chosen).forEach(function (key) { this.chosen[key] = "" }, this)
      onChange()
    }.bind(this))
    this.form.appendChild(this.reset)
    this.form.addEventListener("submit", function (event) { event.preventDefault() })
    /* folded on a phone, where the selects would fill the screen before any result */
    this.details = element("details", { class: "pk-filter-details" })
    this.summary = element("summary", {}, "筛选与排序")
    this.details.appendChild(this.summary)
    this.details.appendChild(this.form)
    this.details.open = !window.matchMedia || matchMedia("(min-width: 45em)").matches
    container.appendChild(this.details)
  }

  FilterBar.prototype.update = function (entries) {
    this.fields.forEach(function (field) {
      var counts = Object.create(null), select = this.selects[field.key], want = this.chosen[field.key]
      entries.forEach(function (entry) {
        if (!passes(entry, this.chosen, field.key)) return
        var value = valueOf(entry, field.key)
        if (value) counts[value] = (counts[value] || 0) + 1
      }, this)
      if (want && !counts[want]) counts[want] = 0
      var values = Object.keys(counts).sort(function (a, b) {
        return field.key === "y" ? (a < b ? 1 : -1) : counts[b] - counts[a] || (a < b ? -1 : 1)
      })
      select.textContent = ""
      select.appendChild(element("option", { value: "" }, "全部"))
      values.forEach(function (value) {
        select.appendChild(element("option", { value: value }, value + "（" + counts[value] + "）"))
      })
      select.value = want
      select.parentNode.hidden = values.length === 0
    }, this)
    var set = Object.keys(this.chosen).filter(function (key) { return this.chosen[key] }, this)
    this.reset.hidden = !set.length
    this.summary.textContent = "筛选与排序" + (set.length ? "（已选 " + set.length + " 项）" : "")
  }

  FilterBar.prototype.filter = function (entries) {
    var chosen = this.chosen
    return byDate(entries.filter(function (entry) { return passes(entry, chosen) }), this.order)
  }

  FilterBar.prototype.state = function () {
    var out = {}
    Object.keys(this.chosen).forEach(function (key) { if (this.chosen[key]) out[key] = this.chosen[key] }, this)
    if (this.order) out.o = this.order
    return out
  }

  /* The page's URL with the current state, put in the address bar (no reload) */
  var current = {}
  function share() {
    if (!ready) return
    var query = new URLSearchParams()
    Object.keys(current).forEach(function (key) { if (current[key]) query.set(key, current[key]) })
    var search = query.toString()
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash)
  }

  /* --- the documents list --------------------------------------------------------- */

  function documentsList() {
    var table = null
    for (var el = list.nextElementSibling; el && !table; el = el.nextElementSibling)
      table = el.matches("table") ? el : el.querySelector("table")
    if (!table) return
    var body = table.tBodies[0]
    var status = element("p", { class: "pk-filter-status", role: "status" })
    var bar = new FilterBar(list, FIELDS.filter(function (f) { return !f.results }), apply)
    list.appendChild(status)
    var entries = null

    function apply() {
      bar.update(entries)
      var shown = bar.filter(entries)
      var visible = new Set(shown)
      entries.forEach(function (entry) { entry.row.hidden = !visible.has(entry) })
      shown.forEach(function (entry) { body.appendChild(entry.row) })
      entries.forEach(function (entry) { if (!visible.has(entry)) body.appendChild(entry.row) })
      var filtered = Object.keys(bar.state()).some(function (key) { return key !== "o" })
      status.textContent = filtered ? "筛选出 " + shown.length + " 件（共 " + entries.length + " 件）"
                                    : "共 " + entries.length + " 件"
      current = bar.state()
      if (current.o === "date") delete current.o                     /* the list's own order */
      share()
    }

    loadFacets().then(function () {
      entries = Array.from(body.rows).map(function (row) {
        var link = row.querySelector("a[href]")
        var target = link ? new URL(link.getAttribute("href"), location.href).href : ""
        var doc = target.indexOf(SITE.href) === 0 ? docOf(target.slice(SITE.href.length)) : null
        return { row: row, doc: doc, kind: "文件", jurisdiction: doc ? doc[0] : "" }
      })
      apply()
    })
  }

  /* --- the results page ------------------------------------------------------------ */

  function resultsPage() {
    var form = element("form", { class: "pk-search-form", role: "search" })
    var input = element("input", { type: "search", name: "q", class: "pk-search-input", placeholder: "输入查询词，如 淄川区孕产妇死亡率",
                                   "aria-label": "查询词", autocomplete: "off", spellcheck: "false" })
    input.value = params.get("q") || ""
    form.appendChild(input)
    form.appendChild(element("button", { type: "submit", class: "md-button md-button--primary pk-search-go" }, "搜索"))
    results.appendChild(form)
    var bar = new FilterBar(results, FIELDS, render)
    var status = element("p", { class: "pk-search-status", role: "status" })
    var out = element("ol", { class: "pk-search-results" })
    var more = element("button", { type: "button", class: "md-button pk-search-more-results" }, "显示更多")
    results.appendChild(status)
    results.appendChild(out)
    results.appendChild(more)

    var worker = null, asked = "", answer = null, shown = PAGE, entries = []

    function ask() {
      var query = input.value.trim()
      if (query === asked) return
      asked = query
      shown = PAGE
      if (!query) {
        answer = { items: [] }
        entries = []
        render()
        return
      }
      status.textContent = "正在搜索…"
      if (!worker) {
        worker = new Worker(WORKER)
        worker.addEventListener("message", function (event) {
          var message = event.data
          if (!message || message.type !== RESULT) return
          answer = message.data
          loadFacets().then(function () {
            entries = answer.items.map(function (group) {
              var item = group[0]
              return { item: item, kind: item.kind, jurisdiction: item.jurisdiction, doc: docOf(item.location) }
            })
            render()
          })
        })
      }
      worker.postMessage({ type: QUERY, data: query })
    }

    function render() {
      bar.update(entries)
      var chosen = bar.filter(entries)
      current = Object.assign({ q: asked }, bar.state())
      share()
      out.textContent = ""
      if (!asked) {
        status.textContent = "键入查询词以开始搜索。不必加空格：淄川区孕产妇死亡率、槐荫区区妇联；常说的部门简称也能找到全称（计生局、人社局）。"
        more.hidden = true
        return
      }
      var line = (answer && answer.partial ? "已找到 " : "找到 ") + entries.length + " 个结果"
      if (chosen.length !== entries.length) line += "，筛选后 " + chosen.length + " 个"
      if (answer && answer.split) line += "。查询词已拆分为 " + answer.split.join(" + ") + "，结果含全部各词"
      status.textContent = line
      chosen.slice(0, shown).forEach(function (entry) { out.appendChild(resultItem(entry)) })
      more.hidden = chosen.length <= shown
    }

    function resultItem(entry) {
      var item = entry.item, li = element("li", { class: "pk-search-result" })
      var link = element("a", { class: "pk-search-result__title", href: new URL(item.location, SITE).href })
      link.innerHTML = item.title                              /* the worker's HTML: escaped text and <mark> */
      li.appendChild(link)
      var facts = [item.kind, item.jurisdiction]
      if (entry.doc) facts = facts.concat([entry.doc[1], entry.doc[2], entry.doc[3]])
      var meta = element("div", { class: "pk-search-result__meta" })
      facts.filter(Boolean).forEach(function (fact) { meta.appendChild(element("span", {}, fact)) })
      if (entry.doc && entry.doc[4]) meta.appendChild(element("span", { class: "pk-status", "data-status": entry.doc[4] }, entry.doc[4]))
      li.appendChild(meta)
      if (item.text) {
        var text = element("p", { class: "pk-search-result__text" })
        text.innerHTML = item.text
        li.appendChild(text)
      }
      return li
    }

    more.addEventListener("click", function () {
      shown += PAGE
      render()
    })
    var typing = null
    input.addEventListener("input", function (event) {
      if (event.isComposing) return
      clearTimeout(typing)
      typing = setTimeout(ask, 250)
    })
    input.addEventListener("compositionend", function () {
      clearTimeout(typing)
      typing = setTimeout(ask, 250)
    })
    form.addEventListener("submit", function (event) {
      event.preventDefault()
      clearTimeout(typing)
      ask()
    })
    if (input.value.trim()) ask()
    else render()
  }

  function start() {
    if (list) documentsList()
    if (results) resultsPage()
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start)
  else start()
})()
