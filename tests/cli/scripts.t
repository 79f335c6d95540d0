# The analyst scripts in scripts/ run on the bundled corpus.

=== summary: documents, sources, sentences
$ sift run scripts/summary.lua corpus/panjshir-2021 | head -n 3 | cut -d, -f1-2
corpus panjshir-2021: 15 documents from 7 sources, 193 sentences
published 2021-09-04 to 2021-09-09
sides: Taliban (taliban, party)
-- exit 0

=== timeline: the dates sources give about one subject, in date order
$ sift run -e 'about = "Bazarak"' scripts/timeline.lua corpus/panjshir-2021 | grep -E '^(2021-08-19|2021-09-06 +Anadolu)' | cut -c1-45
2021-08-19       G1                          
2021-09-06       Anadolu Agency              
-- exit 0

=== figures: each source's figures side by side
$ sift run -e 'about = "killed"' scripts/figures.lua corpus/panjshir-2021 | grep -E '^  (one|more than 700) ' | cut -c1-45
  one                    1                  a
  more than 700          700, >= 701        n
  more than 700          700, >= 701        u
  more than 700          700, >= 701        u
-- exit 0
