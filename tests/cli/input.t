# Loading corpora, and every kind of bad input: a clear message, exit 2.

=== a folder with a manifest
$ sift run -e 'corpus:document("wire").source, corpus:document("wire").published, #corpus:sides()' tests/data/mini
"Example Wire"	"2021-09-07"	2
-- exit 0

=== a folder without a manifest: every document file, sorted, ids from paths
$ sift run -e 'corpus:documents():map(function(d) return d.id end)' tests/data/markup
{ "page", "river", "town" }
-- exit 0

=== a single document file
$ sift run -e 'corpus:documents()[1].id, #corpus' tests/data/mini/docs/wire.txt
"wire"	1
-- exit 0

=== JSON Lines records, with their metadata
$ sift run -e 'corpus:document("j1").source, corpus:document("j2").text' tests/data/records.jsonl
"Feed A"	"Second record."
-- exit 0

=== JSON Lines documents on standard input
$ sift run -e 'corpus:documents():map(function(d) return d.id end)' -
< {"text": "One from a pipe."}
< {"id": "named", "text": "Two from a pipe."}
{ "stdin#1", "named" }
-- exit 0

=== a long stream on standard input is read to its last byte (the buffer grows past 64 KB)
$ for i in $(seq 1 3000); do printf '{"id": "d%d", "text": "Report number %d from a pipe."}\n' $i $i; done | sift run -e '#corpus, corpus:document("d3000").text' -
3000	"Report number 3000 from a pipe."
-- exit 0

=== manifest include merges sides; the including file adds aliases
$ sift run -e 'corpus:sides()[1].label, corpus:sides()[1].aliases' tests/data/include
"North"	{ "northerners", "the front" }
-- exit 0

=== a missing path
$ sift run -e 1 tests/data/no-such-folder
-- exit 2
-- stderr: tests/data/no-such-folder: error: No such file or directory

=== invalid UTF-8 is an error at file:line:col
$ sift run -e 1 tests/data/bad-utf8.txt
-- exit 2
-- stderr: tests/data/bad-utf8.txt:2:5: error: invalid UTF-8 (byte 0xC3); use --lenient

=== --lenient replaces invalid bytes and warns
$ sift run --lenient -e 'corpus:documents()[1].text:match("bad (.-) byte")' tests/data/bad-utf8.txt
"�("
-- exit 0
-- stderr: warning: replaced 1 invalid UTF-8 sequence with U+FFFD

=== a NUL byte means a binary file
$ sift run -e 1 tests/data/nul.bin.txt
-- exit 2
-- stderr: tests/data/nul.bin.txt:1:5: error: NUL byte

=== an empty file
$ sift run -e 1 tests/data/empty.txt
-- exit 2
-- stderr: tests/data/empty.txt: error: empty document

=== a malformed manifest gives file:line:col
$ sift run -e 1 tests/data/syntax
-- exit 2
-- stderr: tests/data/syntax/corpus.json:4:34: error: invalid JSON

=== unknown manifest keys are warnings with their position
$ sift run -e '#corpus' tests/data/badkeys
1
-- exit 0
-- stderr: tests/data/badkeys/corpus.json:3:3: warning: unknown key 'colour' in the manifest
-- stderr: tests/data/badkeys/corpus.json:4:46: warning: unknown key 'publshed' in a document

=== a bad date in a manifest
$ printf '{"documents": [{"id": "a", "path": "../mini/docs/wire.txt", "published": "2021-02-30"}]}' > "$TMP/m.json" && cp tests/data/mini/docs/wire.txt "$TMP/" && sift run -e 1 "$TMP/m.json"
-- exit 2
-- stderr: m.json:1:74: error: 'published' must be a date YYYY-MM-DD (got "2021-02-30")

=== a document listed in a manifest but missing
$ printf '{"documents": [{"id": "a", "path": "gone.txt"}]}' > "$TMP/m.json" && sift run -e 1 "$TMP/m.json"
-- exit 2
-- stderr: gone.txt: error: cannot read document: No such file or directory (listed at

=== duplicate document ids name both files
$ sift run -e 1 tests/data/dups
-- exit 2
-- stderr: duplicate document id 'report': tests/data/dups/report.md and tests/data/dups/report.txt

=== duplicate ids among JSON Lines records: each pair once, sorted by id, by line within an id
$ sift run -e 1 - 2>&1
< {"id": "b", "text": "One."}
< {"id": "a", "text": "Two."}
< {"id": "b", "text": "Three."}
< {"id": "a", "text": "Four."}
< {"id": "a", "text": "Five."}
sift: error: duplicate document id 'a': <stdin>:2:1 and <stdin>:4:1
sift: error: duplicate document id 'a': <stdin>:4:1 and <stdin>:5:1
sift: error: duplicate document id 'b': <stdin>:1:1 and <stdin>:3:1
-- exit 2

=== a folder that contains itself through a link
$ mkdir -p "$TMP/loop/sub" && echo text > "$TMP/loop/a.txt" && ln -s .. "$TMP/loop/sub/up" && sift run -e 1 "$TMP/loop"
-- exit 2
-- stderr: directory loop

=== an unreadable file
$ echo secret > "$TMP/locked.txt" && chmod 000 "$TMP/locked.txt" && if [ "$(id -u)" = 0 ]; then echo 'sift: error: cannot read' >&2; exit 2; fi; sift run -e 1 "$TMP/locked.txt"
-- exit 2
-- stderr: cannot read

=== every problem is reported, not just the first
$ sift run -e 1 tests/data/empty.txt tests/data/nul.bin.txt tests/data/bad-utf8.txt
-- exit 2
-- stderr: empty document
-- stderr: NUL byte
-- stderr: invalid UTF-8

=== a folder with no documents
$ mkdir -p "$TMP/nodocs" && sift run -e 1 "$TMP/nodocs"
-- exit 2
-- stderr: no documents found

=== a 50 MB single-line document loads
$ yes 'The town was quiet on Monday, officials said. ' | tr -d '\n' | head -c 50000000 > "$TMP/huge.txt" && sift run -e 'corpus:documents()[1].bytes, #corpus:documents()[1]:sentences() > 1000000' "$TMP/huge.txt"
50000000	true
-- exit 0

=== markup: offsets point into the original bytes
$ sift run -e 'local n = 0; for _, s in ipairs(corpus:find("Arvel")) do assert(s.doc.text:sub(s.start, s.stop) == "Arvel"); n = n + 1 end; return n' tests/data/markup
5
-- exit 0

=== markup: scripts and styles are not text; titles come from markup
$ sift run -e 'corpus:document("page").title, #corpus:document("page"):find("color"), corpus:document("river").title' tests/data/markup
"Arvel news"	0	"River report"
-- exit 0
