# The REPL driven through a pipe: no prompts, values printed.

=== expressions print their values, statements run
$ sift repl tests/data/mini
< #corpus
< x = 40
< x + 2
2
42
-- exit 0

=== an unfinished chunk continues on the next line
$ sift repl
< function double(n)
<   return n * 2
< end
< double(21)
< t = {
<   a = 1,
< }
< t.a
42
1
-- exit 0

=== sift objects print through their __tostring; tables pretty-print
$ sift repl tests/data/mini
< corpus:document("statement")
< corpus:document("statement"):sentences()[2]
< {list = {1, 2}, name = "x"}
doc statement (Northern Front, 2021-09-06, 3 sentences, 94 bytes)
statement:3:1 "Our forces remain in the hills."
{ list = { 1, 2 }, name = "x" }
-- exit 0

=== errors are reported and the session goes on; the exit code is 3
$ sift repl
< nil + 1
< 1 + 1
2
-- exit 3
-- stderr: stdin:1: attempt to perform arithmetic on a nil value

=== :help shows help for a class
$ sift repl tests/data/mini
< :help span
*
-- exit 0
-- stdout: span -- a range of a document
-- stdout: sentence()

=== :load runs a file in the session
$ sift repl tests/data/mini
< :load tests/data/ok.lua
< :quit
< 1 + 1
second script ran
-- exit 0

=== an unknown :command
$ sift repl
< :frob
-- exit 3
-- stderr: unknown command ':frob'

=== input that ends inside a chunk
$ sift repl
< function f(
-- exit 3
-- stderr: unfinished chunk at end of input

=== tab completion candidates (the function readline calls)
$ sift repl tests/data/mini
< require("sift.repl").complete("corpus:doc", _G)
< require("sift.repl").complete("corpus.na", _G)
< require("sift.repl").complete("string.up", _G)
{ "corpus:document(", "corpus:documents(" }
{ "corpus.name" }
{ "string.upper" }
-- exit 0
