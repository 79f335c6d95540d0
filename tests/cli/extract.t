# sift extract: JSON Lines records, deterministic, usable as a map step.

=== the first record is meta, and every record starts with its type
$ sift extract tests/data/mini | head -n 1
{"type":"meta","schema":"sift-extract/1","version":"0.1.0","corpus":"mini"}
-- exit 0

=== every line is a record whose first key is "type"
$ sift extract corpus/panjshir-2021 | grep -vc '^{"type":"'
0
-- exit 1

=== meta, sides, declared entities, documents, quantities, times, mentions, claims and entities are written
$ sift extract corpus/panjshir-2021 | grep -o '^{"type":"[a-z]*"' | sort | uniq -c | awk '$1 > 0 {print $2}'
{"type":"claim"
{"type":"declared"
{"type":"document"
{"type":"entity"
{"type":"mention"
{"type":"meta"
{"type":"quantity"
{"type":"side"
{"type":"time"
-- exit 0

=== extracting an extract output gives the same bytes (records are loaded, entities resolved again)
$ sift extract corpus/panjshir-2021 > "$TMP/x.jsonl" && sift extract "$TMP/x.jsonl" | cmp - "$TMP/x.jsonl" && echo same
same
-- exit 0

=== --explain says why each mention joined its entity
$ sift extract --explain corpus/panjshir-2021 | grep -c '"type":"mention".*"why":"'
309
-- exit 0

=== output is byte-identical for any -j
$ sift extract -j 1 corpus/panjshir-2021 > "$TMP/a" && sift extract -j 2 corpus/panjshir-2021 > "$TMP/b" && cmp "$TMP/a" "$TMP/b" && echo same
same
-- exit 0

=== records spilled to a temporary file come out as records kept in memory (TMPDIR that takes no file)
$ sift extract --explain corpus/panjshir-2021 > "$TMP/a" && TMPDIR=/nonexistent sift extract --explain corpus/panjshir-2021 | cmp - "$TMP/a" && grep -c '"type":"claim".*"claimant_entity":[0-9]' "$TMP/a"
70
-- exit 0
-- stderr: warning: cannot write a temporary file in /nonexistent (No such file or directory): records kept in memory

=== a disk that fills while the records are spilled loses none of them
$ sift extract --explain corpus/panjshir-2021 > "$TMP/a" && (trap '' XFSZ; ulimit -f 40; sift extract -j 2 --explain corpus/panjshir-2021) | cmp - "$TMP/a" && echo same
same
-- exit 0
-- stderr: records kept in memory

=== JSON Lines documents on stdin, records on stdout (a map step)
$ sift extract - | grep -c '"type":"time"'
< {"id": "n1", "published": "2021-09-07", "text": "Fighting stopped on Monday, 6 September 2021."}
1
-- exit 0

=== strings are escaped as JSON requires: quotes, backslashes, \t \n \r by letter, other control bytes as \u00XX, the rest (DEL, UTF-8) as they are
$ sift extract - | grep -e '"type":"document"' -e '"type":"time"'
< {"id": "e\"1\\x", "title": "T\u0001\u001f\u007f\u00e9", "text": "A \"quoted\" back\\slash\ttab\r\nline \u0002 ctrl and caf\u00e9 \u2014 dash; 3 km on 6 September 2021. Some more words here to make a long line that crosses eight bytes."}
{"type":"document","id":"e\"1\\x","path":"<stdin>","source":null,"published":null,"kind":null,"title":"T\u0001\u001fé","language":null,"bytes":151,"text":"A \"quoted\" back\\slash\ttab\r\nline \u0002 ctrl and café — dash; 3 km on 6 September 2021. Some more words here to make a long line that crosses eight bytes."}
{"type":"time","doc":"e\"1\\x","start":67,"end":83,"text":"6 September 2021","value":"2021-09-06","precision":"day","mod":null,"earliest":"2021-09-06","latest":"2021-09-06","relative":false,"anchor":"none","kind":"date"}
-- exit 0

=== a conversion in brackets is a quantity of its own, marked as one, and a round trip keeps it once
$ sift extract - > "$TMP/c.jsonl" && grep '"type":"quantity"' "$TMP/c.jsonl" && sift extract "$TMP/c.jsonl" | cmp - "$TMP/c.jsonl" && echo same
< {"id": "c1", "text": "The pass is about 90 miles (144 kilometers) north of the city, and the dam 20 km (12 miles) east."}
{"type":"quantity","doc":"c1","start":12,"end":26,"text":"about 90 miles","value":90,"min":null,"max":null,"unit":"mi","approx":true,"vague":false,"coded":null,"alt":{"value":144,"unit":"km","start":28,"end":42}}
{"type":"quantity","doc":"c1","start":28,"end":42,"text":"144 kilometers","value":144,"min":null,"max":null,"unit":"km","approx":true,"vague":false,"coded":null,"conversion":true}
{"type":"quantity","doc":"c1","start":75,"end":80,"text":"20 km","value":20,"min":20,"max":20,"unit":"km","approx":false,"vague":false,"coded":null,"alt":{"value":12,"unit":"mi","start":82,"end":90}}
{"type":"quantity","doc":"c1","start":82,"end":90,"text":"12 miles","value":12,"min":12,"max":12,"unit":"mi","approx":false,"vague":false,"coded":null,"conversion":true}
same
-- exit 0

=== mention kinds from records count however many distinct ones there are (here over 300: the other corpus's entities keep their kinds)
$ sift extract corpus/varkesia-2023 > "$TMP/v.jsonl" && sift extract corpus/panjshir-2021 | awk '/"type":"mention"/ { n++; sub(/"kind":"[a-z]*"/, "\"kind\":\"k" n "\"") } { print }' > "$TMP/k.jsonl" && sift extract "$TMP/k.jsonl" "$TMP/v.jsonl" | grep '"type":"entity"' | sed 's/"id":[0-9]*,//' | sort > "$TMP/both" && grep '"type":"entity"' "$TMP/v.jsonl" | sed 's/"id":[0-9]*,//' | sort | comm -23 - "$TMP/both" | wc -l
0
-- exit 0

=== a mention keeps its whole title and role, however long, through a round trip
$ sift extract - > "$TMP/t.jsonl" && sift extract "$TMP/t.jsonl" | grep -o '"title":"[^"]*"'
< {"id": "t1", "text": "Deputy Defence Minister Aleks Torvan said the bridge was closed."}
"title":"Deputy Defence Minister"
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
-- stderr: of which resolution
-- stderr: peak memory

=== extract once, check many: parts extracted apart and checked together give the same findings
$ for part in 0 1; do sift run -e "local docs = {}; for i, d in ipairs(corpus:documents()) do if i % 2 == $part then docs[#docs + 1] = {id = d.id, path = os.getenv('PWD') .. '/' .. d.path, source = d.source, published = d.published, kind = d.kind} end end; print(sift.json.encode({include = {os.getenv('PWD') .. '/corpus/panjshir-2021/corpus.json'}, documents = docs}))" corpus/panjshir-2021 > "$TMP/part$part.json" && sift extract "$TMP/part$part.json" > "$TMP/part$part.jsonl" || exit 1; done; for f in text jsonl sarif; do sift check --format $f "$TMP/part0.json" "$TMP/part1.json" > "$TMP/whole.$f"; sift check --format $f "$TMP/part0.jsonl" "$TMP/part1.jsonl" > "$TMP/merged.$f"; cmp "$TMP/whole.$f" "$TMP/merged.$f" && echo "$f identical"; done; grep -c count-mismatch "$TMP/merged.jsonl"
text identical
jsonl identical
sarif identical
1
-- exit 0

=== records on stdin documents carry the text, so the reduce step can report on them
$ sift extract - > "$TMP/s.jsonl" && sift check "$TMP/s.jsonl"
< {"id": "s1", "text": "The region has four towns: Arvel and Tovin."}
<stdin>:1:16: warning: four towns, but the list that follows names 2: Arvel, Tovin [count-mismatch]
  The region has four towns: Arvel and Tovin.
                 ^~~~
1 warning
-- exit 0

=== a document that changed since it was extracted is an error
$ cp tests/data/mini/docs/wire.txt "$TMP/w.txt" && sift extract "$TMP/w.txt" > "$TMP/w.jsonl" && echo "More text." >> "$TMP/w.txt" && sift check "$TMP/w.jsonl"
-- exit 2
-- stderr: the document changed since it was extracted
