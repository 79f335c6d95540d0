# sift extract: JSON Lines records, deterministic, usable as a map step.

=== the first record is meta, and every record starts with its type
$ sift extract tests/data/mini | head -n 1
{"type":"meta","schema":"sift-extract/1","version":"0.1.0","corpus":"mini"}
-- exit 0

=== every line is a record whose first key is "type"
$ sift extract corpus/panjshir-2021 | grep -vc '^{"type":"'
0
-- exit 1

=== documents, quantities and times are written
$ sift extract corpus/panjshir-2021 | grep -o '^{"type":"[a-z]*"' | sort | uniq -c | awk '$1 > 0 {print $2}'
{"type":"document"
{"type":"meta"
{"type":"quantity"
{"type":"time"
-- exit 0

=== output is byte-identical for any -j
$ sift extract -j 1 corpus/panjshir-2021 > "$TMP/a" && sift extract -j 2 corpus/panjshir-2021 > "$TMP/b" && cmp "$TMP/a" "$TMP/b" && echo same
same
-- exit 0

=== JSON Lines documents on stdin, records on stdout (a map step)
$ sift extract - | grep -c '"type":"time"'
< {"id": "n1", "published": "2021-09-07", "text": "Fighting stopped on Monday, 6 September 2021."}
1
-- exit 0

=== -o writes the file atomically
$ sift extract -o "$TMP/x.jsonl" tests/data/mini && head -c 17 "$TMP/x.jsonl" && echo && ls "$TMP" | grep -c 'x.jsonl.tmp'
{"type":"meta","s
0
-- exit 1

=== a corpus is required
$ sift extract
-- exit 2
-- stderr: no corpus given

=== only JSON Lines
$ sift extract --format sarif tests/data/mini
-- exit 2
-- stderr: extract writes JSON Lines only

=== --stats reports counts, speed and memory
$ sift extract --stats tests/data/mini > /dev/null
-- exit 0
-- stderr: 2 documents
-- stderr: peak memory
