# sift check: the stock rules, reports, exit codes, baselines, custom rules.

=== count-mismatch finds the three checkpoints with two names; warnings do not fail by default
$ sift check --only count-mismatch corpus/varkesia-2023
corpus/varkesia-2023/docs/jmmv-0316.txt:14:95: warning: three checkpoints, but the list that follows names 2: Ulmac, Brodnik [count-mismatch]
  ... along the Lodva road. The patrol passed three checkpoints: Ulmac and Brodnik. At both...
                                              ^~~~~
1 warning
-- exit 0

=== --fail-on warning fails on it
$ sift check --fail-on warning corpus/varkesia-2023 > /dev/null
-- exit 1

=== JSON Lines: one finding a line, type first
$ sift check --only count-mismatch --format jsonl corpus/panjshir-2021 | cut -c1-80
{"type":"finding","rule":"count-mismatch","severity":"warning","message":"six vi
-- exit 0

=== SARIF 2.1.0 with rules metadata, regions, byte offsets and fingerprints
$ sift check --only count-mismatch --format sarif corpus/panjshir-2021 | sift run -e 'local s = sift.json.decode(io.read("a")); local r = s.runs[1]; local res = r.results[1]; local reg = res.locations[1].physicalLocation.region; return s.version, r.tool.driver.rules[1].id, res.ruleId, res.level, reg.startLine, reg.startColumn, reg.byteOffset > 0, #res.partialFingerprints["sift/v1"], r.invocations[1].executionSuccessful'
"2.1.0"	"count-mismatch"	"count-mismatch"	"warning"	6	23	true	16	true
-- exit 0

=== the same input gives byte-identical reports
$ for f in text json jsonl sarif; do sift check --format $f corpus/varkesia-2023 > "$TMP/a.$f"; sift check --format $f corpus/varkesia-2023 > "$TMP/b.$f"; cmp "$TMP/a.$f" "$TMP/b.$f" || echo "$f differs"; done; echo done
done
-- exit 0

=== several outputs in one run
$ sift check --only consistency --sarif-output "$TMP/o.sarif" --json-output "$TMP/o.json" -o "$TMP/o.txt" corpus/varkesia-2023 && grep -c '"2.1.0"' "$TMP/o.sarif" && grep -c '"findings"' "$TMP/o.json" && tail -n 1 "$TMP/o.txt"
1
1
1 warning
-- exit 0

=== a baseline hides the findings it already has
$ sift check --format json corpus/varkesia-2023 > "$TMP/base.json" && sift check --baseline "$TMP/base.json" --fail-on note corpus/varkesia-2023
no findings
-- exit 0

=== a SARIF baseline works too
$ sift check --format sarif corpus/varkesia-2023 > "$TMP/base.sarif" && sift check --baseline "$TMP/base.sarif" corpus/varkesia-2023
no findings
-- exit 0

=== custom rules with --rules; --only selects by tag
$ sift check --rules tests/data/rules/mentions.lua --only places corpus/varkesia-2023 | tail -n 1
17 notes
-- exit 0

=== --skip by id and by tag
$ sift check --skip count-mismatch,spelling,casualty,control,event,verification corpus/varkesia-2023
no findings
-- exit 0

=== --only with an id no rule has
$ sift check --only nonesuch corpus/varkesia-2023
-- exit 2
-- stderr: --only: no rule has the id or tag 'nonesuch'

=== a rule that raises: exit 3, the other rules still ran and the report was written
$ sift check --skip spelling,casualty,control,event,verification --rules tests/data/rules/broken.lua -o "$TMP/r.txt" corpus/varkesia-2023; echo "exit $?"; tail -n 1 "$TMP/r.txt"
exit 3
1 warning
-- exit 0
-- stderr: rule 'broken' raised an error:
-- stderr: this rule is broken

=== rules defined by a script are checked by sift run
$ sift run tests/data/rules/mentions.lua corpus/varkesia-2023 | tail -n 1
17 notes
-- exit 0

=== a bad baseline file
$ echo '[1, 2]' > "$TMP/bad.json" && sift check --baseline "$TMP/bad.json" corpus/varkesia-2023
-- exit 2
-- stderr: --baseline: neither a sift JSON report nor SARIF

=== sift test: a missing snapshot fails and says how to create it; --accept writes it
$ mkdir -p "$TMP/st" && printf 'test("snap", function() snapshot("one", {1, 2}) end)\n' > "$TMP/st/a_test.lua" && sift test "$TMP/st"; echo "exit $?"; sift test --accept "$TMP/st" > /dev/null && cat "$TMP/st/__snapshots__/a_test.one.txt" && sift test "$TMP/st"
*
-- exit 0
-- stdout: run 'sift test --accept' to create it
-- stdout: exit 1
-- stdout: { 1, 2 }
-- stdout: 1 passed, 0 failed

=== sift test: a changed value fails with the first differing line
$ mkdir -p "$TMP/st2/__snapshots__" && printf 'test("snap", function() snapshot("one", "a\\nb\\n") end)\n' > "$TMP/st2/a_test.lua" && printf 'a\nc\n' > "$TMP/st2/__snapshots__/a_test.one.txt" && sift test "$TMP/st2"
*
-- exit 1
-- stdout: differs at line 2:
-- stdout: 0 passed, 1 failed

=== sift test --junit writes JUnit XML
$ sift test --junit "$TMP/j.xml" tests/lua/rule_test.lua > /dev/null && grep -c '<testcase ' "$TMP/j.xml" && grep -o '<testsuite name="[^"]*" tests="[0-9]*" failures="0"' "$TMP/j.xml"
8
<testsuite name="tests/lua/rule_test.lua" tests="8" failures="0"
-- exit 0

=== name-variants: one entity spelt differently by different sources
$ sift check --only name-variants corpus/panjshir-2021 | grep -o "'[^']*' is spelt '[^']*'" | sort -u
'Fahim Dashty' is spelt 'Fahim Dashti'
'Jablus Siraj' is spelt 'Jabul-Saraj'
'Panjsher province' is spelt 'Panjshir province'
'Panjsher' is spelt 'Panjshir'
'Panjshir Province' is spelt 'Panjsher province'
'Zabiullah Mujahid' is spelt 'Zabihullah Mujahid'
-- exit 0

=== panjshir-2021: the findings a reader of facts.md expects (make run)
$ sift check corpus/panjshir-2021 | grep -E '^corpus' | grep -oE "(killed|captured|trapped|surrendered|casualties) figure [^(]*|capture of [A-Za-z]+ dated [0-9-]+ here|'120 km' here vs '[^']*'|six villages|'(Zabiullah Mujahid|Fahim Dashty)' is spelt '[^']*'" | sort -u
'120 km' here vs 'roughly 90 miles'
'Fahim Dashty' is spelt 'Fahim Dashti'
'Zabiullah Mujahid' is spelt 'Zabihullah Mujahid'
capture of Bazarak dated 2021-09-05 here
capture of Bazarak dated 2021-09-06 here
capture of Panjshir dated 2021-09-03 here
capture of Panjshir dated 2021-09-05 here
captured figure 600 
casualties figure no 
killed figure More than 700 
killed figure more than 700 
killed figure one 
six villages
surrendered figure 200 
surrendered figure 30 
trapped figure At least 1,000 
trapped figure at least 1,000 
-- exit 0

=== varkesia-2023: the planted conflicts are found, the corroborated 17 civilians are not flagged
$ sift check corpus/varkesia-2023 | grep -E '^corpus.*(warning|note):' | grep -v 'related:' | grep -oE '\[[a-z-]+\]$' | sort | uniq -c | awk '{print $2, $1}'; sift check corpus/varkesia-2023 | grep -E '^corpus.*(warning|note):' | grep -v 'related:' | grep -ciE "'(17|seventeen)'|figure (17|seventeen) "; true
[control-conflict] 12
[count-mismatch] 1
[date-conflict] 4
[figure-conflict] 7
[name-variants] 10
[one-sided-casualty] 5
[single-source] 1
0
-- exit 0

=== --help lists every stock rule
$ for id in $(sift run -e 'print(table.concat(require("sift.check").STOCK, " "))'); do sift check --help | grep -q "^  $id " || echo "missing $id"; done; echo checked
checked
-- exit 0
