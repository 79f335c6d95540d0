# The command line itself: version, help, usage errors.

=== --version prints the version
$ sift --version
sift 0.1.0
-- exit 0

=== no command is a usage error
$ sift
-- exit 2
-- stderr: usage: sift COMMAND

=== --help lists the commands
$ sift --help
*
-- exit 0
-- stdout: run SCRIPT.lua... CORPUS...
-- stdout: repl [CORPUS...]
-- stdout: test [FILE_test.lua|DIR...]

=== each command has --help
$ sift run --help && sift repl --help && sift test --help
*
-- exit 0
-- stdout: usage: sift run
-- stdout: usage: sift repl
-- stdout: usage: sift test

=== an unknown command says which
$ sift frobnicate
-- exit 2
-- stderr: unknown command 'frobnicate'

=== an unknown option says which and where to look
$ sift run --frob -e 1
-- exit 2
-- stderr: unknown option '--frob' (see 'sift run --help')

=== an option missing its value
$ sift run -e
-- exit 2
-- stderr: option '-e' needs Lua code

=== -j takes a number
$ sift run -j many -e 1
-- exit 2
-- stderr: option '-j' takes a number

=== run without scripts or -e
$ sift run tests/data/mini
-- exit 2
-- stderr: nothing to run

=== the binary is self-contained: the stdlib is compiled in
$ cp "$SIFT" "$TMP/sift-copy" && cd / && "$TMP/sift-copy" run -e 'require("sift.inspect") ~= nil'
true
-- exit 0

=== the compiled-in stdlib keeps its debug information: tracebacks name its files and lines
$ sift run -e 'require("sift.grammar.number").scan(5)' 2>&1 | grep -c "^	stdlib/sift/grammar/number.lua:$(grep -n "error(\"bad argument #1 to 'scan'" stdlib/sift/grammar/number.lua | cut -d: -f1): in function 'sift.grammar.number.scan'$"
1
-- exit 0

=== SIFT_PATH runs the stdlib from a source tree instead
$ mkdir -p "$TMP/lib" && cp -r stdlib/sift "$TMP/lib/" && printf 'return { inspect = function() return "from SIFT_PATH" end }\n' > "$TMP/lib/sift/inspect.lua" && SIFT_PATH="$TMP/lib" sift run -e '{}'
from SIFT_PATH
-- exit 0
