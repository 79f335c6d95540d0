# sift run: expressions, scripts, errors, output files.

=== an expression's value is printed
$ sift run -e '1 + 1'
2
-- exit 0

=== several values are tab-separated; strings are quoted
$ sift run -e '"a", 2, nil, {1, x = "y"}'
"a"	2	nil	{ 1, x = "y" }
-- exit 0

=== statements run and print nothing themselves
$ sift run -e 'local x = 2; print(x * 21)'
42
-- exit 0

=== the corpus is loaded as `corpus`
$ sift run -e 'corpus, #corpus, corpus.name' tests/data/mini
corpus mini (2 documents, 8 sentences)	2	"mini"
-- exit 0

=== a script error gives file:line, a traceback and exit 3; later scripts still run
$ sift run tests/data/raise.lua tests/data/ok.lua tests/data/mini
second script ran
-- exit 3
-- stderr: tests/data/raise.lua:2: boom from the script
-- stderr: stack traceback:

=== a missing script is an input error
$ sift run tests/data/nope.lua tests/data/mini
-- exit 2
-- stderr: cannot read script tests/data/nope.lua

=== an error in -e code names the command line
$ sift run -e 'nil + 1'
-- exit 3
-- stderr: (command line):1: attempt to perform arithmetic on a nil value

=== a syntax error in -e code
$ sift run -e 'local = 1'
-- exit 3
-- stderr: (command line):1:

=== reading an undefined global is an error (strict globals)
$ sift run -e 'return corpuss' tests/data/mini
-- exit 3
-- stderr: undefined global 'corpuss'

=== unknown fields on sift objects raise with the list of fields
$ sift run -e 'corpus:document("wire").sorce' tests/data/mini
-- exit 3
-- stderr: unknown field 'sorce' on doc (expected one of: id, source,

=== -o writes standard output to the file
$ sift run -o "$TMP/out.txt" -e 'print("to the file")' tests/data/mini && cat "$TMP/out.txt" && [ -z "$(ls "$TMP" | grep '[.]tmp[.]')" ] && echo no temp file left
to the file
no temp file left
-- exit 0

=== -o /dev/null writes to the device, never replaces it
$ sift run -o /dev/null -e 'print("gone")' && [ -c /dev/null ] && echo still a device
still a device
-- exit 0

=== -o into a folder that does not exist is an error
$ sift run -o "$TMP/no/such/dir/out.txt" -e '1'
-- exit 2
-- stderr: cannot write

=== math.random is seeded the same every run
$ a=$(sift run -e 'math.random(1000000)'); b=$(sift run -e 'math.random(1000000)'); [ "$a" = "$b" ] && echo same
same
-- exit 0

=== --timeout stops a script that never ends
$ sift run --timeout 0.3 tests/data/spin.lua tests/data/ok.lua
second script ran
-- exit 3
-- stderr: script timed out after 0.3

=== pcall cannot swallow the timeout
$ sift run --timeout 0.3 tests/data/spin_pcall.lua
-- exit 3
-- stderr: script timed out

=== --max-memory stops a script that allocates without bound
$ sift run --max-memory 20 tests/data/hog.lua
-- exit 3
-- stderr: not enough memory

=== results are the same for any -j
$ a=$(sift run -j 1 scripts/summary.lua tests/data/mini tests/data/markup); b=$(sift run -j 2 scripts/summary.lua tests/data/mini tests/data/markup); [ "$a" = "$b" ] && echo same
same
-- exit 0
