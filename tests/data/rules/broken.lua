-- A rule that raises, for the CLI tests: the other rules must still run.
rule {
  id = "broken", severity = "error", summary = "Always raises",
  check = function() error("this rule is broken") end,
}
