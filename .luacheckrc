-- luacheck configuration: Lua 5.4; sift's globals by context.
std = "lua54"
max_line_length = 120
files["stdlib"] = { std = "lua54" }
files["scripts"] = { read_globals = { "corpus", "sift", "lpeg", "re", "rule" } }
files["tests/lua"] = { read_globals = { "corpus", "sift", "lpeg", "re", "test", "eq", "ok", "raises", "matches", "testing" } }
files["tests/gold"] = { read_globals = { "corpus", "sift", "lpeg", "re", "test", "eq", "ok", "raises", "matches", "testing" } }
files["tests/lua"].read_globals[#files["tests/lua"].read_globals + 1] = "snapshot"
