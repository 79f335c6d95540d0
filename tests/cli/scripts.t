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

=== speaker: one person by two spellings, the same entity and claims in date order (undated last)
$ for w in "Zabiullah Mujahid" "Mujahid"; do sift run -e "who = '$w'" scripts/speaker.lua corpus/panjshir-2021 | sed -n '1p;4p;7p;$p' | awk '{print $1, $2, $3, $4}'; done
Zabihullah Mujahid (person, taliban)
14 claims in 5
2021-09-04 G1 g1-0904:9:91 casualty/casualties
- Wikipedia wiki-bazarak:14:152 control/took
Zabihullah Mujahid (person, taliban)
14 claims in 5
2021-09-04 G1 g1-0904:9:91 casualty/casualties
- Wikipedia wiki-bazarak:14:152 control/took
-- exit 0

=== speaker: a side's claims grouped by claimant, people resolved across spellings
$ sift run -e 'side = "nrf"' scripts/speaker.lua corpus/panjshir-2021 | grep -E '^(side |Ali Maisam|Ahmad Massoud|"Resistance")' | cut -d: -f1
side nrf (National Resistance Front)
Ahmad Massoud (person, nrf
Ali Maisam Nazary (person, nrf
"Resistance" (as written; no entity)
-- exit 0

=== speaker: an unknown name is an error that lists entities sharing a word with it
$ sift run -e 'who = "Mullah Mujahid"' scripts/speaker.lua corpus/panjshir-2021
-- exit 3
-- stderr: no entity named 'Mullah Mujahid' in corpus panjshir-2021
-- stderr: close candidates: 'Zabihullah Mujahid' (person, taliban)

=== conflicts: the stock rules' questions as a readable script
$ sift run scripts/conflicts.lua corpus/panjshir-2021 | grep -E '^  (capture: Bazarak 2021-09-05|distance|Taliban trapped)|^    -> ' | cut -c1-50
  Taliban trapped: at least 1,000 / At least 1,000
  capture: Bazarak 2021-09-05 (Wikipedia, wiki-baz
  capture: Bazarak 2021-09-05 (Wikipedia, wiki-baz
  capture: Bazarak 2021-09-05 (Wikipedia, wiki-baz
  distance of Bazarak: 120 km (G1) vs roughly 90 m
  distance of Bazarak: 120 km (G1) vs about 90 mil
    -> contested
    -> contested
-- exit 0

=== conflicts: one section, on the other corpus; a month apart is two events
$ sift run -e 'only = "dates"' scripts/conflicts.lua corpus/varkesia-2023 | grep -c '^  '; sift run -e 'only = "dates"' scripts/conflicts.lua corpus/varkesia-2023 | grep -c revocation
3
0
-- exit 1

=== conflicts: an unknown section is an error
$ sift run -e 'only = "nonesuch"' scripts/conflicts.lua corpus/varkesia-2023
-- exit 3
-- stderr: unknown section 'nonesuch'
