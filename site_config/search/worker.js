/* policykb search worker: Chinese full-text search behind Material's header box.

   Speaks Material 9's worker protocol (integrations/search/worker/message):
   QUERY 2 in (the query string), RESULT 3 out ({items}), where
   each item is a list of SearchItem {location, title, text, score, terms,
   tags} and title/text are HTML. A RESULT from the first phase of a tiered
   index (meta.phases) also says partial: true; the complete one follows once
   the reader has stopped typing for LATER_MS. The index is the one generator/build/search.py
   writes next to this file; the tokeniser here mirrors its tokenize().

   Runs as a Worker over HTTP and inside Material's iframe-worker shim under
   file://, where importScripts returns a promise; hence every load is awaited
   and every index file is a script calling __pkb(name, data). */
"use strict"

var QUERY = 2, RESULT = 3             /* READY (1) comes from the page, see overrides/main.html */
var HAN = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u
var WORD = /[0-9a-z]/
var SNIPPET_BEFORE = 30, SNIPPET_AFTER = 90
var SNIPPETS = 20                     /* results that get a text snippet */
var LATER_MS = 300                    /* typing pause before the later tiers load */

var HERE = self.document && document.currentScript ? document.currentScript.src : self.location.href
var BASE = new URL(".", HERE).href
var files = Object.create(null)       /* name -> data, filled by __pkb */
var indexes = Object.create(null)     /* shard -> lunr.Index */
var meta = null

self.__pkb = function (name, data) { files[name] = data }

function importAll(urls) {
  return urls.length ? Promise.resolve(importScripts.apply(self, urls)) : Promise.resolve()
}

/* lunr and the meta file load as soon as the worker starts, i.e. when the
   reader focuses the search box; meta.js is never cached (it names the build) */
var deleted = null                   /* refs of pages replaced or removed since the base segment */
var reach = []                        /* per phase: the segments read by then */
var booted = importAll([BASE + "lunr.min.js", BASE + "meta.js?t=" + Date.now()])
  .then(function () {
    meta = files.meta
    deleted = new Set(meta.deleted.map(function (ref) { return ref.toString(16) }))
    var named = Object.create(null), read = []
    meta.segments.forEach(function (segment) { named[segment.name] = segment })
    meta.phases.forEach(function (names) {
      read = read.concat(names.map(function (name) { return named[name] }))
      reach.push(read)
    })
    if (!reach.length) reach.push([])             /* a site without pages */
  })

function load(names) {
  var missing = names.filter(function (name) { return !(name in files) })
  return importAll(missing.map(function (name) { return BASE + name + ".js?v=" + meta.v }))
}

/* --- tokeniser (generator/build/search.py) ---------------------------------------- */

function fold(text) {
  return Array.from(text, function (ch) {
    var folded = ch.normalize("NFKC").toLowerCase()
    return Array.from(folded).length === 1 ? folded : ch
  })
}

function fnv1a(chars) {
  var h = 0x811c9dc5
  for (var i = 0; i < chars.length; i++) {
    h ^= chars[i].codePointAt(0)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/* The shards holding a need, in each of `segments` (generator/build/search.py
   Layout): a heavy first character is split by the second one, so a lone
   character typed as a prefix reads all of its sub-shards. */
function shardsOf(need, segments) {
  var chars = Array.from(need.term), hex = chars[0].codePointAt(0).toString(16), all = []
  segments.forEach(function (segment) {
    var split = segment.heavy[chars[0]], at = segment.name + "/"
    if (!split) all.push(at + "b" + fnv1a(chars.slice(0, 1)) % segment.buckets)
    else if (need.prefix && chars.length === 1) for (var k = 0; k < split; k++) all.push(at + hex + "-" + k)
    else all.push(at + hex + "-" + fnv1a(chars.slice(1)) % split)
  })
  return all
}

/* The tokens a literal must have, at their offsets: bigrams covering each Han
   run (a lone Han character matches as a prefix), ASCII runs whole (the last
   one as a prefix). */
function needsOf(chars) {
  var needs = [], i = 0, n = chars.length
  while (i < n) {
    var j = i
    if (HAN.test(chars[i])) {
      while (j < n && HAN.test(chars[j])) j++
      if (j - i === 1) needs.push({ term: chars[i], at: i, prefix: true })
      for (var k = i; k < j - 1; k += 2) needs.push({ term: chars[k] + chars[k + 1], at: k })
      if (j - i > 1 && (j - i) % 2) needs.push({ term: chars[j - 2] + chars[j - 1], at: j - 2 })
    } else if (WORD.test(chars[i])) {
      while (j < n && WORD.test(chars[j])) j++
      needs.push({ term: chars.slice(i, j).join(""), at: i, prefix: j === n })
    } else {
      j = i + 1
    }
    i = j
  }
  return needs
}

/* --- query ------------------------------------------------------------------- */

/* "a b" -> terms; each term -> literals (itself and the unit's other names) */
function parse(query) {
  var seen = Object.create(null)
  return termsOf(query.split(/\s+/).filter(function (raw) {
    if (!raw || seen[raw]) return false
    return (seen[raw] = true)
  }))
}

function termsOf(raws) {
  return raws.map(function (raw) {
    var key = fold(raw).join("")
    var names = [key].concat(otherNames(key))
    return {
      raw: raw,
      key: key,
      literals: names.map(function (name, alias) {
        var chars = Array.from(name)
        return { chars: chars, length: chars.length, needs: needsOf(chars), alias: alias > 0 }
      }).filter(function (literal) { return literal.needs.length })
    }
  }).filter(function (term) { return term.literals.length })
}

/* The other names of a unit or department (meta.groups, meta.keys: generator/build/search.py
   alias_groups), and those of a term ending with a department's name in the
   dictionary of names people say (meta.names: 国家卫健委 -> 国家卫生健康委员会) */
function aliasesOf(key) {
  var found = Object.create(null)
  ;(meta.keys[key] || []).forEach(function (group) {
    meta.groups[group].forEach(function (name) { if (name !== key) found[name] = true })
  })
  return Object.keys(found)
}

var endings = null                    /* dictionary terms, longest first */
function otherNames(key) {
  var out = aliasesOf(key)
  if (!endings) endings = Object.keys(meta.names).sort(function (a, b) { return b.length - a.length })
  var ending = endings.find(function (term) { return key.length >= term.length && key.endsWith(term) })
  if (ending) {
    var head = key.slice(0, key.length - ending.length)
    meta.names[ending].forEach(function (name) {
      out.push(head + name)
      out = out.concat(aliasesOf(head + name))
    })
  }
  var seen = Object.create(null)
  seen[key] = true
  return out.filter(function (name) { return !seen[name] && (seen[name] = true) })
}

/* --- a query written without spaces --------------------------------------------
   淄川区孕产妇死亡率 has no literal match: it is split into known words (the
   places, units, indicators and document types of meta.lexicon, the names of
   meta.groups and meta.names) and, where none fits, into strings the index
   holds, and answered with the pages that hold every part. A query that is
   wholly a place and other known words (槐荫区区妇联) is split even when its
   literal has matches: those come first. */

var SPLIT_MIN = 4                     /* characters of a term worth splitting */
var PIECE_MAX = 20
var STOP = "的和与及之在对等了"         /* one character between words: dropped */
var lexicon = null                    /* word -> "j" (place) | "u" (unit, department) | "i" (indicator) | "w" */

function lexiconOf() {
  if (lexicon) return lexicon
  lexicon = Object.create(null)
  function put(words, kind) {
    (words || []).forEach(function (word) {
      var key = fold(word).join("")
      if (!lexicon[key] || kind === "j") lexicon[key] = kind
      if (kind === "u" && key.length >= 4 && "区县市".indexOf(key[0]) >= 0 && !lexicon[key.slice(1)])
        lexicon[key.slice(1)] = "u"
    })
  }
  var lex = meta.lexicon || {}
  put(lex.types, "w")
  put(lex.metrics, "i")
  put(Object.keys(meta.keys), "u")
  Object.keys(meta.names).forEach(function (term) { put([term].concat(meta.names[term]), "u") })
  put(lex.units, "u")
  put(lex.places, "j")
  return lexicon
}

/* The cheapest cover of `chars` by pieces, `cost(i, j)` each (Infinity: not a
   piece; a stop character costs little and is dropped): [raw parts] or null. */
function cover(chars, cost) {
  var n = chars.length, best = [{ cost: 0, parts: [] }]
  for (var j = 1; j <= n; j++) {
    best[j] = null
    for (var i = Math.max(0, j - PIECE_MAX); i < j; i++) {
      if (!best[i]) continue
      var c = cost(i, j)
      if (c === Infinity) continue
      var piece = chars.slice(i, j).join(""), stop = j - i === 1 && STOP.indexOf(piece) >= 0
      var total = best[i].cost + (stop ? 0.2 : c + 0.01)
      if (!best[j] || total < best[j].cost)
        best[j] = { cost: total, parts: stop ? best[i].parts : best[i].parts.concat([piece]) }
    }
  }
  return best[n] && best[n].parts.length > 1 ? best[n].parts : null
}

/* The cost of a known word as a piece (0: not one): a place's bare name
   (淄川 of 淄川区) a little more than the full one, so 淄川区计生局 is
   淄川区 + 计生局 */
function known(words, piece) {
  var kind = words[piece]
  if (kind === "j") return "区县市".split("").some(function (level) { return words[piece + level] === "j" }) ? 1.02 : 1
  return kind === "u" || kind === "i" ? 1 : 0
}

/* Split into known words only: when one of them is a place, or `any` way
   (a term with no literal match, which needs no index to split) */
function knownSplit(term, any) {
  var words = lexiconOf(), chars = Array.from(term.key)
  if (chars.length < SPLIT_MIN) return null
  var parts = cover(chars, function (i, j) {
    return known(words, chars.slice(i, j).join("")) || Infinity
  })
  return parts && (any || parts.some(function (part) { return words[part] === "j" })) ? parts : null
}

/* Split into known words where they fit and strings the index holds elsewhere
   (every bigram of the term is read: `occurs` says which substrings are in
   the text of some page) */
function indexSplit(term, segments) {
  var chars = Array.from(term.key), n = chars.length
  if (n < SPLIT_MIN || !chars.every(function (ch) { return HAN.test(ch) })) return Promise.resolve(null)
  var needs = []
  for (var k = 0; k + 1 < n; k++) needs.push({ term: chars[k] + chars[k + 1], at: k })
  var shards = {}
  needs.forEach(function (need) {
    shardsOf(need, segments).forEach(function (shard) { shards["s/" + shard] = true })
  })
  return load(Object.keys(shards)).then(function () {
    collect(needs, segments)
    var occurs = substrings(needs, n), words = lexiconOf()
    return cover(chars, function (i, j) {
      var piece = chars.slice(i, j).join(""), cost = known(words, piece)
      if (j - i === 1) return 3
      if (cost && (occurs[i][j] || otherNames(piece).length)) return cost
      /* of two covers as long, the one whose pieces the text holds more often:
         可视化 + 旅游, not 可视 + 化旅游 */
      return occurs[i][j] ? 1.5 + 0.1 / occurs[i][j] : Infinity
    })
  })
}

/* occurs[i][j]: how often chars i..j (two or more) stand together in the text; each
   start's places are followed bigram by bigram */
function substrings(needs, n) {
  var occurs = []
  for (var i = 0; i < n; i++) occurs.push([])
  var sets = needs.map(function () { return Object.create(null) })
  function has(k, ref, field, at) {
    var key = ref + field, set = sets[k][key]
    if (!set) {
      var list = (needs[k].found[ref] || {})[field]
      set = sets[k][key] = new Set(list || [])
    }
    return set.has(at)
  }
  needs.forEach(function (need, i) {
    var places = []
    Object.keys(need.found).forEach(function (ref) {
      Object.keys(need.found[ref]).forEach(function (field) {
        need.found[ref][field].forEach(function (at) { places.push([ref, field, at]) })
      })
    })
    for (var j = i + 2; places.length && j <= n; j++) {
      if (j > i + 2) places = places.filter(function (p) { return has(j - 2, p[0], p[1], p[2] + j - 2 - i) })
      if (places.length) occurs[i][j] = places.length
    }
  })
  return occurs
}

function index(shard) {
  return indexes[shard] || (indexes[shard] = lunr.Index.load(files["s/" + shard]))
}

/* Offsets of every need, per document and field, read from the shards'
   inverted indexes of `segments` (a prefix expands through lunr's token
   set). lunr's own scoring is skipped: every candidate is verified and
   ranked below. */
function collect(needs, segments) {
  needs.forEach(function (need) { need.found = postings(need, segments) })
}

/* A token's postings, ref -> field -> [offsets], kept for the next queries:
   the names of one unit share tokens (区卫生健康局 and 区卫健局 both need
   区卫), and each keystroke asks again what the last one asked */
var KEPT = 256                        /* tokens whose postings are kept */
var kept = new Map()                  /* key -> postings, the most recent last */
function postings(need, segments) {
  var key = need.term + (need.prefix ? "*" : "") + "@" + segments.map(function (s) { return s.name }).join()
  var found = kept.get(key)
  if (found) {
    kept.delete(key)
    kept.set(key, found)
    return found
  }
  found = Object.create(null)
  shardsOf(need, segments).forEach(function (shard) {
    var idx = index(shard)
    var tokens = need.prefix
      ? idx.tokenSet.intersect(lunr.TokenSet.fromString(need.term + "*")).toArray()
      : need.term in idx.invertedIndex ? [need.term] : []
    tokens.forEach(function (token) {
      var posting = idx.invertedIndex[token]
      idx.fields.forEach(function (field) {
        Object.keys(posting[field]).forEach(function (ref) {
          if (deleted.has(ref)) return
          var fields = found[ref] = found[ref] || {}
          var offsets = posting[field][ref]
          fields[field] = fields[field] ? merged(fields[field], offsets) : offsets
        })
      })
    })
  })
  kept.set(key, found)
  if (kept.size > KEPT) kept.delete(kept.keys().next().value)
  return found
}

/* Two ascending lists of offsets as one (the tokens a prefix expands to) */
function merged(a, b) {
  return a.concat(b).sort(function (x, y) { return x - y })
}

/* Is `x` in the ascending list? */
function holds(list, x) {
  var lo = 0, hi = list.length - 1
  while (lo <= hi) {
    var mid = (lo + hi) >> 1
    if (list[mid] === x) return true
    if (list[mid] < x) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/* Start offsets of a literal in one field of one document, ascending: the
   offsets of its rarest need, kept where every other need sits at its place
   too (each list of offsets is ascending, as the index writes it). */
function verify(literal, ref, field) {
  var needs = literal.needs, lists = []
  for (var i = 0; i < needs.length; i++) {
    var list = (needs[i].found[ref] || {})[field]
    if (!list) return []
    lists.push(list)
  }
  var driver = 0
  lists.forEach(function (list, i) { if (list.length < lists[driver].length) driver = i })
  var starts = []
  lists[driver].forEach(function (p) {
    var base = p - needs[driver].at
    if (base >= 0 && lists.every(function (list, i) { return i === driver || holds(list, base + needs[i].at) }))
      starts.push(base)
  })
  return starts
}

/* The pages of a token's postings (only they can hold a literal that needs it) */
var pagesOf = new WeakMap()
function refsOf(found) {
  var refs = pagesOf.get(found)
  if (!refs) pagesOf.set(found, refs = Object.keys(found))
  return refs
}

/* ref -> hits for pages with all terms (`needs`: needsOfAll(terms)): hits[term][field] is a list of
   groups {starts, length, alias}, one per literal found there (a broad query
   matches thousands of places; ranges() spells them out where needed). */
function match(terms, needs, segments) {
  collect(needs, segments)
  var pages = null
  terms.forEach(function (term, t) {
    var found = Object.create(null)
    term.literals.forEach(function (literal) {
      var refs = literal.needs.map(function (need) { return refsOf(need.found) })
        .reduce(function (a, b) { return b.length < a.length ? b : a })
      refs.forEach(function (ref) {
        if (pages && !pages[ref]) return
        ["t", "b"].forEach(function (field) {
          var starts = verify(literal, ref, field)
          if (!starts.length) return
          var hits = found[ref] = found[ref] || { t: [], b: [] }
          hits[field].push({ starts: starts, length: literal.length, alias: literal.alias })
        })
      })
    })
    var next = Object.create(null)
    Object.keys(found).forEach(function (ref) {
      if (pages && !pages[ref]) return
      next[ref] = pages ? pages[ref] : []
      next[ref][t] = found[ref]
    })
    pages = next
  })
  return pages || {}
}

/* --- ranking and rendering ------------------------------------------------- */

function row(ref) {
  var number = parseInt(ref, 16)
  return files["d/" + Math.floor(number / meta.chunk)][number % meta.chunk]
}

/* What every query needs of a page, computed once: a broad query touches
   a thousand pages, and warm queries should not split their titles again. */
var views = Object.create(null)
function view(ref) {
  var seen = views[ref]
  if (seen) return seen
  var info = row(ref)
  return (views[ref] = {
    info: info, title: Array.from(info[1]), html: escapeHTML(info[1]),
    tags: [info[2], info[3]].filter(Boolean).map(escapeHTML)
  })
}

/* [{at, length, alias}] of one field of a page's hits, in text order */
function ranges(hits, field) {
  var out = []
  hits.forEach(function (h) {
    h[field].forEach(function (group) {
      group.starts.forEach(function (at) { out.push({ at: at, length: group.length, alias: group.alias }) })
    })
  })
  return out.sort(function (a, b) { return a.at - b.at })
}

/* Title matches first (the whole title best; of several terms, the more
   the title holds the better), then pages where the terms stand together as
   typed, then literal before alias, then density. */
function score(ref, hits) {
  var page = view(ref), length = page.info[4], titleLength = page.title.length
  var titled = hits.every(function (h) { return h.t.length })
  var whole = hits.length === 1 && hits[0].t.some(function (group) {
    return group.starts[0] === 0 && group.length === titleLength
  })
  var literal = hits.every(function (h) {
    return h.t.concat(h.b).some(function (group) { return !group.alias })
  })
  var count = 0
  hits.forEach(function (h) { h.b.forEach(function (group) { count += group.starts.length }) })
  /* several terms (a split query): the title holds some, or is one */
  var inTitle = hits.filter(function (h) { return h.t.length }).length
  var isOne = hits.length > 1 && hits.some(function (h) {
    return h.t.some(function (group) { return group.starts[0] === 0 && group.length === titleLength })
  })
  return (whole ? 4000 : 0) + (titled ? 2000 : 1200 * inTitle / hits.length) + (isOne ? 800 : 0) +
    (together(hits) ? 1000 : 0) +
    (literal ? 500 : 0) + Math.min(400, 100 * Math.log1p(count) + 100000 * count / (length + 1000)) -
    Math.min(50, titleLength)
}

/* Do the terms occur one right after another (white space allowed)? */
function together(hits) {
  if (hits.length < 2) return true
  return ["t", "b"].some(function (field) {
    var each = hits.map(function (h) { return ranges([h], field) })
    return each[0].some(function (first) {
      var end = first.at + first.length
      return each.slice(1).every(function (found) {
        var next = found.find(function (x) { return x.at === end || x.at === end + 1 })
        if (!next) return false
        end = next.at + next.length
        return true
      })
    })
  })
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, function (ch) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch]
  })
}

/* chars[from, to) as HTML with the ranges (absolute offsets) marked */
function marked(chars, from, to, ranges) {
  var out = "", at = from
  ranges.map(function (r) { return [Math.max(from, r.at), Math.min(to, r.at + r.length)] })
    .filter(function (r) { return r[0] < r[1] })
    .sort(function (a, b) { return a[0] - b[0] })
    .forEach(function (r) {
      if (r[0] < at) r[0] = at
      if (r[0] >= r[1]) return
      out += escapeHTML(chars.slice(at - from, r[0] - from).join("")) +
        "<mark data-md-highlight>" + escapeHTML(chars.slice(r[0] - from, r[1] - from).join("")) + "</mark>"
      at = r[1]
    })
  return out + escapeHTML(chars.slice(at - from, to - from).join(""))
}

/* Text around the first place of the rarest term in the page's body (of a
   split query, the indicator rather than the place name every page repeats) */
function snippet(ref, hits) {
  var info = row(ref), body = ranges(hits, "b")
  var rarest = null
  hits.forEach(function (h) {
    var own = ranges([h], "b")
    if (own.length && (!rarest || own.length < rarest.length)) rarest = own
  })
  var anchor = rarest ? rarest[0] : { at: 0, length: 0 }
  var piece = Math.floor(anchor.at / meta.piece), start = piece * meta.piece
  var text = files["t/" + info[5][piece]]
  var chars = Array.from(text.find(function (p) { return p[0] === parseInt(ref, 16) && p[1] === piece })[2]
    .replace(/\n/g, " "))
  var from = Math.max(start, anchor.at - SNIPPET_BEFORE)
  var to = Math.min(start + chars.length, anchor.at + anchor.length + SNIPPET_AFTER)
  var html = marked(chars.slice(from - start, to - start), from, to, body)
  return (from > 0 ? "…" : "") + html + (to < info[4] ? "…" : "")
}

function packsFor(refs, hitsOf) {
  var names = {}
  refs.forEach(function (ref) {
    var at = 0, fewest = Infinity
    hitsOf[ref].forEach(function (h) {
      var own = ranges([h], "b")
      if (own.length && own.length < fewest) {
        fewest = own.length
        at = own[0].at
      }
    })
    names["t/" + row(ref)[5][Math.floor(at / meta.piece)]] = true
  })
  return Object.keys(names)
}

function needsOfAll(terms) {
  var needs = []
  terms.forEach(function (term) {
    term.literals.forEach(function (literal) { needs = needs.concat(literal.needs) })
  })
  return needs
}

/* Pages holding every term among those of `segments`, best first: {terms,
   pages (ref -> hits), refs, scores} */
function find(terms, segments) {
  var shards = {}, needs = needsOfAll(terms)
  needs.forEach(function (need) {
    shardsOf(need, segments).forEach(function (shard) { shards["s/" + shard] = true })
  })
  var found = { terms: terms, pages: null, refs: [], scores: {} }
  return load(Object.keys(shards)).then(function () {
    found.pages = match(terms, needs, segments)
    found.refs = Object.keys(found.pages)
    var chunks = {}
    found.refs.forEach(function (ref) { chunks["d/" + Math.floor(parseInt(ref, 16) / meta.chunk)] = true })
    return load(Object.keys(chunks))
  }).then(function () {
    var order = {}
    found.refs.forEach(function (ref) {
      found.scores[ref] = score(ref, found.pages[ref])
      order[ref] = parseInt(ref, 16)
    })
    found.refs.sort(function (a, b) { return found.scores[b] - found.scores[a] || order[a] - order[b] })
    return found
  })
}

/* The literal results, or those of the query split: into known words
   (knownSplit), and when that finds nothing and the literal nothing either,
   into what the index holds too (indexSplit) */
function findSplit(terms, segments, literal) {
  var none = !literal.refs.length
  return withSplit(terms, terms.map(function (term) { return knownSplit(term, none) }), segments, literal)
    .then(function (found) {
      if (found.refs.length) return found
      return Promise.all(terms.map(function (term) { return indexSplit(term, segments) })).then(function (parts) {
        return withSplit(terms, parts, segments, literal)
      })
    })
}

/* The results of terms split into `parts` (per term, null: whole); a split's
   own pages follow the literal ones, which stay first */
function withSplit(terms, parts, segments, literal) {
  if (!parts.some(Boolean)) return Promise.resolve(literal)
  var raws = [], split = []
  terms.forEach(function (term, t) {
    raws = raws.concat(parts[t] || [term.raw])
    if (parts[t]) split = split.concat(parts[t])
  })
  return find(termsOf(raws), segments).then(function (found) {
    if (!found.refs.length) return literal
    var first = Object.create(null)
    literal.refs.forEach(function (ref) { first[ref] = true })
    found.refs.forEach(function (ref) {
      if (first[ref]) {
        found.pages[ref] = literal.pages[ref]
        found.scores[ref] = 100000 + literal.scores[ref]
      }
    })
    found.refs = literal.refs.concat(found.refs.filter(function (ref) { return !first[ref] }))
    found.split = split
    found.literal = literal.refs.length
    return found
  })
}

/* The results of `query` among the pages of `segments` */
function search(query, segments) {
  var terms = parse(query)
  if (!terms.length) return Promise.resolve({ items: [] })
  return find(terms, segments).then(function (literal) {
    return findSplit(terms, segments, literal)
  }).then(function (found) {
    var refs = found.refs, pages = found.pages
    return load(packsFor(refs.slice(0, SNIPPETS), pages)).then(function () {
      var wanted = {}
      found.terms.forEach(function (term) { wanted[term.raw] = true })
      var result = {
        items: refs.map(function (ref, rank) {
          var page = view(ref), titleHits = ranges(pages[ref], "t")
          return [{
            location: page.info[0],
            title: titleHits.length ? marked(page.title, 0, page.title.length, titleHits) : page.html,
            text: rank < SNIPPETS ? snippet(ref, pages[ref]) : "",
            score: found.scores[ref],
            terms: wanted,
            tags: page.tags,
            kind: page.info[2],
            jurisdiction: page.info[3]
          }]
        })
      }
      if (found.split) {
        result.split = found.split
        result.literal = found.literal
      }
      return result
    })
  })
}

/* --- protocol ---------------------------------------------------------------- */

var latest = 0, queue = Promise.resolve()

/* Phase `phase` of query number `seq`, queued after what runs: skipped once
   a newer query came; a phase that is not the last schedules the next one
   after a typing pause (each keystroke is a query: the ones typed past
   never read the later tiers). */
function answer(query, seq, phase) {
  queue = queue.then(function () { return booted }).then(function () {
    if (seq !== latest) return
    return search(query, reach[phase]).then(function (result) {
      if (phase + 1 < reach.length) {
        result.partial = true
        setTimeout(function () { if (seq === latest) answer(query, seq, phase + 1) }, LATER_MS)
      }
      self.postMessage({ type: RESULT, data: result })
    })
  }).catch(function (error) {
    self.postMessage({ type: RESULT, data: { items: [] } })
    setTimeout(function () { throw error })
  })
}

self.addEventListener("message", function (event) {
  var message = event.data
  if (!message || message.type !== QUERY) return
  answer(message.data, ++latest, 0)
})
