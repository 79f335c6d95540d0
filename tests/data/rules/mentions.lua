-- A custom rule for the CLI tests: a note on every "Ostreva".
rule {
  id = "ostreva", severity = "note", summary = "Every Ostreva", tags = { "places" },
  check = function(corpus, report)
    for _, s in ipairs(corpus:find("Ostreva")) do report(s, "%s here", s.text) end
  end,
}
