# User extractors: sift.extractor{name, kinds, run} in a script, a --rules
# file or the manifest's "extractors" adds claims of new kinds.
# Fixtures: tests/fixtures/extractors/ (arrests.lua emits kind "arrest").

=== a script's extractor adds claims the next script reads with corpus:claims
$ sift run tests/fixtures/extractors/arrests.lua tests/fixtures/extractors/report.lua tests/fixtures/extractors/plain
a	arrested	12	2021-09-06	people	arrested 12
b	arrested	40	2021-09-07	protesters	detained 40
-- exit 0

=== the same with many workers: every worker state loads the extractor
$ sift run -j 4 tests/fixtures/extractors/arrests.lua tests/fixtures/extractors/report.lua tests/fixtures/extractors/plain
a	arrested	12	2021-09-06	people	arrested 12
b	arrested	40	2021-09-07	protesters	detained 40
-- exit 0

=== without the extractor there are no arrest claims
$ sift run tests/fixtures/extractors/report.lua tests/fixtures/extractors/plain
-- exit 0

=== the manifest's "extractors" (relative to the manifest) run without a script
$ sift run tests/fixtures/extractors/report.lua tests/fixtures/extractors/manifest
a	arrested	12	2021-09-06	people	arrested 12
b	arrested	40	2021-09-07	protesters	detained 40
-- exit 0

=== a script naming a file the manifest lists does not define it twice
$ sift run tests/fixtures/extractors/arrests.lua tests/fixtures/extractors/report.lua tests/fixtures/extractors/manifest
a	arrested	12	2021-09-06	people	arrested 12
b	arrested	40	2021-09-07	protesters	detained 40
-- exit 0

=== sift extract writes the new kind as claim records among the stock ones
$ sift extract tests/fixtures/extractors/manifest | grep '"type":"claim"' | cut -d, -f2-6
"id":1,"doc":"a","kind":"arrest","category":"arrested","start":7
"id":2,"doc":"a","kind":"casualty","category":"killed","start":101
"id":3,"doc":"b","kind":"arrest","category":"arrested","start":10
-- exit 0

=== records written by sift extract load back with their kinds, without the extractor
$ sift extract tests/fixtures/extractors/manifest -o "$TMP/arrests.jsonl" && sift run tests/fixtures/extractors/report.lua "$TMP/arrests.jsonl"
a	arrested	12	2021-09-06	people	arrested 12
b	arrested	40	2021-09-07	protesters	detained 40
-- exit 0

=== a --rules file may define extractors for the rules
$ sift check tests/fixtures/extractors/plain --no-stock --rules tests/fixtures/extractors/arrests.lua --rules tests/fixtures/extractors/arrest-rule.lua --format jsonl | cut -d, -f1-3
{"type":"finding","rule":"arrest-figure","severity":"warning"
{"type":"finding","rule":"arrest-figure","severity":"warning"
-- exit 0

=== one script may define an extractor and then read its claims; workers neither rerun nor reprint the rest
$ sift run -j 3 tests/fixtures/extractors/combined.lua tests/fixtures/extractors/plain
notes:
a	Police
b	Officials
-- exit 0

=== an extractor that raises: file:line and the document, exit 3, other documents keep their claims
$ sift run tests/fixtures/extractors/raises.lua tests/fixtures/extractors/report.lua tests/fixtures/extractors/plain
-- exit 3
-- stderr: tests/fixtures/extractors/plain/b.txt: error: extractor 'raises' failed on document 'b': tests/fixtures/extractors/raises.lua:8: no notes on Herat
-- stderr: extraction failed

=== sift extract with a raising manifest extractor writes the other records and exits 3
$ sift extract tests/fixtures/extractors/raising | grep '"type":"claim"' | cut -d, -f3-4
"doc":"a","kind":"note"
"doc":"a","kind":"arrest"
"doc":"a","kind":"casualty"
"doc":"b","kind":"arrest"
-- exit 0
-- stderr: error: extractor 'raises' failed on document 'b': tests/fixtures/extractors/raising/../raises.lua:8: no notes on Herat

=== sift extract's exit code when an extractor raised
$ sift extract tests/fixtures/extractors/raising -o /dev/null
-- exit 3
-- stderr: failed on document 'b'

=== emit checks its table: the field, the extractor and the line
$ sift run tests/fixtures/extractors/bademit.lua tests/fixtures/extractors/report.lua tests/fixtures/extractors/plain
-- exit 3
-- stderr: error: extractor 'bademit' failed on document 'a': tests/fixtures/extractors/bademit.lua:7: emit (extractor 'bademit'): unknown field 'sidee' (expected one of: action, category,

=== an extractor defined after the records were read is an error, not silently ignored
$ sift run tests/fixtures/extractors/late.lua tests/fixtures/extractors/plain
1
-- exit 3
-- stderr: tests/fixtures/extractors/late.lua:4: sift.extractor: extractor 'late' comes too late: the records of 'plain' were already extracted

=== a script's extractor that does not compile is a script error
$ sift run tests/fixtures/extractors/broken.lua tests/fixtures/extractors/plain
-- exit 3
-- stderr: tests/fixtures/extractors/broken.lua:6: '}' expected (to close '{' at line 2) near <eof>

=== a manifest's extractor that does not load is an input error with the manifest's and the file's lines
$ sift run -e '#corpus' tests/fixtures/extractors/broken
-- exit 2
-- stderr: tests/fixtures/extractors/broken/corpus.json:3:18: error: extractor tests/fixtures/extractors/broken/../broken.lua did not load: tests/fixtures/extractors/broken/../broken.lua:6: '}' expected

=== the same for sift extract
$ sift extract tests/fixtures/extractors/broken
-- exit 2
-- stderr: corpus.json:3:18: error: extractor

=== a manifest's extractor that does not exist
$ sift extract tests/fixtures/extractors/missing
-- exit 2
-- stderr: tests/fixtures/extractors/missing/corpus.json:3:18: error: cannot read extractor 'tests/fixtures/extractors/missing/nope.lua'

=== extractors must be defined in a file (worker states load the file)
$ sift run -e 'sift.extractor{name = "x", kinds = {"note"}, run = print}'
-- exit 3
-- stderr: extractor 'x' must be defined in a Lua file
