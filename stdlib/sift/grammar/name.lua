-- sift.grammar.name -- mentions of people, organisations, places and groups
-- in one document: names the manifest declares (entities and side aliases,
-- matched through sift.key) and capitalised names the text itself shows,
-- with a kind, a side when the text or the manifest gives one, and the cue
-- that made each. Uses LPeg and sift.core.key. Interface: grammar/README.md
-- ("The document context", "sift.grammar.name -- mentions").
--
--   local name = require "sift.grammar.name"
--   for _, m in ipairs(name.scan(require("sift.extract").context(doc))) do
--     print(m.s, m.e, m.text, m.kind, m.side, m.cue)
--   end
--
-- How a scan works. One pass in C (sift.cname; the LPeg scanner below is
-- its definition) skips spans of bytes that cannot start a capital and
-- finds every capitalised word (a capital inside a word, "iPhone", is
-- dropped; one after a hyphen, "anti-Taliban", starts a word). The marks
-- of each token (step 1), its manifest match, the walk over the tokens
-- that finds the runs and the judging of each run (classify: step 2) are
-- C too; everything else is Lua over those few tokens, in reused arrays,
-- in one pass over the text:
--   1. each token is normalised (possessive 's cut, "Taliban-held" ->
--      "Taliban", "Soviet-era" dropped, initials and "Sr." keep their dot,
--      "al-" joins) and keyed; tokens inside the date and number records of
--      the context are not names;
--   2. manifest names are matched first, longest first, from an index of
--      first-word keys built once per manifest ("in" and "of" inside a
--      declared name are interchangeable: "Front in Afghanistan");
--   3. the other tokens form runs (capitalised words separated by a space,
--      a name particle, or "of" after an institution, place or title word);
--      a run loses sentence-initial common words, demonyms and titles
--      ("General", "Defence Minister", "Head of Mission"; a country before
--      a title is a place of its own) and is judged by its cues: words
--      inside it ("Front", "University", "province", "Valley", "Lower X"),
--      words around it ("spokesman X", "X, a town", "in X", "north of X",
--      "X said", "By X", "villages: X, Y"), its shape (an acronym, a
--      country or capital, a dateline);
--   4. a sentence-initial single word ("Heavy", "Massoud") counts only when
--      the same document uses it as a name elsewhere (or a cue and its
--      shape say so), and a word of a headline only when the body names it
--      or a strong cue holds: headline capitals make nothing a name;
--   5. kinds are settled per document (the strongest cue for a key wins; a
--      bare surname is the person who carries it; names in a list share a
--      kind), then sides: the manifest, then the words around a person
--      ("Taliban spokesman X", "X, leader of the Y", "the front's spokesman
--      X", "Y, led by X", "its spokesman X", "X of the Y"; "Karabakh leader
--      X" when an alias is "Karabakh forces": sift.grammar.sidewords), a
--      party's own statement for its people with a role, a minister's
--      title for the side whose names say "government", a role without an
--      owner for the organisation its sentence names; then the same person
--      elsewhere in the document and a surname's person.
-- The word readers around a name are C (sift.cname), defined by LPeg
-- patterns (the word before a name: a forward match on the reversed
-- text). Every step is linear in the document's length.
--
-- Decisions (the answers to "what does X give?"):
-- * Side aliases and labels are mentions only when the manifest writes them
--   as names (every word capitalised but "of", "in", ...; not "the ...");
--   "resistance", "the front", "government forces" still give sides to the
--   people around them, never mentions. Declared aliases are mentions as
--   written ("Soviet army").
-- * A place type word written after a name stays in it when capitalised
--   ("Panjshir Valley", "Lodva Street") and, lower case, for administrative
--   units only ("Parwan province", "Shotul district"); "the Lodva river" is
--   "Lodva" (kind place).
-- * Titles are not part of the name, also in epithets ("Commander Massoud"
--   is "Massoud" with title "Commander"); "Sr." and "Jr." are. A run made
--   only of institution words ("Press Service", "the Ministry") is no name
--   at the start of a sentence or in a headline; such a word still points
--   at the side whose manifest names end in it ("the ministry's spokeswoman").
-- * Not names: demonyms and languages ("Afghans", "Varkesian army",
--   "Portuguese"), weekdays and months, era adjectives ("Soviet-era"),
--   platforms as the medium of a post ("on Twitter", "Facebook post"),
--   words with digits ("AK-47") unless declared, plural acronyms ("NGOs"),
--   number words ("Five Lions").
-- * kind: declared kind; side aliases are `org`; else the strongest cue in
--   the document for that key; a single word with no cue that is the last
--   word of a person's name in the document is that person; otherwise
--   `place` for a single word and `person` for two to four plain words.
-- * The word lists are general English and general knowledge (titles,
--   roles, institution and place words, demonyms, countries and capitals);
--   parties, their people and their places come only from the manifest.
local lpeg = require "lpeg"
local core = require "sift.core"
local cname = require "sift.cname"
local sidewords = require "sift.grammar.sidewords"

local P, R, S, C, Cp, Ct = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cp, lpeg.Ct
local type, ipairs, pairs, error, setmetatable = type, ipairs, pairs, error, setmetatable
local string_sub, string_byte, string_find, string_lower = string.sub, string.byte, string.find, string.lower
local string_match, string_gmatch, MORE = string.match, string.gmatch, { gsub = string.gsub }
local table_sort, table_concat = table.sort, table.concat
local utf8_char = utf8.char
local corekey = core.key

local _ENV = nil -- luacheck: ignore 211 (from here on no global is read or written)

local M = {}

-- ------------------------------------------------------------ word lists
-- General English and general knowledge only: nothing here names a party,
-- a conflict or a place of one corpus (those come from ctx.sides and
-- ctx.declared).

local function set(s)
  local t = {}
  for w in string_gmatch(s, "%S+") do t[w] = true end
  return t
end

-- Titles written before a name (keys: lower case, accents folded).
local TITLE = set[[
  president minister premier secretary general gen. colonel col. lieutenant lt. major maj. captain capt.
  sergeant sgt. corporal cpl. private pte. commander cmdr. cdr. admiral adm. brigadier brig. marshal
  commandant chief head director governor gov. mayor senator sen. rep. ambassador envoy judge king queen
  prince princess sheikh shaikh mullah mawlawi maulvi ayatollah imam pope cardinal bishop archbishop rabbi
  mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame lord chairman chairwoman chairperson
  chancellor speaker spokesman spokeswoman spokesperson leader emir commissioner inspector insp. detective
  superintendent supt. constable officer sgt warlord deputy gen col lt maj capt cpl brig cdr cmdr adm gov
  supt insp prof
]]
-- Words that may come before a title inside a title phrase ("Defence
-- Minister", "Lieutenant General", "Deputy Head").
local TITLEMOD = set[[
  vice deputy prime acting former foreign defence defense interior finance health education justice home
  state army police military senior chief first grand supreme lieutenant major brigadier staff lance
  provincial regional district press information economy trade labour labor agriculture energy culture
  transport environment security intelligence national general attorney assistant executive associate
  managing news field interim caretaker ex late
]]
-- Name suffixes that are part of the name.
local SUFFIX = set[[ jr. sr. jr sr ii iii iv ]]
-- Abbreviations whose final dot belongs to the word.
local ABBR = set[[
  Gen Col Lt Maj Capt Sgt Cpl Pte Cmdr Cdr Adm Brig Gov Sen Rep Insp Supt Mr Mrs Ms Dr Prof Rev St Mt Ft
  Jr Sr Co Corp Inc Ltd Bros
]]
-- Lower-case name particles that join the words around them ("Abdul
-- Rahman bin Ali", "Ludwig van Beethoven"); and those written before a
-- hyphen ("al-Qaeda").
local PARTICLE = set[[ de da del della di do dos das du van von der den ter bin ibn al el la le y e ]]
local HYPHEN_PARTICLE = set[[ al el ad ar as ash at az an ud ul ur bin ibn abu abd ]]
-- Lower-case endings after a hyphen that stay in a name ("Sahib-e").
local HYPHEN_END = set[[ e i ul ud ur al el ad din o y zada zadeh khel ]]
-- Lower-case endings after a hyphen that make the name an adjective: the
-- name before the hyphen is still a mention ("Taliban-held", "US-backed").
local LINKED = set[[
  born based held led backed controlled run made owned linked allied affiliated aligned funded occupied
  dominated administered appointed sponsored supported trained armed bound friendly leaning oriented
  registered style
]]
-- Places the linked forms point at ("Kabul-born", "Pakistan-based").
local LINKED_PLACE = set[[ born based registered ]]

-- Role nouns around a person ("Taliban spokesman X", "X, a teacher").
local ROLE = set[[
  spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen leader leaders commander commanders
  chief head official officials fighter fighters militant militants member members representative envoy
  negotiator minister officer soldier deputy founder co-founder director president secretary adviser
  advisor aide governor mayor ambassador delegate emir chairman chairwoman coordinator activist researcher
  analyst correspondent reporter journalist editor photographer teacher resident witness doctor surgeon
  lawyer judge priest cleric scholar expert professor student farmer driver general colonel captain
  lieutenant sergeant major commissioner operative loyalist supporter guard guards veteran pilot nurse
  engineer worker workers employee owner manager chief-of-staff strategist ideologue
]]
-- Words that may stand between a side's name and a person in a role
-- phrase ("Taliban spokesman Zabihullah Mujahid", "X, spokesman and head of
-- foreign relations of the Y", "X, who now leads the Y").
local WALK = set[[
  a an the of for and its their his her who now also one another both senior top chief former
  acting deputy press service foreign relations affairs media information office official military
  political armed wing local regional provincial field named called leads heads commands is has been as in
  on at main new interim region country province state nation
]]
for w in pairs(ROLE) do WALK[w] = true end
for w in pairs(TITLE) do WALK[w] = true end
for w in pairs(TITLEMOD) do WALK[w] = true end
-- Words that end a role phrase: relatives are other people.
local KIN = set[[
  father son brother sister daughter wife husband widow mother uncle aunt cousin nephew niece family
  elder younger grandson granddaughter grandfather
]]
for w in pairs(KIN) do WALK[w] = nil end
-- Pronouns and nouns standing for the organisation named just before.
local ANAPHOR = set[[ its their group group's organisation organization movement ]]

-- Verbs of speech: "X said", "said X", "according to X".
local SAID = set[[
  said says say told tells added adds wrote writes tweeted tweets posted stated declared claimed claims
  announced denied insisted argued explained noted confirmed warned urged asked replied stressed
  acknowledged admitted alleged vowed pledged accused called appealed responded commented
]]

-- Institution words: the last word of an organisation's name, or its first
-- before "of" ("University of ..."). Alone they are no name.
local ORG_WORD = set[[
  front agency alliance university army ministry council party mission news centre center committee
  brigade brigades battalion regiment division corps movement organisation organization institute bank
  group corporation company association union forces force guard guards police service services court
  parliament assembly commission foundation office department authority board bureau federation league
  coalition initiative fund programme program watch nations airlines airways club church hospital school
  college academy museum library embassy consulate secretariat cabinet senate congress directorate command
  militia observatory administration government emirate caliphate network channel broadcasting television
  radio press pictures media wire newswire inc. inc ltd. ltd llc corp. corp. co. holdings society trust
  tribunal intelligence ministry's council's unit units cell cells squad squadron fleet navy gendarmerie
  legion international images
]]
-- Newspaper words: the last word of an outlet's name of two words or more.
local PAPER_WORD = set[[
  times post herald tribune journal gazette chronicle courier telegraph mirror express observer standard
  ledger bulletin dispatch sentinel monitor review weekly daily today globe record star sun guardian
  independent insider reporter examiner inquirer
]]
-- Place words: the last word of a place's name ("Panjshir Valley"), or its
-- first ("Mount ...", "Lake ..."). Alone they are no name.
local PLACE_WORD = set[[
  province district valley river mountains mountain pass street road avenue square lake sea ocean island
  islands bay gulf bridge city town village county region oblast governorate strait peninsula desert
  plain plains plateau hills hill canal dam airport port harbour harbor basin delta coast heights forest
  gate crossing corridor highway quarter gorge marches steppe range falls springs creek canyon glacier
  prefecture municipality state republic kingdom emirate territory territories camp base ridge fell fells
  downs moor heath wood woods ford quay point peak peaks glen vale dale hollow cliffs bluff marsh marshes
  lagoon reef cove shore cross oasis wadi
]]
-- First words of places of two words or more ("Lower Ambrel", "New York").
local PLACE_FIRST = set[[
  lower upper greater little new old north south east west northern southern eastern western central
  san santa los las
]]
local PLACE_PREFIX = set[[ mount mt. lake cape fort port saint st. republic kingdom state gulf bay isle ]]
-- Lower-case administrative words written after a name: part of it.
local ADMIN = set[[ province district governorate oblast county prefecture municipality subdistrict ]]
-- Lower-case words after a name that show a place (not part of the name).
local PLACE_AFTER = set[[
  valley river region area town city village road pass mountains border airport base checkpoint bridge
  market neighbourhood neighborhood suburb capital crossing highway gorge front frontline district
  province
]]
-- Words before a name that show a place ("in X", "north of X").
local PLACE_BEFORE = set[[
  in near from outside inside across into towards toward through via between throughout around at
  reached entered captured took seized liberated besieged surrounded shelled bombed attacked
]]

local DIRECTION = set[[
  north south east west north-east north-west south-east south-west northeast northwest southeast
  southwest northern southern eastern western
]]
-- Nouns before "of X" that show a place ("the town of X", "outskirts of X").
local PLACE_OF = set[[
  town village city province district region capital outskirts centre center suburbs streets people
  residents population governor mayor area valley river heart part parts edge north south east west
  north-east north-west south-east south-west
]]
-- Appositive nouns: "X, a town in ...", "X, the capital" (place); "X, a
-- teacher" is a role (person).
local PLACE_APPOS = set[[
  town city village capital province district region country valley river hamlet settlement port
  provincial stronghold
]]
local ORG_APPOS = set[[
  agency outlet newspaper broadcaster channel group organisation organization party militia movement
  company network station charity ngo coalition alliance
]]

-- Words that are no names when they start a sentence (and many that never
-- are): function words, pronouns, frequent sentence openers, headings.
local COMMON = set[[
  the a an this that these those it its he she they we i you our their his her my your me him them us
  in on at by for from with without after before during since until as but and or if when while
  although though because however meanwhile also only all some many most more no not neither nor both
  each every other another such there here today yesterday tomorrow tonight earlier later now then
  over under among according despite following asked like unlike what who whom why how where which
  whether so yet still even once instead indeed further local one two three four five six seven eight
  nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands million dozens
  several few photos photo photograph picture video image caption note notes summary statement
  statements message messages remarks posts post update updates source sources read see also
  references reference contents history geography background analysis opinion comment editorial
  profile home news world politics sport business top latest breaking live watch share advertisement
  related more print email subscribe sign login search menu next previous back page chapter section
  part episode report reports press release spot patrol displacement end introduction overview
  conclusion appendix table figure map maps sunday monday tuesday wednesday thursday friday saturday
  residents officials witnesses police soldiers troops fighters people families volunteers reporters
  doctors medics experts analysts critics observers authorities civilians villagers locals elders
  leaders members supporters sources others many most everyone everybody someone somebody nobody
  anyone nothing something everything government army military ministry parliament president minister
  commander general spokesman spokeswoman heavy fierce fresh new old first second third last final
  armed several dozen mr mrs ms dr sir madam dear thank thanks please yes okay ok hello welcome
  good great glory long death down up out free let let's don't we're it's that's there's here's
  can could would should will shall may might must do does did done have has had having be is are
  was were been being get got make made take took give gave go went come came see saw say says said
  tell told ask asked call called keep kept
  near around inside outside across along into through throughout toward towards via between beyond
  behind within against amid amidst beside besides onto upon above below beneath past off
]]
-- Never names, wherever they stand.
local NONNAME = set[[
  i ok tv am pm gmt utc ceo ceos id ids ngo ngos idp idps ied ieds rpg rpgs uav uavs hq pdf faq
  internet web online god allah islam sharia ramadan eid christmas easter quran koran bible covid
  covid-19 jihad ak-47 gps sms usd eur
]]
-- Weekdays and months: no part of a name wherever they stand.
local TIMEWORD = set[[
  sunday monday tuesday wednesday thursday friday saturday
  january february march april june july august september october november december
  sept jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
]]

-- Demonyms, languages and religious adjectives (plural forms too).
local DEMONYM = set[[
  afghan american british briton english french german russian chinese japanese indian pakistani iranian
  iraqi syrian turkish kurdish kurd arab arabic israeli palestinian egyptian saudi yemeni libyan
  sudanese somali ethiopian eritrean nigerian kenyan ukrainian polish czech slovak dutch belgian swiss
  swedish norwegian danish finnish spanish portuguese italian greek brazilian mexican canadian
  australian european asian african western eastern northern southern soviet uzbek tajik turkmen
  pashtun hazara baloch baluch punjabi persian dari pashto urdu hindi bengali korean vietnamese thai
  filipino indonesian malaysian muslim christian jewish jew sunni shia shiite shi'ite hindu buddhist
  catholic orthodox protestant latin belarusian georgian armenian azerbaijani azeri kazakh kyrgyz
  mongolian serbian serb croatian croat bosnian albanian romanian bulgarian hungarian austrian irish
  scottish welsh lebanese jordanian qatari emirati omani kuwaiti bahraini tunisian algerian moroccan
  congolese ugandan rwandan malian chadian colombian venezuelan argentine argentinian chilean peruvian
  cuban haitian islamic islamist jihadist western arabian slavic balkan caucasian baltic nordic
  scandinavian anglo latino hispanic gulf iberian moldovan lithuanian latvian estonian slovene
  slovenian macedonian montenegrin cypriot maltese icelandic bangladeshi nepali nepalese sri lankan
  burmese cambodian laotian tibetan uighur uyghur chechen dagestani ossetian abkhaz tatar yazidi druze
  alawite coptic maronite sikh zoroastrian zionist bolshevik communist socialist marxist maoist
]]
-- Countries and large regions: places whatever else is around them.
local COUNTRY = set[[
  afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas
  bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei
  bulgaria burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus
  czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
  gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary
  iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati
  kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
  madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco
  mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands nicaragua niger
  nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar
  romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan
  suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey
  turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
  europe asia africa america americas antarctica oceania eurasia balkans caucasus sahel maghreb levant
  crimea kashmir chechnya kurdistan tibet xinjiang gaza donbas darfur
  kabul islamabad tehran baghdad damascus beirut amman riyadh doha cairo khartoum tripoli tunis algiers
  rabat ankara istanbul moscow kyiv kiev minsk warsaw berlin paris london madrid rome brussels vienna
  prague budapest bucharest sofia athens belgrade zagreb sarajevo tirana skopje pristina tbilisi yerevan
  baku tashkent dushanbe bishkek astana ashgabat beijing tokyo seoul pyongyang delhi dhaka kathmandu
  colombo bangkok hanoi manila jakarta canberra washington ottawa havana caracas bogota lima santiago
  brasilia nairobi mogadishu kampala kigali kinshasa abuja accra dakar bamako niamey juba asmara sanaa
  muscat jerusalem geneva kandahar herat mosul aleppo idlib benghazi donetsk luhansk kharkiv odesa
]]
-- Buildings that stand for a government ("the Kremlin said").
local ORG_NAME = set[[ kremlin pentagon elysee ]]
-- Countries of two or three words.
local COUNTRY2 = set[[
  united_states united_kingdom saudi_arabia south_africa south_korea north_korea south_sudan new_zealand
  sri_lanka costa_rica el_salvador ivory_coast sierra_leone burkina_faso east_timor united_arab_emirates
  czech_republic dominican_republic central_african_republic middle_east west_bank soviet_union
  north_macedonia papua_new_guinea
]]
-- Organisations of two words whose words say otherwise ("Red Cross").
local ORG2 = set[[ red_cross red_crescent white_house ]]
-- pairs(set): the same names as first word -> second word -> rest ("" for
-- none), looked up word by word.
local function pairsof(t)
  local out = {}
  for name in pairs(t) do
    local a, b, rest = string_match(name, "^([^_]+)_([^_]+)_?(.*)$")
    out[a] = out[a] or {}
    out[a][b] = out[a][b] or {}
    out[a][b][rest] = true
  end
  return out
end
COUNTRY2, ORG2 = pairsof(COUNTRY2), pairsof(ORG2)
local PLACE_ACRONYM = set[[ us u.s. usa u.s.a. uk u.k. uae drc prc ussr ]]
-- Platforms: no mention when they are the medium of a post.
local PLATFORM = set[[
  twitter facebook instagram youtube telegram whatsapp tiktok wechat weibo snapchat linkedin vkontakte
  signal x threads
]]
local MEDIUM_AFTER = set[[ post posts page account channel video videos message messages feed live story ]]
local MEDIUM_BEFORE = set[[ on via through in ]]

-- ------------------------------------------------------------ lexical

local cont = R"\128\191"
local digit = R"09"
-- Upper-case letters beyond ASCII: Latin-1 (U+00C0-U+00DE but U+00D7),
-- Latin Extended-A (capitals alternate with small letters), a few of
-- Extended-B, Greek and Cyrillic capitals.
local UPPER2 = {} -- the same capitals, for the C tokenizer
local function upper_ext()
  local byfirst = {}
  local function add(cp)
    local ch = utf8_char(cp)
    local b1 = string_sub(ch, 1, 1)
    byfirst[b1] = (byfirst[b1] or "") .. string_sub(ch, 2, 2)
    UPPER2[#UPPER2 + 1] = ch
  end
  for cp = 0xC0, 0xDE do if cp ~= 0xD7 then add(cp) end end
  for cp = 0x100, 0x137, 2 do add(cp) end
  for cp = 0x139, 0x148, 2 do add(cp) end
  for cp = 0x14A, 0x177, 2 do add(cp) end
  add(0x178)
  for cp = 0x179, 0x17E, 2 do add(cp) end
  for _, cp in ipairs{ 0x18F, 0x1A0, 0x1AF, 0x1CD, 0x1CF, 0x1D1, 0x1D3, 0x218, 0x21A, 0x386 } do add(cp) end
  for cp = 0x388, 0x38F do add(cp) end
  for cp = 0x391, 0x3A9 do if cp ~= 0x3A2 then add(cp) end end
  for cp = 0x400, 0x42F do add(cp) end
  local p = P(false)
  for b1, seconds in pairs(byfirst) do p = p + P(b1) * S(seconds) end
  return p
end
local upper = R"AZ" + upper_ext()
UPPER2 = table_concat(UPPER2)
-- Multi-byte letters: lead bytes of U+00C0-U+07FF, and of three- and
-- four-byte characters outside U+2000-U+2FFF (punctuation, quotes,
-- dashes, symbols) and U+3000-U+303F.
local mbletter = R"\195\223" * cont + (R"\224\225" + R"\227\239") * cont * cont + R"\240\244" * cont * cont * cont
local letter = R("az", "AZ") + mbletter
local alnum = letter + digit
local apos = P"'" + P"\226\128\153"
local joiner = P"-" + apos

-- A capitalised word: "U.S." or a word starting with a capital, with inner
-- hyphens and apostrophes ("Jabul-Saraj", "O'Brien", "Taliban's").
local ascii = R("az", "AZ", "09")
local alnums = (ascii^1 + mbletter)^0
local capword = upper * P"." * (upper * P".")^1 + upper * alnums * (joiner * alnum * alnums)^0
-- What lies between capitalised words is skipped in spans of bytes that
-- cannot start a capital (everything but A-Z and the lead bytes of
-- accented, Greek and Cyrillic capitals); a capital inside a word
-- ("iPhone") is dropped afterwards, a capital after a hyphen starts a word
-- ("anti-Taliban").
local notcap = R("\0\255") - R"AZ" - S"\195\196\197\198\200\206\207\208"
-- The scanner: the start and the text of every capitalised word (the
-- definition of the C tokenizer's scan; tests only).
local scanner = Ct((notcap^1 + Cp() * C(capword) + 1)^0)

-- Reads one word forward at a position after blanks (no line break):
-- start and end (+1) of the word.
local blank = S" \t" + P"\194\160"
local wordat = blank^0 * Cp() * alnum^1 * (joiner * alnum^1)^0 * Cp()

-- ------------------------------------------------------------ keys

-- key(w): sift.key, remembered (bounded, per Lua state).
local KEYS, nkeys = {}, 0
local function key(w)
  local v = KEYS[w]
  if v == nil then
    if nkeys >= 50000 then KEYS, nkeys = {}, 0 end
    v = corekey(w)
    KEYS[w] = v
    nkeys = nkeys + 1
  end
  return v
end

-- lower(w): string.lower, remembered (bounded, per Lua state).
local LOWERW, nlowerw = {}, 0
local function lower(w)
  local v = LOWERW[w]
  if v == nil then
    if nlowerw >= 50000 then LOWERW, nlowerw = {}, 0 end
    v = string_lower(w)
    LOWERW[w] = v
    nlowerw = nlowerw + 1
  end
  return v
end

-- Does the word start with a capital letter (or a digit)?
local CAPW, ncapw = {}, 0 -- (its answers, remembered: bounded, per Lua state)
local function capital(w)
  local b = string_byte(w, 1)
  if not b then return false end
  if b >= 48 and b <= 57 then return true end
  if b < 128 then return b >= 65 and b <= 90 end
  local v = CAPW[w]
  if v == nil then
    if ncapw >= 50000 then CAPW, ncapw = {}, 0 end
    v = upper:match(w) ~= nil
    CAPW[w] = v
    ncapw = ncapw + 1
  end
  return v
end

-- A possessive ending ("'s", "’s"): the length to cut.
local function posslen(w)
  local n = #w
  if string_byte(w, n) ~= 115 then return 0 end -- "s"
  local b = string_byte(w, n - 1)
  if b == 39 then return 2 end
  if b == 153 and string_byte(w, n - 2) == 128 and string_byte(w, n - 3) == 226 then return 4 end
  return 0
end

-- ------------------------------------------------------------ gazetteer

local function words(s)
  local t = {}
  for w in string_gmatch(s, "%S+") do t[#t + 1] = w end
  return t
end

-- Is a manifest name written as a name: every word capitalised (or a
-- digit word, or "al-..."), small linking words apart; not "the ..."?
local LINKWORDS = set[[ of in for and de al el du da di van von bin on at ]]
local function namelike(ws)
  if #ws == 0 or string_lower(ws[1]) == "the" then return false end
  for i, w in ipairs(ws) do
    if not capital(w) and not (i > 1 and LINKWORDS[w]) and not string_find(w, "^%l+%-") then return false end
  end
  return true
end

local GAZ = setmetatable({}, { __mode = "k" })
-- Institution words too common to stand for one side ("forces", "group").
local VAGUE_HEAD = set[[ forces force group service services office unit units news wire press media army police ]]
-- More word sets (one local: the main chunk is near Lua's 200 locals):
-- FORCE: vague heads that may still name a side (see gazetteer);
-- DET: words before them that are no other name; PERSON_BEFORE: place
-- words a person may follow too ("a message from Daglo": a bare surname of
-- a person the document names is that person after them); OWNS: see the
-- sides of people. (MORE holds string.gsub too.)
MORE.FORCE = set[[ army military ]]
MORE.DET = set[[ the a an its their our his her this that ]]
MORE.PERSON_BEFORE = set[[ from between toward towards captured attacked surrounded ]]
-- words before "his <organisation>" that make it the person's own
MORE.OWNS = set[[ and ordered orders led leads sent sends commanded commands deployed urged told ]]

-- gazetteer(sides, declared): the manifest's names indexed by the key of
-- their first capitalised word (`first`), the side phrases (lower-case
-- keys of side labels, aliases and the names of entities with a side, "the"
-- dropped, plus the last word of a side's organisation name when no other
-- side shares it: "front", "ministry") that give a person's side in a role
-- phrase, the words inside those phrases, and the side whose names say
-- "government". Built once per manifest: the same tables come back for
-- every document of a worker.
local function gazetteer(sides, declared)
  local cached = GAZ[declared or GAZ]
  if cached and cached.sides == sides then return cached end
  local g = { sides = sides, first = {}, phrase = {}, inphrase = {}, pfirst = {}, plast = {}, govside = nil,
    bykey = {} }
  local byname = {}
  local function add(name, e)
    local ws = words(name)
    if #ws == 0 then return end
    local ks, full, ps = {}, {}, nil
    for i, w in ipairs(ws) do
      full[i] = key(w)
      -- a possessive inside the name ("Tigray People's Liberation Front"):
      -- matched as the text's words are read, without it (ps: where)
      local pl = i < #ws and posslen(w) or 0
      if pl > 0 then
        ks[i] = key(string_sub(w, 1, #w - pl))
        ps = ps or {}
        ps[i] = true
      else
        ks[i] = full[i]
      end
    end
    -- indexed under the first capitalised word; the words before it are
    -- read back from the text ("4th Mountain Brigade")
    local lead = 1
    while lead < #ws and not upper:match(ws[lead]) and not string_find(ws[lead], "^%l+%-[%u\195-\223]") do
      lead = lead + 1
    end
    local sig = table_concat(full, " ")
    g.bykey[sig] = g.bykey[sig] or e
    local list = g.first[ks[lead]]
    if not list then list = {}; g.first[ks[lead]] = list end
    for _, x in ipairs(list) do if x.sig == sig then return end end
    list[#list + 1] = { ks = ks, lead = lead, n = #ws, e = e, sig = sig, ps = ps }
    table_sort(list, function(a, b) return a.n > b.n end)
    -- "The Harbour Ledger" is also "the Harbour Ledger"
    if ks[1] == "the" and #ws > 1 then
      local rest = {}
      for i = 2, #ws do rest[#rest + 1] = ws[i] end
      add(table_concat(rest, " "), e)
    end
  end
  local phrase = g.phrase
  local function addphrase(p, side)
    p = key(string_lower(p))
    p = string_match(p, "^the%s+(.*)$") or p
    if phrase[p] == nil then phrase[p] = side elseif phrase[p] ~= side then phrase[p] = false end
  end
  local heads = {}
  local function addhead(n, side)
    local ws = words(n)
    local last = key(ws[#ws] or "")
    if #ws > 1 and ORG_WORD[last] and not VAGUE_HEAD[last] and namelike(ws) then
      if heads[last] == nil then heads[last] = side elseif heads[last] ~= side then heads[last] = false end
    end
  end
  for _, d in ipairs(declared or {}) do
    if type(d) == "table" and type(d.name) == "string" then
      local e = { decl = d.name, kind = d.kind or "other", side = d.side, cue = "declared" }
      local names = { d.name }
      for _, a in ipairs(d.aliases or {}) do if type(a) == "string" then names[#names + 1] = a end end
      for _, n in ipairs(names) do
        byname[key(n)] = byname[key(n)] or e
        add(n, e)
        if d.side then addphrase(n, d.side); addhead(n, d.side) end
      end
    end
  end
  for _, sd in ipairs(sides or {}) do
    if type(sd) == "table" and sd.id then
      local names = { sd.label }
      for _, a in ipairs(sd.aliases or {}) do names[#names + 1] = a end
      local decl
      for _, n in ipairs(names) do
        if type(n) == "string" and byname[key(n)] then decl = byname[key(n)].decl; break end
      end
      for _, n in ipairs(names) do
        if type(n) == "string" then
          addphrase(n, sd.id)
          addhead(n, sd.id)
          if namelike(words(n)) then add(n, { decl = decl, kind = "org", side = sd.id, cue = "side" }) end
          if string_find(" " .. string_lower(n) .. " ", "[^%a]government[^%a]") then g.govside = g.govside or sd.id end
        end
      end
    end
  end
  for h, side in pairs(heads) do
    if side and phrase[h] == nil then phrase[h] = side end
  end
  -- "army" and "military" (vague heads) when the names of sides that end
  -- with them are all of one side and all its proper word and force words
  -- ("Sudanese army") or lower-case words ("federal army"), not a name
  -- ("Free Syrian Army"): "army chief X" is that side's, unless another
  -- name or a possessive is before the word (leftside)
  local force = {}
  for _, sd in ipairs(sides or {}) do
    if type(sd) == "table" and sd.id then
      for _, n in ipairs(type(sd.aliases) == "table" and sd.aliases or {}) do
        local last = type(n) == "string" and string_match(string_lower(n), "(%a+)$")
        if last and MORE.FORCE[last] then
          local ok = (sidewords.modifier(n) ~= nil or not string_find(n, "%u"))
            and (force[last] == nil or force[last] == sd.id)
          force[last] = ok and sd.id or false
        end
      end
    end
  end
  for _, d in ipairs(declared or {}) do
    local last = type(d) == "table" and type(d.name) == "string" and string_match(string_lower(d.name), "(%a+)$")
    if last and MORE.FORCE[last] and force[last] ~= d.side then force[last] = false end
  end
  g.force = {}
  for h, side in pairs(force) do
    if side and phrase[h] == nil then phrase[h], g.force[h] = side, true end
  end
  -- a side's proper word before a role ("Karabakh leader": sift.grammar.sidewords)
  for _, p in ipairs(sidewords.phrases(sides)) do
    local k = key(string_lower(p.text))
    if phrase[k] == nil then phrase[k] = p.side end
  end
  for p, side in pairs(phrase) do
    if side then for w in string_gmatch(p, "%S+") do g.inphrase[w] = true end end
    -- the first and last words of phrases of several words: a lookup of
    -- "w ..." or "... w" is needed only when w is one (or holds a space)
    local a, b = string_match(p, "^([^ ]*) .* ([^ ]*)$")
    if not a then a, b = string_match(p, "^([^ ]*) ([^ ]*)$") end
    if a then g.pfirst[a], g.plast[b] = true, true end
  end
  GAZ[declared or GAZ] = g
  return g
end

-- Work done by the steps of a scan whose cost depends on the words around
-- a token (bytes searched, spans keyed, candidates stepped over): a private
-- measure for tests/lua/name_hostile_test.lua, which checks that it grows
-- linearly with the text on hostile shapes (M._work()).
local WORK = 0

-- ------------------------------------------------------------ sentences

-- Without sentences from the host: lines, and full stops before a capital;
-- a line of one sentence without a final stop is a headline.
local function segment(text)
  local out, pos, n = {}, 1, #text
  while pos <= n do
    local nl = string_find(text, "\n", pos, true) or n + 1
    local s = pos
    -- (stops are looked for in the line alone: a match cannot cross its
    -- end, and a search of the whole text from every line is quadratic)
    local ln = string_sub(text, pos, nl - 1)
    WORK = WORK + #ln
    while s < nl do
      local a, b = string_find(ln, "[%.!?][\"'\226\128\157]*[ \t]+%f[%u]", s - pos + 1)
      if not a then break end
      a, b = a + pos - 1, b + pos - 1
      out[#out + 1] = { s = s, e = a, kind = "sentence" }
      s = b + 1
    end
    if s < nl then
      local line = string_sub(text, s, nl - 1)
      local open = s == pos and string_find(line, "%S") and not string_find(line, "[%.!?:;\"\157)]%s*$")
      out[#out + 1] = { s = s, e = nl - 1, kind = open and "headline" or "sentence" }
    end
    pos = nl + 1
  end
  return out
end

-- ------------------------------------------------------------ more words

-- Words that alone are no name: institution, place and title words,
-- roles, directions, common words, demonyms.
local GENERIC = {}
for _, t in ipairs{ ORG_WORD, PLACE_WORD, TITLEMOD, TITLE, DIRECTION, COMMON, DEMONYM, ROLE, NONNAME } do
  for w in pairs(t) do GENERIC[w] = true end
end

local HPREFIX = set[[ anti pro non ex pre post mid neo pan trans inter counter un semi sub co ]]
-- Step 1 of a scan up to the keys: the scanner and the normalisation of
-- each word (possessives, hyphens, abbreviations, particles) in C, over
-- these capitals and word lists.
local tokens = cname.tokenizer(UPPER2, HPREFIX, HYPHEN_END, LINKED, ABBR, HYPHEN_PARTICLE)
-- The rest of step 1 (per token: sentence, start of one, in a record, a
-- manifest name's first word, the gap after it) in C, over these words.
local marks = cname.marker(PARTICLE, SUFFIX)
local gazmatches = cname.gazmatches
-- A table with room for narr items and nrec keys (no rehash while it grows).
local newtable = cname.newtable
local NUMWORD = set[[
  one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
  million billion dozen dozens hundreds thousands millions first second third
]]
-- Words before "of" that keep the run going: institution and place heads,
-- epithets and titles ("University of ...", "Republic of ...", "Head of ...").
local OF_HEAD = set[[
  university ministry council bank republic kingdom state government department office institute league
  union federation organisation organization museum court college academy centre center agency army
  front movement party alliance committee association society forces board authority bureau service
  mission embassy gulf bay isle isles sea lake cape city province district valley strait battle siege
  treaty agreement accord declaration lion sultan duke king queen prince emir house order church
  commission assembly parliament secretariat school hospital command coalition
]]
local CREDIT = set[[ photo photograph photos pictures picture credit reporting editing writing image video ]]
local TOLD = set[[ told tells ]]
-- Verbs whose subject is a place ("X lies 60 km north of Y").
local PLACE_VERB = set[[ lies lay borders bordered overlooks ]]
-- Verbs of speech written before the speaker ("..., said Mujahid").
local SAID_BEFORE = set[[ said added wrote tweeted posted stated declared insisted explained noted warned told asked
  replied ]]
-- Adjectives an apposition may have before its noun ("X, the last province").
local ADJ_SKIP = set[[
  last only small large big remote northern southern eastern western central main mountainous strategic
  nearby neighbouring neighboring provincial old ancient sleepy key besieged embattled tiny little major
  district regional national
]]
local LEDBY = set[[ led headed commanded founded run ]]
-- Verbs an apposition may hold after "who" ("X, who now leads the Y").
local WHO_VERB = set[[ leads heads commands is has been ]]
local PLACE_PLURAL = set[[ villages towns cities districts provinces regions countries checkpoints areas settlements ]]
-- The last word of names of agreements, wars and meetings (kind other).
local OTHER_WORD = set[[
  agreement accord accords treaty declaration convention resolution protocol charter act plan war battle
  operation offensive conference summit ceasefire truce process talks
]]

-- ev(c, kind, strength, cue): a cue for a candidate's kind; the strongest wins.
local function ev(c, kind, str, cue)
  if str > c.str then c.kind, c.str, c.cue = kind, str, cue end
end

-- lowerkey(w): a word's key with a possessive cut.
local function lowerkey(w)
  local pl = posslen(w)
  if pl > 0 then w = string_sub(w, 1, #w - pl) end
  return key(w)
end

-- Reading backwards is reading the reversed text forwards: the word before
-- a position is the word after it in the reversed text. Quotes, dashes and
-- other punctuation of U+2000-U+2FFF (three bytes, the lead last when
-- reversed) end a word; the apostrophe "’" does not.
local rpunct = R"\128\191" * R"\128\191" * P"\226" - P"\153\128\226"
local rnbsp = P"\160\194"
local rblank = S" \t" + rnbsp
local rwordat = rblank^0 * Cp() * (R("az", "AZ", "09") + S"'-" + (R"\128\255" - rpunct - rnbsp))^1 * Cp()
local rblanks = rblank^0 * Cp()
-- Capitals from a position ("KABUL", "U.S."): where they end.
local capsat = R"AZ" * (R"AZ" + P".")^0 * Cp()
local Dash = P"-" + P"\226\128\147" + P"\226\128\148"
-- After a name in a dateline: a dash (the story starts) or a capital.
local datelinerest = P" "^-1 * Dash
local parenrest = P" "^-1 * (Dash + R"AZ")

-- ------------------------------------------------------------ scan state
-- A scan keeps its document and tokens in these upvalues while it runs (a
-- scan calls no other scan); the token arrays are reused, so a document
-- costs no table growth once a worker has seen one as long.

local text, N, sents, HL, TIMES, TIMEP, gfirst, cands, GEND
local TS, TE, TK, GAP = {}, {}, {}, {}
-- what a token's key says of itself (kinfo below: the word lists it is in,
-- as bits), set by the tokenizer (in C) for every token
local CL = {}
-- a token's sentence and flags: the sentence times F_SI plus the sum of
-- F_POSS (a possessive ends it), F_INIT (it starts its sentence), F_DEAD (a
-- time or quantity holds it), F_GZ = 8 (its key may start a manifest name),
-- F_ADJ (a linked adjective ends it), and F_CLAUSE = 32 or F_COLON = 64
-- (what the byte before it says of whether a clause starts there, see
-- colonclause); F_GZ, F_CLAUSE and F_COLON are read in C alone (nextrun)
local FL = {}
local F_POSS <const>, F_INIT <const>, F_DEAD <const>, F_ADJ <const> = 1, 2, 4, 16
local F_SI <const> = 7 -- (the sentence: FL[i] >> F_SI)
-- the end of a token as written, with a possessive or an adjective cut
-- from its name ("Taliban's", "Taliban-held"); set only where F_POSS or
-- F_ADJ (elsewhere it is TE): see reat
local RE = {}
local F_CUT <const> = F_POSS | F_ADJ
local ADJ = {} -- a token's linked adjective ("held" of "Taliban-held"), set only where F_ADJ
-- manifest match at a token: entry (false: none), start, end, possessive; set only where F_GZ
local GZE, GZS, GZX, GZP = {}, {}, {}, {}
local ntok = 0
-- The candidates of a scan: tables reused from scan to scan (the first
-- CANDMAX of a scan; a scan's candidates are garbage once it returns).
-- Every field a scan reads is present in each, false when unset, so that
-- filling one adds no key to a table: newcand(...) gives one with the
-- fields it is given and every other one false but text, key and idx,
-- which the scan sets for every candidate it keeps before reading them
-- (steps 3 and 5); newcands() starts a scan.
local newcand, newcands = (function()
  local POOL, np = {}, 0
  local CANDMAX = 2048
  local function newcand(s, e, n, t1, tn, str, kind, cue, head, sent, title, init, poss)
    np = np + 1
    local c = POOL[np]
    if not c then
      c = { s = s, e = e, n = n, t1 = t1, tn = tn, str = str, kind = kind, cue = cue, head = head, sent = sent,
        title = title, init = init, poss = poss, side = false, decl = false, gaz = false, text = false,
        key = false, surkey = false, base = false, admin = false, role = false, paren = false, idx = false,
        found = false, surname = false, pc = false, nick = false }
      if np <= CANDMAX then POOL[np] = c end
      return c
    end
    -- (one field a statement: a multiple assignment first copies every
    -- value to a register of its own)
    c.s = s; c.e = e; c.n = n; c.t1 = t1; c.tn = tn; c.str = str; c.kind = kind; c.cue = cue; c.head = head
    c.sent = sent; c.title = title; c.init = init; c.poss = poss; c.side = false; c.decl = false; c.gaz = false
    c.surkey = false; c.base = false; c.admin = false; c.role = false; c.paren = false; c.found = false
    c.surname = false; c.pc = false; c.nick = false
    return c
  end
  return newcand, function() np = 0 end
end)()
-- Known names longer than this many words plus one are not looked for in
-- a headline (a title-case line costs a key per span of its words).
local KNOWN_GAPS = 11

-- The word readers, in C (sift.cname) over the text of cname.settext:
--   prevword(pos, limit): the word before pos (blanks between), not
--     before limit: start, end, word (rwordat on the reversed text, leading
--     apostrophes and hyphens cut);
--   nextword(pos): the word after pos (blanks between): start, end, word
--     (wordat);
--   prevchar(pos): the byte before pos, blanks skipped, and its position
--     (rblanks on the reversed text);
--   allcapsat(s, e): is text[s, e] a run of capitals (and dots) that ends
--     at e (capsat)?
--   around(s, e, re): what classify's cues read around a name text[s, e]
--     written up to re, in one call: prevword(s, 1)'s start and word, the
--     byte after re, nextword(re + 1)'s start and word when that byte is a
--     blank's, allcapsat(s, e).
-- The LPeg patterns are their definitions: tests/lua/grammar_name_test.lua
-- compares the two at every position (and tests/lua/name_around_test.lua
-- around with the other readers).
local prevword, nextword, prevchar, allcapsat = cname.prevword, cname.nextword, cname.prevchar, cname.allcapsat
local around = cname.around

-- The end of token i as written.
local function reat(i)
  if FL[i] & F_CUT ~= 0 then return RE[i] end
  return TE[i]
end

-- A clause starts at a token as a sentence does after a bracket, a dash or
-- an opening quote (the marks of step 1 say so: F_CLAUSE, in C; the loop of
-- tests/lua/name_marks_test.lua is its definition), and after a colon
-- (F_COLON) when this says so: a clause ("Note: The") but not a list
-- ("villages: X, Y").
local function colonclause(i)
  local re = reat(i)
  local a, _, w = nextword(re + 1)
  return a ~= nil and a > re + 1 and not capital(w) and w ~= "and" and w ~= "or"
end

-- The manifest name starting at token i, longest first: entry, start, end,
-- possessive; nil for none. Found for every token before step 2 (in C:
-- cname.gazmatches, whose definition is the Lua loop kept in
-- tests/lua/name_gaz_test.lua): the words before the first capitalised
-- word of a name are read back from the text, those after it forward, each
-- keyed ("in" and "of" interchangeable, "Gen." matching a declared "Gen.").
local function gazmatch(i)
  local e0 = GZE[i]
  if e0 then return e0, GZS[i], GZX[i], GZP[i] end
  return nil
end

-- A manifest name at token i becomes a mention and uses its tokens;
-- returns the index after it, or nil.
local function gazat(i)
  if FL[i] & F_DEAD ~= 0 then return nil end
  local e0, s, e, poss = gazmatch(i)
  if not e0 then return nil end
  local si = FL[i] >> F_SI
  local c = newcand(s, e, 1, false, false, 4, e0.kind, e0.cue, HL[si], si, false, false, false)
  c.side, c.decl, c.gaz = e0.side or false, e0.decl or false, true
  -- a direction before a declared place makes another place ("North
  -- Darfur" is not Darfur); the direction alone made no name
  if e0.kind == "place" and i > 1 and s == TS[i] and TS[i] == TE[i - 1] + 2 then
    local dw = string_sub(text, TS[i - 1], TE[i - 1])
    local prev = cands[#cands]
    if capital(dw) and DIRECTION[lower(dw)] and not (prev and prev.e >= TS[i - 1] and prev.s ~= TS[i - 1]) then
      if prev and prev.s == TS[i - 1] then cands[#cands] = nil end
      c.s, c.decl, c.cue, c.gaz, c.side = TS[i - 1], false, "place-cue", false, false
    end
  end
  -- a type word after a declared place makes another place ("Bazarak
  -- district" is not the town)
  if e0.kind == "place" and not poss then
    local a, b, w = nextword(e + 1)
    if a and a > e + 1 and (ADMIN[w] or (capital(w) and PLACE_WORD[key(w)])) then
      c.e, c.decl, c.cue, c.gaz = b, false, "place-cue", false
      e = b
    elseif a == e + 2 and capital(w) then
      -- so do capitalised words ending with a place word or a direction
      -- ("Tripoli International Airport", "Khartoum North")
      local q, last = b, nil
      for _ = 1, 3 do
        local lw = lower(w)
        if PLACE_WORD[key(w)] or DIRECTION[lw] then last = q end
        if last or posslen(w) > 0 then break end
        a, b, w = nextword(q + 1)
        if not (a == q + 2 and capital(w)) then break end
        q = b
      end
      if last then
        c.e, c.decl, c.cue, c.gaz = last, false, "place-cue", false
        e = last
      end
    end
  end
  cands[#cands + 1] = c
  GEND[c.e] = c
  local j = i
  while j <= ntok and TS[j] <= e do j = j + 1 end
  return j
end

-- A demonym, a language or a religious adjective ("Afghans", "Varkesian
-- army"); alone: the suffix forms count too.
local DEMONYM_END = set[[ ian ean ese ish ]]
-- Is the lower-case form of a word used in the text near pos (so the
-- word is a common word, capitalised because it starts a sentence)? The
-- window keeps a long document linear; answers are remembered per scan.
local LOWER = {}
local WINDOW = 20000
local function lowerused(tk, pos)
  local known = LOWER[tk]
  if known ~= nil then return known end
  local used = false
  if not string_find(tk, "[^%a%-']") then
    local from = pos > WINDOW and pos - WINDOW or 1
    local seg = N > 2 * WINDOW and string_sub(text, from, pos + WINDOW) or text
    local p = 1
    while true do
      local a, b = string_find(seg, tk, p, true)
      if not a then break end
      local before, after = string_byte(seg, a - 1), string_byte(seg, b + 1)
      if (before == 32 or before == 10 or before == 9) and not (after and (after >= 97 and after <= 122)) then
        used = true
        break
      end
      p = b + 1
    end
  end
  LOWER[tk] = used
  return used
end

-- Does "of" after token j (the run so far: i .. j) join the next words?
-- (The runs of a scan ask with j growing: OFI, OFQ remember for run i how
-- far after i its words are all title words, so a run costs its length.)
local OFI, OFQ = 0, 0
local function ofjoin(i, j, init)
  local tk = TK[j]
  if OF_HEAD[tk] then return true end
  if TITLE[tk] then
    -- every word of i + 1 .. j a title word, and the first one too or a
    -- country ("Pakistan Prime Minister of ...")
    if OFI ~= i then OFI, OFQ = i, i + 1 end
    while OFQ <= j and (TITLE[TK[OFQ]] or TITLEMOD[TK[OFQ]]) do OFQ = OFQ + 1; WORK = WORK + 1 end
    local x = TK[i]
    if OFQ > j and (TITLE[x] or TITLEMOD[x] or (i < j and (COUNTRY[x] or PLACE_ACRONYM[x]))) then return true end
  end
  if i < j and (COUNTRY[TK[i]] or PLACE_ACRONYM[TK[i]]) then i = i + 1 end -- (a country first: from the second word)
  -- "the Lion of Panjshir": an epithet
  if i == j and not init then
    local _, _, w = prevword(TS[j], sents[FL[j] >> F_SI].s)
    return w == "the" or w == "The"
  end
  return false
end

-- (a function of its own: the main chunk is near Lua's limit of 200 locals)
local classify, kinfo, kinfos, nextrun, classify_lua = (function()
  -- What a key says of itself, remembered (bounded, per Lua state), as
  -- bits: in the low two, 1 a demonym, 2 one alone, 3 one alone before a
  -- word not capitalised, 0 none; 4 when it holds a digit; and a bit for
  -- each word list above it is in (W_TITLE ...), so that classify asks one
  -- lookup a token instead of one a list.
  local W_TITLE <const> = 8
  local W_TITLEMOD <const> = 16
  local W_COMMON <const> = 32
  local W_NUMWORD <const> = 64
  local W_TIMEWORD <const> = 128
  local W_NONNAME <const> = 256
  local W_COUNTRY <const> = 512
  local W_ACRONYM <const> = 1024
  local W_ORG <const> = 2048
  local W_PLACE <const> = 4096
  local W_GENERIC <const> = 8192
  local W_SUFFIX <const> = 16384
  local W_PREFIX <const> = 32768
  local W_PAPER <const> = 65536
  local W_OTHER <const> = 131072
  local W_PLACEFIRST <const> = 262144
  local W_ORGNAME <const> = 524288
  local W_PLATFORM <const> = 1048576
  local W_TITLES <const> = W_TITLE | W_TITLEMOD
  local W_LEAD <const> = W_NUMWORD | W_COMMON | W_TIMEWORD | W_NONNAME | 3 -- what a leading word is cut for
  local WLISTS = {}
  for t, bit in pairs{ [TITLE] = W_TITLE, [TITLEMOD] = W_TITLEMOD, [COMMON] = W_COMMON, [NUMWORD] = W_NUMWORD,
    [TIMEWORD] = W_TIMEWORD, [NONNAME] = W_NONNAME, [COUNTRY] = W_COUNTRY, [PLACE_ACRONYM] = W_ACRONYM,
    [ORG_WORD] = W_ORG, [PLACE_WORD] = W_PLACE, [GENERIC] = W_GENERIC, [SUFFIX] = W_SUFFIX,
    [PLACE_PREFIX] = W_PREFIX, [PAPER_WORD] = W_PAPER, [OTHER_WORD] = W_OTHER, [PLACE_FIRST] = W_PLACEFIRST,
    [ORG_NAME] = W_ORGNAME, [PLATFORM] = W_PLATFORM } do
    for w in pairs(t) do WLISTS[w] = (WLISTS[w] or 0) | bit end
  end
  local KINFO, nkinfo = {}, 0
  local function kinfo(tk)
    local v = KINFO[tk]
    if v ~= nil then return v end
    local last = string_byte(tk, #tk)
    if DEMONYM[tk] or (last == 115 and DEMONYM[string_sub(tk, 1, -2)]) then
      v = 1
    elseif last == 115 then
      -- "-ian", "-ese", "-ish" adjectives before a common noun, and plurals
      -- of "-an" and "-i" forms ("Varkesian army", "Afghans", "Pakistanis")
      local e4 = string_sub(tk, -4)
      v = (e4 == "ians" or e4 == "eans" or e4 == "anis") and 2 or 0
    else
      v = DEMONYM_END[string_sub(tk, -3)] and 3 or 0
    end
    if string_find(tk, "%d") then v = v + 4 end
    v = v | (WLISTS[tk] or 0)
    if nkinfo >= 50000 then KINFO, nkinfo = {}, 0 end
    KINFO[tk] = v
    nkinfo = nkinfo + 1
    return v
  end
  -- Is token t a demonym (its kinfo v)? alone: the suffix forms count too.
  local function isdemonym(t, v, alone)
    local d = v & 3
    if d == 1 then return true end
    if not alone or d == 0 then return false end
    if d == 2 then return true end
    local a, _, w = nextword(reat(t) + 1)
    return a ~= nil and not capital(w)
  end
  -- The words before and after a name that any cue below reads (one
  -- lookup skips them all for the other words).
  local BEFORE_CUE, AFTER_CUE = {}, {}
  for _, t in ipairs{ ROLE, SAID_BEFORE, PLACE_BEFORE, set[[ named called by to of the ]] } do
    for w in pairs(t) do BEFORE_CUE[w] = true end
  end
  for _, t in ipairs{ ADMIN, PLACE_AFTER, PLACE_VERB, SAID } do
    for w in pairs(t) do AFTER_CUE[w] = true end
  end

  -- classify(first, last, init): the run of tokens first .. last (joined as
  -- GAP says) loses words that are no part of a name, and what is left
  -- becomes a candidate with the cues around it.
  local function classify(first, last, init)
    local k = first
    local sfirst = FL[first] >> F_SI
    local hl = HL[sfirst]
    -- leading words that are no part of a name
    while k <= last do
      local ck = CL[k]
      if ck & W_LEAD == 0 then break end
      if k == first and ck & W_NUMWORD ~= 0 and not init then return end -- "the 'Five Lions'"
      local titled = k < last and ck & W_TITLES ~= 0
      if (init and k == first and not titled and ck & (W_COMMON | W_NUMWORD) ~= 0
          and not (TE[k] > TS[k] and allcapsat(TS[k], TE[k])))
        or ck & W_TIMEWORD ~= 0 or (ck & W_NONNAME ~= 0 and k == last) then
        k = k + 1
        init = false
      elseif k < last and ck & 3 == 1 and CL[k + 1] & W_TITLES ~= 0 then
        k = k + 1
      else
        break
      end
    end
    if k > last then return end
    -- a country before a title is a place of its own ("U.S. Secretary of
    -- State X", "Pakistan Prime Minister X")
    local titled = false
    if k < last and CL[k] & (W_COUNTRY | W_ACRONYM) ~= 0 and GAP[k] == "sp" then
      local j = k + 1
      while j < last and CL[j] & W_TITLES == W_TITLEMOD and GAP[j] == "sp" do j = j + 1 end
      titled = CL[j] & W_TITLE ~= 0 and j < last
    end
    if titled then
      local c0 = newcand(TS[k], TE[k], 1, k, k, 3, "place", "place-cue", hl, sfirst, false, false,
        FL[k] & F_POSS ~= 0)
      cands[#cands + 1] = c0
      k = k + 1
      init = false
    end
    -- a title phrase ("General", "Defence Minister", "Head of Mission")
    local title
    do
      local j, tl = k, nil
      while j <= last do
        local cj = CL[j]
        if cj & W_TITLE ~= 0 then tl = j elseif cj & W_TITLEMOD == 0 then break end
        if GAP[j] ~= "sp" then break end
        j = j + 1
      end
      if tl and (GAP[tl] == "of" or GAP[tl] == "ofthe") then
        local q = tl + 1
        while q <= last do
          if CL[q] & (W_ORG | W_TITLEMOD | W_PLACE | W_COUNTRY) == 0 then break end
          tl = q
          if GAP[q] ~= "sp" then break end
          q = q + 1
        end
      end
      if tl and tl < last then
        title = string_sub(text, TS[k], TE[tl])
        k = tl + 1
        init = false
      elseif tl and tl == last then
        return -- a title alone
      end
    end
    -- a sentence-initial word used in lower case elsewhere ("Heavy fighting")
    if init and k < last and CL[k] & W_COUNTRY == 0 and lowerused(TK[k], TS[k]) then
      k = k + 1
      init = false
    end
    local nn = last - k + 1
    local s, e = TS[k], TE[last]
    local fk, lk = TK[k], TK[last]
    local fc, lc = CL[k], CL[last]
    if lc & W_SUFFIX ~= 0 and nn > 1 then lk, lc = TK[last - 1], CL[last - 1] end
    if nn == 1 then
      if fc & W_NONNAME ~= 0 then return end
      local acro = fc & W_ACRONYM ~= 0 and allcapsat(s, e)
      if not acro and (fc & (W_GENERIC | W_NUMWORD) ~= 0 or (fc & 3 ~= 0 and isdemonym(k, fc, true))) then return end
      if fc & 4 ~= 0 then return end -- a digit
      if string_byte(text, e) == 115 and allcapsat(s, e - 1) and e - s >= 2 then return end -- "NGOs"
      if fc & W_PLATFORM ~= 0 then
        local _, _, wb = prevword(s, 1)
        local _, _, wa = nextword(reat(k) + 1)
        if (wb and MEDIUM_BEFORE[lower(wb)]) or (wa and MEDIUM_AFTER[lower(wa)]) then return end
      end
    else
      local all = true
      for q = k, last do
        if CL[q] & (W_GENERIC | W_NUMWORD) == 0 then all = false; break end
      end
      -- "Press Service", "Government Forces" at the start of a sentence or
      -- in a headline are descriptions; "the Northern Alliance" is a name,
      -- and so is an institution's name after "The" opening a sentence
      -- ("The World Health Organization said", "The European Union")
      local lead = k > first and not (k == first + 1 and lower(string_sub(text, TS[first], TE[first])) == "the")
      if all and (init or hl or lead or not (lc & W_ORG ~= 0 or (fc & W_ORG ~= 0 and GAP[k] ~= "sp"))) then
        return
      end
    end
    local c = newcand(s, e, nn, k, last, 0, false, "capitalised", hl, sfirst, title or false, init and nn == 1,
      FL[last] & F_POSS ~= 0)
    if title then ev(c, "person", 3, "title") end
    -- what the cues read around the name, in one call: the word before,
    -- anywhere before (pa0, lpw0; inside the sentence: pa, pw, lpw below),
    -- the byte after, the word after a blank (na0, nw0), all capitals
    local re = FL[last] & F_CUT ~= 0 and RE[last] or TE[last] -- (reat(last))
    local pa0, pw0, after, na0, nw0, caps = around(s, e, re)
    local lpw0 = pw0 and (LOWERW[pw0] or lower(pw0))
    -- "the elder Kaceli", "the younger Kaceli": which of two namesakes
    do
      local pw = lpw0
      if pw == "elder" or pw == "younger" then
        local _, _, tw = prevword(pa0, 1)
        -- kept as the title: the resolver reads generation markers there
        if tw and lower(tw) == "the" then c.title = c.title or pw end
      end
    end
    -- cues inside the name
    if nn >= 2 then
      local c2 = COUNTRY2[fk] and COUNTRY2[fk][TK[k + 1]]
      if c2 and ((nn == 2 and c2[""]) or (nn == 3 and c2[TK[k + 2]])) then ev(c, "place", 3, "place-cue") end
      if lc & W_PLACE ~= 0 or (fc & W_PREFIX ~= 0 and lc & W_ORG == 0) then ev(c, "place", 3, "place-cue") end
      for q = k, last do
        if CL[q] & W_ORG ~= 0 then ev(c, "org", 3, "org-cue"); break end
      end
      if lc & W_PAPER ~= 0 then ev(c, "org", 2, "org-cue") end
      if lc & W_OTHER ~= 0 then ev(c, "other", 3, "capitalised") end
      if nn == 2 and ORG2[fk] and ORG2[fk][lk] then ev(c, "org", 4, "org-cue") end
      if fc & W_PLACEFIRST ~= 0 then ev(c, "place", 2, "place-cue") end
    else
      if fc & (W_COUNTRY | W_ACRONYM) ~= 0 then ev(c, "place", 3, "place-cue") end
      if fc & W_ORGNAME ~= 0 then ev(c, "org", 4, "org-cue") end
      if FL[k] & F_ADJ ~= 0 then ev(c, LINKED_PLACE[ADJ[k]] and "place" or "org", 2, "capitalised") end
      if e - s >= 1 and e - s <= 4 and fc & W_ACRONYM == 0 and caps then ev(c, "org", 2, "org-cue") end
      if fc & W_PLATFORM ~= 0 then ev(c, "org", 2, "org-cue") end
    end
    -- the word after: a type word, a verb of speech, an apposition
    local ss = sents[sfirst].s
    local pa, pw, lpw -- prevword(s, ss)
    if pa0 and s > ss and pa0 >= ss then pa, pw, lpw = pa0, pw0, lpw0 end
    local nw
    if na0 and FL[last] & F_POSS == 0 then -- (na0 > re + 1: a blank between)
      nw = nw0
      if AFTER_CUE[nw] then
        if ADMIN[nw] then
          c.e = na0 + #nw - 1
          c.admin = true
          ev(c, "place", 4, "place-cue")
        elseif PLACE_AFTER[nw] or PLACE_VERB[nw] then
          ev(c, "place", 2, "place-cue")
        elseif SAID[nw] and not PLACE_BEFORE[lpw] then -- "traders in Korval said"
          ev(c, c.str == 0 and (caps and "org" or "person") or c.kind, 2, "capitalised")
        end
      end
    end
    if after == 44 then -- ", a town", ", spokesman of", ", who"
      local a, _, w = nextword(re + 2)
      if a and (w == "a" or w == "an" or w == "the") then a, _, w = nextword(a + #w) end
      for _ = 1, 3 do
        if a and (TITLEMOD[w] or ADJ_SKIP[w]) and not ROLE[w] then a, _, w = nextword(a + #w) else break end
      end
      if a then
        local lw = lower(w)
        if ROLE[lw] then ev(c, "person", 3, "role"); c.role = c.role or lw
        elseif PLACE_APPOS[lw] then ev(c, "place", 3, "place-cue")
        elseif ORG_APPOS[lw] then ev(c, "org", 3, "org-cue")
        elseif lw == "who" then ev(c, "person", 2, "capitalised")
        end
      end
    end
    -- the words before
    if pa then
      if title or not BEFORE_CUE[lpw] then -- luacheck: ignore 542 (the title already decided, or no cue)
      elseif ROLE[lpw] and pw == lpw then
        ev(c, "person", 3, "role"); c.role = lpw
      elseif lpw == "named" or lpw == "called" then
        ev(c, "person", 2, "capitalised")
        local _, _, w2 = prevword(pa, ss)
        if w2 and ROLE[w2] then c.role = w2; ev(c, "person", 3, "role") end
      elseif lpw == "by" then
        local _, _, w2 = prevword(pa, ss)
        if not w2 or CREDIT[lower(w2)] then ev(c, "person", 3, "capitalised") end
      elseif SAID_BEFORE[lpw] then
        if TOLD[lpw] then ev(c, nn == 1 and "org" or "person", 1, "capitalised")
        elseif nn >= 2 or not after or after == 44 or after == 46 or after == 59 then
          ev(c, "person", 2, "capitalised")
        end
      elseif lpw == "to" then
        local _, _, w2 = prevword(pa, ss)
        if w2 == "according" or w2 == "According" then ev(c, "person", 1, "capitalised")
        elseif string_find(string_sub(text, pa > 60 and pa - 60 or 1, pa), "[Ff]rom [%u\195-\223]") then
          ev(c, "place", 2, "place-cue")
        end
      elseif lpw == "of" then
        local _, _, w2 = prevword(pa, ss)
        local gz = GEND[pa - 2]
        if (w2 and (DIRECTION[lower(w2)] or PLACE_OF[w2])) or (gz and gz.kind == "org") then
          ev(c, "place", 3, "place-cue")
        end
      elseif PLACE_BEFORE[lpw] then
        -- "in Ashraf Ghani's government" is no place
        if not (nn >= 2 and c.poss) then
          if c.str < 2 then c.pc = MORE.PERSON_BEFORE[lpw] or false end
          ev(c, "place", 2, "place-cue")
        end
      elseif lpw == "the" then
        local _, _, w2 = prevword(pa, ss)
        if w2 and PLACE_BEFORE[w2] and (nw and PLACE_AFTER[nw]) then ev(c, "place", 2, "place-cue") end
      end
    else
      local b, q = prevchar(s)
      if b == 58 then -- "Photo: X", "six villages: X, Y and Z"
        local _, _, w2 = prevword(q, ss)
        if w2 and CREDIT[lower(w2)] then ev(c, "person", 3, "capitalised") end
        if w2 and PLACE_PLURAL[w2] then ev(c, "place", 3, "place-cue") end
      end
    end
    -- a dateline: "KABUL, Sept 7", "Seravin, 16 March 2023", "TISOVA –"
    if FL[first] & F_INIT ~= 0 and nn <= 3 then
      local longcaps = e - s >= 3 and caps
      if after == 44 and longcaps then
        ev(c, "place", 3, "place-cue")
      elseif after == 44 then
        local q = re + 2
        while TIMEP <= #TIMES and TIMES[TIMEP].s < q do TIMEP = TIMEP + 1 end
        local tm = TIMES[TIMEP]
        if tm and tm.s <= q + 2 then ev(c, "place", 3, "place-cue") end
      elseif longcaps and (datelinerest:match(text, re + 1) or string_sub(text, re + 1, re + 2) == " (") then
        ev(c, "place", 3, "place-cue")
      end
    end
    -- "(AA)" after a name; an outlet in a dateline: "KABUL, Sept 7 (AA) -", "(CNN) The ..."
    if after == 41 and string_byte(text, s - 1) == 40 then
      c.paren = true
      if datelinerest:match(text, re + 2) or (FL[first] & F_INIT ~= 0 and parenrest:match(text, re + 2)) then
        ev(c, "org", 3, "org-cue")
      end
    end
    if c.str == 0 and nn >= 2 and nn <= 4 then c.kind, c.str = "person", 1 end
    cands[#cands + 1] = c
    if c.kind == "org" then GEND[c.e] = c end
  end
  -- classify in C (sift.cname; the function above is its definition, which
  -- a scan uses instead when M._luaclassify is set: tests), over the word
  -- lists and bits above and the scan's columns, and these three reads of
  -- the scan's state (their answers as booleans)
  local function flat(t) -- COUNTRY2, ORG2 as the names they were made from
    local out = {}
    for a, tb in pairs(t) do
      for b, tr in pairs(tb) do
        for rest in pairs(tr) do out[a .. "_" .. b .. (rest ~= "" and "_" .. rest or "")] = true end
      end
    end
    return out
  end
  local cclassify = cname.classifier({ ROLE = ROLE, TITLEMOD = TITLEMOD, ADJ_SKIP = ADJ_SKIP,
    PLACE_APPOS = PLACE_APPOS, ORG_APPOS = ORG_APPOS, ADMIN = ADMIN, PLACE_AFTER = PLACE_AFTER,
    PLACE_VERB = PLACE_VERB, SAID = SAID, PLACE_BEFORE = PLACE_BEFORE, SAID_BEFORE = SAID_BEFORE, TOLD = TOLD,
    CREDIT = CREDIT, DIRECTION = DIRECTION, PLACE_OF = PLACE_OF, PLACE_PLURAL = PLACE_PLURAL,
    MEDIUM_BEFORE = MEDIUM_BEFORE, MEDIUM_AFTER = MEDIUM_AFTER, LINKED_PLACE = LINKED_PLACE,
    COUNTRY2 = flat(COUNTRY2), ORG2 = flat(ORG2), PERSON_BEFORE = MORE.PERSON_BEFORE },
    { TITLE = W_TITLE, TITLEMOD = W_TITLEMOD,
    COMMON = W_COMMON, NUMWORD = W_NUMWORD, TIMEWORD = W_TIMEWORD, NONNAME = W_NONNAME, COUNTRY = W_COUNTRY,
    ACRONYM = W_ACRONYM, ORG = W_ORG, PLACE = W_PLACE, GENERIC = W_GENERIC, SUFFIX = W_SUFFIX,
    PREFIX = W_PREFIX, PAPER = W_PAPER, OTHER = W_OTHER, PLACEFIRST = W_PLACEFIRST, ORGNAME = W_ORGNAME,
    PLATFORM = W_PLATFORM }, tokens, TK, ADJ,
    function(k) return lowerused(TK[k], TS[k]) end, -- a sentence-initial word used in lower case
    function(q) -- a time record starts at q .. q + 2 (a dateline)
      while TIMEP <= #TIMES and TIMES[TIMEP].s < q do TIMEP = TIMEP + 1 end
      local tm = TIMES[TIMEP]
      return tm and tm.s <= q + 2
    end,
    function(p) -- an organisation's candidate ends at p
      local gz = GEND[p]
      return gz and gz.kind == "org"
    end)
  -- the C classify's answers made a candidate (or two) as classify makes them
  local function classify_c(first, last, init)
    local k0, s, e, nn, k, str, kind, cue, title, cinit, poss, role, admin, paren, pc =
      cclassify(first, last, init)
    if not k0 and not s then return end
    local sfirst = FL[first] >> F_SI
    local hl = HL[sfirst]
    if k0 then
      cands[#cands + 1] = newcand(TS[k0], TE[k0], 1, k0, k0, 3, "place", "place-cue", hl, sfirst, false, false,
        FL[k0] & F_POSS ~= 0)
    end
    if s then
      local c = newcand(s, e, nn, k, last, str, kind, cue, hl, sfirst, title, cinit, poss)
      if role then c.role = role end
      if admin then c.admin = true end
      if paren then c.paren = true end
      if pc then c.pc = true end
      cands[#cands + 1] = c
      if kind == "org" then GEND[e] = c end
    end
  end
  -- step 2's walk over the tokens (in C: the loop of
  -- tests/lua/name_runs_test.lua is its definition)
  return classify_c, kinfo, function() return KINFO end, cname.runner(GAP, ofjoin, colonclause, W_COMMON, tokens),
    classify
end)()

-- ------------------------------------------------------------ sides

local STARTS, ENDS = {}, {}
-- Per candidate, the last organisation (or group) at or before it, false
-- for none: the candidates are in text order, not overlapping, and their
-- kinds settled when sides are read.
local PREVORG = {}

-- The nearest organisation named before pos (not before limit), among the
-- candidates up to from: its side, whether there is one, where it ends.
local function orgbefore(pos, limit, from)
  local x = PREVORG[from]
  while x and cands[x].e >= pos do x = PREVORG[x - 1]; WORK = WORK + 1 end
  if x and cands[x].s >= limit then return cands[x].side, true, cands[x].e end
  return nil, false, 0
end

-- Does a phrase have a border (a proper prefix that is also a suffix, so
-- that two of its occurrences may overlap)? Per phrase table.
local BORDERS = setmetatable({}, { __mode = "k" })
local function border(phrase, p)
  local b = BORDERS[phrase]
  if not b then b = {}; BORDERS[phrase] = b end
  local v = b[p]
  if v == nil then
    v = false
    for k = 1, #p - 1 do
      if string_sub(p, 1, k) == string_sub(p, -k) then v = true; break end
    end
    b[p] = v
  end
  return v
end

-- Is the byte (nil: none) a lower-case ASCII letter (one that may follow
-- a phrase: but "s")?
local function lowerb(b) return b ~= nil and b >= 97 and b <= 122 end
local function lowerbs(b) return b ~= nil and b >= 97 and b <= 122 and b ~= 115 end

-- Per scan, for segments longer than PHRASE_DIRECT: the lower-case text and,
-- per phrase, its occurrences in it (the starts, and in order the starts
-- with no letter before and no letter but "s" after), read once.
local PHRASE_DIRECT = 1024
local LTEXT, PHOCC
local function occurrences(p)
  local o = PHOCC[p]
  if o then return o end
  LTEXT = LTEXT or string_lower(text)
  WORK = WORK + #LTEXT
  local at, good = {}, {}
  local a = 1
  while true do
    local x, y = string_find(LTEXT, p, a, true)
    if not x then break end
    at[x] = true
    if not lowerb(string_byte(LTEXT, x - 1)) and not lowerbs(string_byte(LTEXT, y + 1)) then good[#good + 1] = x end
    a = x + 1
  end
  o = { at = at, good = good }
  PHOCC[p] = o
  return o
end

-- The side phrase nearest before pos in text[limit, pos): its side,
-- whether there is one, where it ends. In the segment an occurrence needs
-- no letter before it and no letter but "s" after it (the segment's ends
-- count as none); for each phrase, its occurrences are taken from the
-- left, each after the last.
local function phrasebefore(pos, limit, phrase)
  local long = pos - limit > PHRASE_DIRECT
  WORK = WORK + (long and 1 or pos > limit and pos - limit or 0)
  local seg = not long and string_lower(string_sub(text, limit, pos - 1))
  local best, bestside = 0, nil
  for p, side in pairs(phrase) do
    local L = #p
    if side and L > 0 then
      if not long or border(phrase, p) then
        -- (a phrase whose occurrences may overlap: from limit on)
        if not seg then seg = string_lower(string_sub(text, limit, pos - 1)); WORK = WORK + #seg end
        local a = 1
        while true do
          local x, y = string_find(seg, p, a, true)
          if not x then break end
          if not lowerb(string_byte(seg, x - 1)) and not lowerbs(string_byte(seg, y + 1)) then
            if y > best then best, bestside = y, side end
          end
          a = y + 1
        end
      else
        -- (no two occurrences overlap: those of the whole text inside the
        -- segment; the ones at its ends are judged here)
        local o = occurrences(p)
        local at, good = o.at, o.good
        local y
        local xe = pos - L
        if xe >= limit and at[xe] and (xe == limit or not lowerb(string_byte(LTEXT, xe - 1))) then
          y = pos - 1
        else
          local lo, hi = 1, #good -- the last good start not after xe
          while lo <= hi do
            local mid = (lo + hi) // 2
            if good[mid] <= xe then lo = mid + 1 else hi = mid - 1 end
          end
          if hi >= 1 and good[hi] >= limit then
            y = good[hi] + L - 1
          elseif at[limit] and limit <= xe and not lowerbs(string_byte(LTEXT, limit + L)) then
            y = limit + L - 1
          end
        end
        if y and y - limit + 1 > best then best, bestside = y - limit + 1, side end
      end
    end
  end
  return bestside, best > 0, limit + best - 1
end

-- "X, leader of the Y", "X of the Y", "X, the Y's spokesman", "X, who
-- leads the Y": the side of Y, and whether the words gave one.
local function rightside(c, phrase, inphrase, pfirst)
  local p = c.e + 1
  if string_byte(text, p) ~= 44 then
    local _, _, w = nextword(p)
    if w ~= "of" then return nil end
  end
  local send = sents[c.sent].e
  local steps, who = 0, false
  while p <= send and steps < 14 do
    steps = steps + 1
    while true do
      local ch = string_byte(text, p)
      if ch == 32 or ch == 44 or ch == 9 or ch == 40 then p = p + 1 else break end
    end
    local m = STARTS[p]
    if m then
      if m.kind == "org" or m.kind == "group" then return m.side, true end
      return nil
    end
    local a, e, w = nextword(p)
    if not a or a ~= p then return nil end
    local lw = lowerkey(w)
    local side
    if pfirst[lw] or string_find(lw, " ", 1, true) then
      local w2a, w2e, w2 = nextword(e + 1)
      local lw2 = w2a and lowerkey(w2)
      local s3
      if lw2 then
        local _, _, w3 = nextword(w2e + 1)
        if w3 then s3 = lw .. " " .. lw2 .. " " .. lowerkey(w3) end
      end
      side = (s3 and phrase[s3]) or (lw2 and phrase[lw .. " " .. lw2]) or phrase[lw]
    else -- (no phrase of several words starts with lw)
      side = phrase[lw]
    end
    if side then return side, true end
    if ANAPHOR[lw] then return orgbefore(c.s, sents[c.sent].s > 400 and c.s - 400 or 1, c.idx) end
    if KIN[lw] or not (WALK[lw] or inphrase[lw]) then return nil end
    if lw == "who" then who = true elseif WHO_VERB[lw] and not who then return nil end
    p = e + 1
  end
  return nil
end

-- "Taliban spokesman X", "a Taliban fighter named X", "the front's
-- spokesman X", "its spokesman, X", "Y, led by X", "Y, led by his son X":
-- the side, and whether the words gave one.
local function leftside(c, phrase, inphrase, plast, force)
  local ss = sents[c.sent].s
  local p = c.s
  local r1, r2 -- the words already passed, nearest the word first
  local j1, j2 -- whether some phrase of several words may end with r1, r2
  for _ = 1, 10 do
    local b, q = prevchar(p)
    while b == 44 and q >= ss do b, q = prevchar(q) end
    if not b or q < ss then return nil end
    local m = ENDS[q]
    if m then
      if m.kind == "org" or m.kind == "group" then return m.side, true end
      -- a side's proper word before a role ("Karabakh leader X")
      local side = r1 and j1 and phrase[lowerkey(string_sub(text, m.s, m.e)) .. " " .. r1]
      if side then return side, true end
      return nil
    end
    local a, e, w = prevword(q + 1, ss)
    if not a or e ~= q then
      -- a possessive after a name: "Taliban's spokesman"
      local cut = posslen(string_sub(text, q - 3, q))
      if cut > 0 and ENDS[q - cut] then
        m = ENDS[q - cut]
        if m.kind == "org" or m.kind == "group" then return m.side, true end
      end
      return nil
    end
    local pl = posslen(w)
    if pl > 0 and ENDS[e - pl] then
      m = ENDS[e - pl]
      if m.kind == "org" or m.kind == "group" then return m.side, true end
      return nil
    end
    local lw = lowerkey(w)
    local side = (r2 and j2 and phrase[lw .. " " .. r1 .. " " .. r2]) or (r1 and j1 and phrase[lw .. " " .. r1])
      or phrase[lw]
    if side and force[lw] then -- "Egypt's army chief", "the Chadian army's": not the side's
      local _, _, w2 = prevword(a, ss)
      if w2 and (posslen(w2) > 0 or (capital(w2) and not MORE.DET[lowerkey(w2)])) then
        side = w2 and phrase[lowerkey(w2) .. " " .. lw]
        return side, side ~= nil
      end
    end
    if side then return side, true end
    if ANAPHOR[lw] then return orgbefore(c.s, ss > 400 and ss - 400 or 1, c.idx) end
    local by = lw == "by" and r1 == nil and not c.poss and a
    if KIN[lw] then -- "led by his son X", "led by X's son Y"
      local a2, _, w2 = prevword(a, ss)
      if a2 and (w2 == "his" or w2 == "her" or w2 == "their" or posslen(w2) > 0) then
        local a3, _, w3 = prevword(a2, ss)
        if w3 == "by" then by = a3 end
      end
    end
    if by then
      local _, _, w2 = prevword(by, ss)
      if LEDBY[w2] then
        local s1, f1, p1 = orgbefore(by, ss, c.idx)
        local s2, f2, p2 = phrasebefore(by, ss, phrase)
        if f2 and (not f1 or p2 > p1) then return s2, true end
        if f1 then return s1, true end
        return nil
      end
    end
    if KIN[lw] or not (WALK[lw] or inphrase[lw]) then return nil end
    r1, r2 = lw, r1
    j1, j2 = plast[lw] or string_find(lw, " ", 1, true), j1
    p = a
  end
  return nil
end

-- ------------------------------------------------------------ the scan

function M.scan(ctx)
  if type(ctx) ~= "table" then
    error("bad argument #1 to 'scan' (table expected, got " .. type(ctx) .. ")", 2)
  end
  if type(ctx.text) ~= "string" then
    error("bad argument #1 to 'scan' (field 'text' must be a string, got " .. type(ctx.text) .. ")", 2)
  end
  -- (documents are valid UTF-8; a script's string may not be, and keys
  -- of its words would fail wherever they fell)
  local bad = cname.badbyte(ctx.text)
  if bad then error("bad argument #1 to 'scan' (field 'text': invalid UTF-8 at byte " .. bad .. ")", 2) end
  text, WORK = ctx.text, 0
  local gz = gazetteer(ctx.sides, ctx.declared)
  gfirst = gz.first
  local phrase, inphrase = gz.phrase, gz.inphrase
  -- 1. tokens (in C, the scanner and the loop of tests/lua/name_tokens_test.lua):
  -- start, end of the name part, end of the written word (with a
  -- possessive or an abbreviation dot; RE only where a possessive or an
  -- adjective is cut), key, the word lists of the key (CL), linked
  -- adjective (ADJ only where there is one); then the marks below, which read the same tokens
  -- from the token set (toks, in C). Words inside dates and quantities are
  -- no names.
  local n, toks = tokens(text, KEYS, key, TS, TE, RE, TK, ADJ, kinfos(), kinfo, CL)
  if n == 0 then return {} end
  N = #text
  cname.settext(text)
  sents = ctx.sentences
  if type(sents) ~= "table" or #sents == 0 then sents = segment(text) end
  TIMES, TIMEP = ctx.times or {}, 1
  OFI = 0
  LTEXT, PHOCC = nil, {}
  newcands()
  cands, GEND, LOWER = newtable(n, 0), newtable(0, n // 4), {}
  -- per token (in C, the loop of tests/lua/name_marks_test.lua): its
  -- sentence and its flags in FL (a possessive ends it, it starts its sentence, a
  -- time or quantity holds it, its key may start a manifest name, a linked
  -- adjective ends it, what the byte before it says of a clause), what
  -- joins it to the next; per sentence that holds a token, whether it is a
  -- headline (HL, read at tokens only)
  HL = newtable(#sents, 0)
  marks(toks, TK, sents, TIMES, ctx.quantities or {}, gfirst, FL, nil, HL)
  -- the manifest name at each token whose key may start one (F_GZ; in C,
  -- GZE false for none): the others are not read again
  gazmatches(toks, TK, gfirst, KEYS, key, GZE, GZS, GZX, GZP)
  ntok = n

  -- 2. manifest names, longest first, then runs of the other tokens, each
  -- judged by its cues. The walk is C (nextrun; the loop of
  -- tests/lua/name_runs_test.lua is its definition): tokens in a record
  -- are skipped; a token where a manifest name starts goes to gazat;
  -- else a run starts there and goes on while what joins token j to j + 1
  -- ("sp" (blanks), "of", "ofthe", "part" (a name particle): the marks of
  -- step 1 (SG) say it for tokens of one sentence, not in a record, without
  -- a possessive, an adjective or a suffix ("Jr.") before the gap) joins:
  -- the next token must start no manifest name, in a headline neither
  -- token be a common word, and "of" must join as ofjoin says (no
  -- manifest name has used the next token: gazat uses tokens from the one
  -- the scan stands at on). GAP holds the run's gaps for classify.
  do
    local step, gaz, judge = nextrun, gazat, M._luaclassify and classify_lua or classify
    if M._trace then -- (tests: see M._trace below)
      step, gaz = M._trace(nextrun, gazat, { n = n, TK = TK, FL = FL, GZE = GZE, HL = HL, GAP = GAP,
        ofjoin = ofjoin, colonclause = colonclause })
    end
    local i = 1
    while true do
      local a, b, init = step(i)
      if not a then break end
      if b then
        judge(a, b, init)
        i = b + 1
      else
        i = gaz(a)
      end
    end
  end

  -- 3. what the body names: keys of its mentions, surnames of its people,
  -- places without their type word; a headline or a sentence-initial word
  -- is kept when the body names it, or on a strong cue
  local KNOWN, SURN = newtable(0, #cands), {}
  for x = 1, #cands do
    local c = cands[x]
    local t = string_sub(text, c.s, c.e)
    local k = KEYS[t] -- (key(t), its remembered answers read here)
    if k == nil then k = key(t) end
    c.text, c.key = t, k
    local head = c.head
    if (not head and not c.init) or (head and c.str >= 3) then
      KNOWN[k] = true
      local kind = c.kind
      if kind == "person" and c.n >= 2 then
        local tn = c.tn
        local last = TK[tn]
        if SUFFIX[last] then last = TK[tn - 1] end
        KNOWN[last] = true
        c.surkey = last
      elseif kind == "place" and not c.gaz and (c.admin or (c.n >= 2 and PLACE_WORD[TK[c.tn]])) then
        local base = string_match(t, "^(.-)%s+%S+$")
        if base then
          c.base = key(base)
          KNOWN[c.base] = true
        end
      end
    end
  end
  -- the most blanks in a known key (at most KNOWN_GAPS; counted when a
  -- headline first needs it): a span of more tokens than that, each gap
  -- holding a blank, has no known key
  local kgaps
  local function knowngaps()
    kgaps = 0
    for k in pairs(KNOWN) do
      local g, p = 0, 1
      while g <= kgaps and g < KNOWN_GAPS do
        p = string_find(k, "[ \t]", p)
        if not p then break end
        g, p = g + 1, p + 1
      end
      if g > kgaps then kgaps = g end
      WORK = WORK + 1
    end
    return kgaps
  end
  local kept = newtable(#cands, 0)
  local SK, nsk = {}, 0 -- the kept people with a surname key (surkey), in order
  for ci = 1, #cands do
    local c = cands[ci]
    local keep = true
    if c.gaz or c.decl then
      keep = true
    elseif c.head then
      keep = KNOWN[c.key] or c.str >= 3 or (c.str >= 2 and c.kind == "place")
      if not keep and c.n >= 2 then
        -- a title-case headline: the known names inside it, of at most
        -- kgaps + 1 tokens (every gap of a run holds a blank, and key()
        -- keeps blanks: a no-break space becomes a space)
        local t = c.t1
        local kg = kgaps or knowngaps()
        while t <= c.tn do
          local best
          for u = c.tn - t > kg and t + kg or c.tn, t, -1 do
            WORK = WORK + 1
            if KNOWN[key(string_sub(text, TS[t], TE[u]))] then best = u; break end
          end
          if best then
            local x = newcand(TS[t], TE[best], best - t + 1, t, best, 0, false, "capitalised", true, FL[t] >> F_SI,
              false, false, false)
            x.text = string_sub(text, TS[t], TE[best])
            x.key = key(x.text)
            kept[#kept + 1] = x
            t = best + 1
          else
            t = t + 1
          end
        end
      end
    elseif c.init then
      keep = KNOWN[c.key]
      if not keep and (c.str >= 2 or c.poss) then
        local tk = TK[c.t1]
        local e2, e3 = string_sub(tk, -2), string_sub(tk, -3)
        keep = not (string_byte(tk, #tk) == 115 or e3 == "ing" or e2 == "ly" or e2 == "ed" or lowerused(tk, c.s))
      end
    end
    if keep then
      kept[#kept + 1] = c
      if c.surkey then nsk = nsk + 1; SK[nsk] = c end
    end
  end
  cands = kept

  -- 4. kinds: the strongest cue for a key in this document; a bare surname
  -- is the person who carries it; names in a list share a kind
  local BEST = newtable(0, #cands)
  for x = 1, #cands do
    local c = cands[x]
    local kind = c.kind
    if kind and not c.gaz then
      local k = c.key
      local b = BEST[k]
      if not b or c.str > b.str then BEST[k] = c end
      local base = c.base
      if base and kind == "place" and not (BEST[base] and BEST[base].str >= 2) then
        BEST[base] = { kind = "place", str = 2 }
      end
    end
  end
  -- people of two words or more, by surname (a weak guess a stronger cue
  -- for the same name elsewhere overrides is no person)
  for x = 1, nsk do
    local c = SK[x]
    local last, b = c.surkey, BEST[c.key]
    if not (c.str < 2 and b and b.str >= 2 and b.kind ~= "person") then
      local l = SURN[last]
      if not l then l = {}; SURN[last] = l end
      l[#l + 1] = c
    end
  end
  local NK, nnk = {}, 0 -- the candidates left with no kind
  local NP, nnp = {}, 0 -- those and the candidates in brackets (c.paren), in order
  for x = 1, #cands do
    local c = cands[x]
    local kind = c.kind
    if not c.gaz then
      local k = c.key
      local b = BEST[k]
      if c.n == 1 and SURN[k] and (not kind or kind == "person" or c.str < 2 or (c.pc and c.str == 2))
        and not (b and b.str >= 2 and b.kind ~= "person" and not (b.pc and b.str == 2)) then
        kind = "person"
        c.kind, c.surname = kind, true
      elseif b and b.str >= 2 and (c.str or 0) < 2 then
        kind = b.kind
        c.kind = kind
      end
    end
    if not kind then nnk = nnk + 1; NK[nnk] = x end
    if not kind or c.paren then nnp = nnp + 1; NP[nnp] = x end
  end
  -- the words between two candidates, when few
  local function between(a, b)
    if b.s - a.e > 17 then return "" end
    return string_sub(text, a.e + 1, b.s - 1)
  end
  -- a candidate with no kind takes that of the one before it in a list,
  -- else of the one after it (one that takes a kind so gives none: its
  -- strength is 1)
  for pass = 1, 2 do
    for q = pass == 1 and 1 or nnk, pass == 1 and nnk or 1, pass == 1 and 1 or -1 do
      local x = NK[q]
      local y = pass == 1 and x - 1 or x + 1
      local a, b = cands[y], cands[x]
      if a and a.kind and (a.str or 0) >= 2 and not b.kind then
        local gs = pass == 1 and between(a, b) or between(b, a)
        if gs == ", " or gs == " and " or gs == ", and " or gs == " or " then b.kind, b.str = a.kind, 1 end
      end
    end
  end
  for q = 1, nnp do -- (the others have a kind and no bracket)
    local x = NP[q]
    local c = cands[x]
    if c.paren and not c.gaz and x > 1 and c.str < 3 then -- "(NRF)" after its name
      local p = cands[x - 1]
      if string_find(between(p, c), "^ ?%($") then c.kind, c.side, c.decl = p.kind, p.side, false end
    end
    if not c.kind then c.kind = c.n == 1 and "place" or "person" end
  end

  -- 5. sides of people: the words around them, a party's statement, a
  -- minister's title; then the same person (or surname) elsewhere
  STARTS, ENDS = newtable(0, #cands), newtable(0, #cands)
  -- (and the lists of the loops below: the pairs of people close enough
  -- to be in a list, LP; the bare surnames, SL)
  local LP, nlp, SL, nsl = {}, 0, {}, 0
  for x = 1, #cands do
    local c = cands[x]
    -- (the last rule of kinds, read here as the walk passes: a nickname,
    -- "X, widely known as Y", "X (nicknamed Y)": Y is X, a person (role
    -- "nickname": the resolver makes Y X's wherever the corpus has it))
    local p = cands[x - 1]
    if p and p.kind == "person" and p.n >= 2 and c.n == 1 and c.s - p.e <= 30 and not c.gaz then
      local g = MORE.gsub(string_sub(text, p.e + 1, c.s - 1), "\226\128[\152\156]$", "")
      g = MORE.gsub(g, "[\"']$", "")
      if string_find(g, "^,? ?%(?%l* ?known as $") or string_find(g, "^,? ?%(?nicknamed $") then
        c.kind, c.role, c.nick, c.surname = "person", "nickname", p, false
      end
    end
    STARTS[c.s] = c; ENDS[c.e] = c; c.idx = x
    local kind = c.kind
    PREVORG[x] = (kind == "org" or kind == "group") and x or PREVORG[x - 1]
    if kind == "person" and p and p.kind == "person" and c.s - p.e <= 17 then nlp = nlp + 1; LP[nlp] = x - 1 end
    if c.surname then nsl = nsl + 1; SL[nsl] = c end
  end
  local srcside
  local info = ctx.doc
  if type(info) == "table" and info.kind == "statement" and type(info.source) == "string" then
    local e0 = gz.bykey[key(info.source)]
    srcside = e0 and e0.side
  end
  local SIDEOF = {}
  -- per candidate, the first organisation with a side among it and the
  -- candidates just before it in its sentence (the owner of a role)
  local owner
  local PL, npl = {}, 0 -- the people not declared, in order
  for x = 1, #cands do
    local c = cands[x]
    local p = cands[x - 1]
    local o = p and p.sent == c.sent and owner or nil
    owner = o or (c.side and (c.kind == "org" or c.kind == "group") and c) or nil
    if c.kind == "person" and not c.gaz then
      npl = npl + 1
      PL[npl] = c
      local side, found = leftside(c, phrase, inphrase, gz.plast, gz.force)
      if not found then side, found = rightside(c, phrase, inphrase, gz.pfirst) end
      if not found and c.title and gz.govside and string_find(string_lower(c.title), "minister", 1, true) then
        side, found = gz.govside, true
      end
      if not found and srcside and (c.role or c.title) then side, found = srcside, true end
      -- "the Y ... denied it, with spokesman X telling CNN": a role without
      -- an owner speaks for the organisation the sentence is about
      if not found and c.role and c.cue == "role" and o then side, found = o.side, true end
      if c.nick then side, found = c.nick.side, true end
      -- a side's organisation the person owns: "Hifter's Libyan National
      -- Army", "Haftar ordered his Libyan National Army"
      if not found then
        local nx = cands[x + 1]
        if nx and nx.sent == c.sent and nx.side and (nx.kind == "org" or nx.kind == "group") and nx.s - c.e <= 40 then
          local gap = string_sub(text, c.e + 1, nx.s - 1)
          local v = string_match(gap, "^%s(%l+)%s+his%s+$")
          if (c.poss and string_find(gap, "^%W*s%s+$")) or (v and MORE.OWNS[v]) then side, found = nx.side, true end
        end
      end
      if found then
        c.side, c.found = side, true
        if side and SIDEOF[c.key] == nil and not c.surname then SIDEOF[c.key] = side end
      end
    end
  end
  -- names in a list share a side ("X and General Y, spokesmen of the front")
  -- (the pairs of such names, found once: the last first)
  local LP2, nlp2 = {}, 0
  for q = nlp, 1, -1 do
    local x = LP[q]
    local a, b = cands[x], cands[x + 1]
    local gs = between(a, b)
    local mid = string_match(gs, "^ and (.*)$") or string_match(gs, "^, (.*)$")
    if mid and (mid == "" or (TITLE[key(string_match(mid, "^(%S+) ?$") or "")])) then nlp2 = nlp2 + 1; LP2[nlp2] = x end
  end
  for pass = 1, 2 do
    for q = 1, nlp2 do
      local x = LP2[q]
      local a, b = cands[x], cands[x + 1]
      if pass == 2 then a, b = b, a end
      if not a.found and b.found and b.side then
        a.side, a.found = b.side, true
        if SIDEOF[a.key] == nil then SIDEOF[a.key] = b.side end
      end
    end
  end
  -- the same person elsewhere in the document; a bare surname: the person
  -- who carries it, named last before (else first after)
  for x = 1, npl do
    local c = PL[x]
    if not c.found and not c.surname then c.side = SIDEOF[c.key] end
  end
  local SURNP = {} -- per surname, the first of its people not before the mention
  for x = 1, nsl do
    local c = SL[x]
    if not c.found then
      local l = SURN[c.key]
      local q = SURNP[c.key] or 1
      while q <= #l and l[q].s < c.s do q = q + 1 end
      SURNP[c.key] = q
      local best = l[q - 1] or l[q]
      if best then c.side = best.side end
    end
  end

  -- 6. records, in text order, not overlapping (text and key are those of
  -- step 3: no candidate's span changes after it); one with no role and no
  -- title is made with room for the fields it may have, not more
  local out, no, last = newtable(#cands, 0), 0, 0
  for x = 1, #cands do
    local c = cands[x]
    local s = c.s
    if s > last then
      local e, role, title = c.e, c.role, c.title
      no = no + 1
      if role or title then
        out[no] = { s = s, e = e, text = c.text, kind = c.kind, key = c.key, side = c.side or nil,
          decl = c.decl or nil, role = role or nil, title = title or nil, cue = c.cue }
      else
        out[no] = { s = s, e = e, text = c.text, kind = c.kind, key = c.key, side = c.side or nil,
          decl = c.decl or nil, cue = c.cue }
      end
      last = e
    end
  end
  cands, GEND, STARTS, ENDS, LOWER, text, LTEXT, PHOCC = nil, nil, {}, {}, {}, nil, nil, nil
  cname.settext("")
  return out
end

-- Test-only: when set, a scan calls M._trace(nextrun, gazat, state) before
-- step 2 and walks with the two functions it returns instead (state: the
-- token count n, the columns TK, FL, GZE, HL, GAP and the functions ofjoin
-- and colonclause, valid while the scan runs); tests/lua/name_runs_test.lua
-- checks nextrun there against its Lua definition.
M._trace = nil

-- Test-only: when set, scans use classify's Lua definition (classify_lua)
-- instead of the C classify (tests/lua/name_classify_test.lua compares them).
M._luaclassify = nil

-- Test-only: the work of the last scan (see WORK).
function M._work() return WORK end

-- Test-only: the tokenizer's columns for text t (keys and their word list
-- bits CL, as a scan gives them) and its token set (toks: valid until the
-- next tokenizing), and what tests/lua/name_tokens_test.lua needs to run
-- its Lua definition (the scanner, the word lists, key, kinfo).
function M._tokens(t)
  local cols = { TS = {}, TE = {}, RE = {}, TK = {}, ADJ = {}, CL = {} }
  cols.n, cols.toks = tokens(t, KEYS, key, cols.TS, cols.TE, cols.RE, cols.TK, cols.ADJ, kinfos(), kinfo, cols.CL)
  return cols
end
M._lex = { scanner = scanner, key = key, kinfo = kinfo, HPREFIX = HPREFIX, HYPHEN_END = HYPHEN_END, LINKED = LINKED,
  ABBR = ABBR, HYPHEN_PARTICLE = HYPHEN_PARTICLE, SUFFIX = SUFFIX, PARTICLE = PARTICLE, COMMON = COMMON }

-- Test-only: the tokens of a context's text with the marks a scan gives
-- them (FL, SG; HL per sentence that holds one), the sentences and the
-- manifest's first-word index they were made from
-- (tests/lua/name_marks_test.lua runs their Lua definition on the same).
function M._marks(ctx)
  local t = ctx.text
  local cols = M._tokens(t)
  local sn = ctx.sentences
  if type(sn) ~= "table" or #sn == 0 then sn = segment(t) end
  cols.sents, cols.gfirst = sn, gazetteer(ctx.sides, ctx.declared).first
  cols.FL, cols.SG, cols.HL = {}, {}, {}
  marks(cols.toks, cols.TK, sn, ctx.times or {}, ctx.quantities or {}, cols.gfirst, cols.FL, cols.SG, cols.HL)
  return cols
end

-- Test-only: the tokens of a context's text with their marks (as
-- M._marks) and the manifest name at each (GZE, GZS, GZX, GZP as a scan
-- gives them, after the marks) and the first-word index they were found
-- from (tests/lua/name_gaz_test.lua runs their Lua definition on the same).
function M._gaz(ctx)
  local cols = M._marks(ctx)
  cols.GZE, cols.GZS, cols.GZX, cols.GZP = {}, {}, {}, {}
  gazmatches(cols.toks, cols.TK, cols.gfirst, KEYS, key, cols.GZE, cols.GZS, cols.GZX, cols.GZP)
  return cols
end

-- Test-only: the readers of the words around a position over text t (the
-- state a scan sets), and the LPeg patterns they must agree with
-- (tests/lua/grammar_name_test.lua compares them at every position).
function M._readers(t)
  text, N = t, #t
  cname.settext(t)
  return { prevword = prevword, nextword = nextword, prevchar = prevchar, allcapsat = allcapsat, around = around },
    { rwordat = rwordat, wordat = wordat, rblanks = rblanks, capsat = capsat }
end

return M
