# Scripts run in a sandbox unless --unsafe.

=== no os.execute in the sandbox
$ sift run -e 'os.execute("true")'
-- exit 3
-- stderr: attempt to call a nil value (field 'execute')

=== no io.popen in the sandbox
$ sift run -e 'io.popen("true")'
-- exit 3
-- stderr: attempt to call a nil value (field 'popen')

=== files open read-only in the sandbox
$ sift run -e 'io.open(os.getenv("TMP") .. "/w.txt", "w")'
-- exit 3
-- stderr: mode 'w' is not allowed in the sandbox

=== reading files is allowed
$ sift run -e 'io.open("tests/data/mini/docs/statement.txt"):read("l")'
"Statement of the front"
-- exit 0

=== no package.loadlib and no C modules
$ sift run -e 'package.loadlib == nil, pcall(require, "socket.core")'
true	false	"module 'socket.core' not found:\n\9no field package.preload['socket.core']\n\9no module 'socket.core' in the sift standard library"
-- exit 0

=== no binary chunks through load
$ sift run -e 'load(string.dump(function() return 1 end))'
nil	"attempt to load a binary chunk (mode is 't')"
-- exit 0

=== load takes a chunk name and an environment
$ sift run -e 'load("return x", "=chunk", "t", {x = 5})(), load("return 1")(), load("return y", nil, "b", {y = 2})()'
5	1	2
-- exit 0

=== --unsafe opens the full library
$ sift run --unsafe -e 'os.execute("true")'
true	"exit"	0
-- exit 0

=== lpeg and re are available
$ sift run -e 're.match("abc123", "[a-z]+ {[0-9]+}"), lpeg.match(lpeg.R("09")^1, "42x")'
"123"	3
-- exit 0
