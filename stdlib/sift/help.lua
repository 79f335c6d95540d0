-- sift.help -- the API documents itself: sift.help(obj), sift.help("doc:find"),
-- or :help in the REPL.
local type, getmetatable, rawget, pairs, ipairs, print = type, getmetatable, rawget, pairs, ipairs, print
local table_sort, table_concat, string_format = table.sort, table.concat, string.format

local DOCS = {
  ["sift.corpus"] = {
    _title = "corpus -- the loaded corpus (the global `corpus`)",
    name = "the corpus name (manifest \"name\" or the folder name)",
    ["documents()"] = "every document, in corpus order (a list)",
    ["document(id)"] = "the document with this id, or nil",
    ["find(p)"] = "every match of p (a literal string or an LPeg pattern) in every document, as spans",
    ["sides()"] = "the sides the manifest declares: {id=, label=, aliases=, party=}",
    ["declared()"] = "the entities the manifest declares: {name=, kind=, side=, aliases=}",
    ["#corpus"] = "the number of documents",
  },
  ["sift.doc"] = {
    _title = "doc -- one document of the corpus",
    id = "the document id (manifest id, or the path without extension)",
    source = "the outlet or party that published it (or nil)",
    published = "publication date YYYY-MM-DD (or nil)",
    kind = "news, wire, statement, encyclopedia, ... (or nil)",
    title = "the title: manifest, markup title, or an opening headline",
    language = "language code (or nil)",
    url = "where it came from (or nil)",
    path = "the file it was read from",
    text = "the original bytes; spans index this string",
    plain = "the text with markup removed (what extraction reads)",
    bytes = "#doc.text",
    meta = "other manifest or record fields, as a table",
    corpus = "the corpus it belongs to",
    ["sentences()"] = "sentences and headlines, as spans (kind 'sentence' or 'headline')",
    ["paragraphs()"] = "paragraphs, as spans",
    ["find(p)"] = "every match of p (a literal string or an LPeg pattern), as spans",
    ["span(i, j)"] = "the span of doc.text:sub(i, j)",
  },
  ["sift.span"] = {
    _title = "span -- a range of a document: doc.text:sub(span.start, span.stop) == span.text",
    doc = "the document",
    start = "first byte (1-based, as string.sub)",
    stop = "last byte (inclusive, as string.sub)",
    text = "the bytes of the span",
    line = "1-based line of the start",
    col = "1-based column of the start, in characters",
    kind = "'sentence', 'headline', 'paragraph' or 'match'",
    index = "the sentence's or paragraph's number in its document (nil for a match)",
    offset = "0-based byte offset of the start (as in JSON output)",
    length = "bytes in the span",
    ["sentence()"] = "the sentence containing the span's start",
    ["#span"] = "bytes in the span",
  },
  sift = {
    _title = "sift -- the sift module",
    version = "the sift version",
    ["json.decode(s)"] = "JSON text -> Lua value (null is sift.json.null)",
    ["json.encode(v [, pretty])"] = "Lua value -> JSON text, keys sorted",
    ["key(s)"] = "normalisation key: compatibility forms, case and accents folded",
    ["load(path, ...)"] = "load another corpus, as the command line would",
    ["inspect(v)"] = "a readable string for any value",
    ["list(t)"] = "give t the list methods: map, filter, sort, first, join, count, each",
    ["help([obj or 'name'])"] = "this help",
  },
}

local function classof(v)
  local mt = getmetatable(v)
  return type(mt) == "table" and rawget(mt, "__name") or nil
end

local function lines_for(name)
  local d = DOCS[name]
  if not d then return nil end
  local keys = {}
  for k in pairs(d) do
    if k ~= "_title" then keys[#keys + 1] = k end
  end
  table_sort(keys)
  local out = { d._title, "" }
  for _, k in ipairs(keys) do out[#out + 1] = string_format("  %-26s %s", k, d[k]) end
  return table_concat(out, "\n")
end

local ALIASES = { corpus = "sift.corpus", doc = "sift.doc", span = "sift.span", sentence = "sift.span" }

-- help(x) -- print help for an object, a class name ("doc"), or one member ("doc:find").
local function help(x)
  local text
  if x == nil then
    text = table_concat({
      "sift: compare what sources say. Globals: corpus, sift, lpeg, re.",
      "Try: #corpus   corpus:documents()   corpus:document(id)   corpus:find('capital')",
      "     doc:sentences()   span.text   sift.help(doc)   sift.help('span')",
      "Classes: corpus, doc, span, sift (help with sift.help('doc') or :help doc)",
    }, "\n")
  elseif type(x) == "string" then
    local cls, member = x:match("^(%w+)[:.]([%w_]+)")
    if cls then
      local d = DOCS[ALIASES[cls] or cls]
      if d then
        for k, v in pairs(d) do
          if k == member or k:match("^" .. member .. "%(") then text = cls .. ":" .. k .. " -- " .. v end
        end
      end
      text = text or ("no help for '" .. x .. "'")
    else
      text = lines_for(ALIASES[x] or x) or ("no help for '" .. x .. "' (try: corpus, doc, span, sift)")
    end
  else
    local name = classof(x)
    if name == "sift" then name = "sift" end
    text = name and lines_for(name) or ("no help for a " .. type(x) .. " value")
  end
  print(text)
end

return { help = help, docs = DOCS }
