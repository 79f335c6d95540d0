-- sift.grammar.claim -- attributed claims in a document: casualty figures,
-- territorial control, dated events and measures, each with its claimant
-- (sift.grammar.cue), hedging and polarity. Interface: grammar/README.md
-- ("sift.grammar.claim -- attribution and claims").
--
--   local claim = require "sift.grammar.claim"
--   for _, c in ipairs(claim.scan(ctx)) do       -- ctx: sift.extract.context(doc)
--     print(c.kind, c.category, c.text, c.value, c.subject_side, c.claimant, c.claimant_side)
--   end
--
-- The patterns are data. M.casualty, M.control, M.events and M.measures map
-- phrases to what they state; M.people, M.civilian, M.enemy, M.things,
-- M.vague, M.hedges, M.intent ... are word sets. An analyst extends them
-- from a script and calls claim.compile():
--
--   claim.casualty["executed"] = { "killed", "v" }
--   claim.compile()
--
-- Nothing here names a party, person or place: sides come from ctx.sides
-- and ctx.declared, through sift.grammar.cue.
--
-- How a scan works: sift.grammar.cue tokenizes the text once and marks the
-- tokens whose word starts a pattern; at each, the longest phrase of the
-- pattern table (indexed by first word) starts a claim: its figure,
-- subject, place and date are read from the words around it (the subject
-- noun phrase on the left of a passive verb, the object on the right of an
-- active one, "of"/"among" after a noun), its claimant from the speaker
-- the cue module finds for that token. A phrase inside a side's or an
-- organisation's name ("Liberation" in "National Liberation Front") starts
-- nothing.
--
-- Decisions:
-- * A casualty claim needs a figure (a quantity of ctx.quantities, or a
--   zero written "no casualties", "no one was killed"), a vague word
--   ("heavy losses"), or a definite group of people ("the attackers",
--   "members of his family", a named person). Words that count no people
--   ("all weapons have been captured") make none; neither do attributive
--   uses ("112 displaced people were interviewed").
-- * Not claims: conditions ("if they withdraw"), intentions and futures
--   ("we hope to clear", "will be killed"), infinitives ("to surrender"),
--   and figures a sentence says were not given ("gave no figure for the
--   dead"). The content of a rejected or false claim ("the Taliban's claim
--   that ... is false") is never its owner's claim: it is a denial by
--   whoever rejects it, like "denied that ..." and "denies heavy losses"
--   (polarity deny); denials make no control claims and no events.
-- * Combatants a party "lost" are casualties (killed or wounded: "lost 200
--   men"); relatives lost are killed ("lost two brothers").
-- * Several figures in one noun phrase ("30 commanders and 200 men
--   surrendered") give one claim each; several verbs for one subject ("had
--   been killed, had surrendered or had been captured") one claim each,
--   the later ones taking the subject (and figure) of the first.
-- * subject_side: a side the subject's words name; "civilian" for
--   civilian words; a party's word for its enemy ("the enemy", "the
--   attackers", "terrorists" when no side calls itself that) is the other
--   party of the claimant; "our", "my", "its", "his" people are the
--   claimant's; "their" people and "they" in a party's quotation are the
--   other party; people of no stated side take the side of the figure
--   beside them ("30 resistance commanders and 200 men"), the other party
--   of the agent ("his fighters captured eleven soldiers"), the subject of
--   the claim before in the sentence ("dozens were wounded"), the same noun
--   earlier in the document, or the same figure restated elsewhere in it;
--   a party's combatants of no stated side who died, in its own words and
--   with no agent, are its own ("633 servicemen have died").
-- * claimant: the speaker's name as written (a person's name without titles,
--   a party's words for an unnamed speaker, an organisation), with
--   claimant_s/claimant_e where it is; a statement's own words have the
--   document's source as claimant and no position. claimant_side is the
--   speaker's side, or the statement's side for its own words.
-- * hedged: a hedging cue ("claimed"), a hedge word in the clause
--   ("reportedly", "allegedly", "believed to have", "may have been"), or a
--   sentence saying the claim could not be verified (the same sentence or
--   the next). Never in a statement document.
-- * Events need a date in their clause that is not the date of reporting:
--   inside a reporting frame only dates in its scope count, a date between
--   the verb and what it says is the report's, and no other event word may
--   stand between an event and its date. A claim's time is chosen the same
--   way, without the last rule ("killed in the fighting on Sunday").
local cue = require "sift.grammar.cue"

local type, ipairs, pairs, error = type, ipairs, pairs, error
local getmetatable, setmetatable = getmetatable, setmetatable
local string_sub = string.sub
local table_sort, table_concat = table.sort, table.concat
local math_min, math_max = math.min, math.max
local _ENV = nil -- luacheck: ignore 211 (from here on no global is read or written)

local M = {}

-- Words that open an appositive telling a part of the people before it
-- ("most of them", "more than half of the population").
local PARTWORD = { most = true, many = true, some = true, half = true, mostly = true, nearly = true,
  almost = true, more = true, about = true, all = true, several = true, among = true }
-- Is the phrase ending at the comma j an appositive of PARTWORD after a
-- comma ("23 residents, most of them over 70, who")?
local function partappos(D, lo, j)
  local w = D.w
  local c = j - 1
  while c >= lo and w[c] ~= "," and not (D.k[c] == "p" or D.k[c] == "q") do c = c - 1 end
  return c >= lo and w[c] == "," and (PARTWORD[w[c + 1]] or D.qof[c + 1]) ~= nil
end
-- Possessive determiners whose people a figure after them counts.
local POSSESSIVE = { our = true, my = true, their = true, its = true, his = true, her = true }

-- ------------------------------------------------------------ patterns (data)

-- Casualty phrases: category and form. Forms: v a participle that may be
-- passive ("were killed") or active with an object ("killed 40 troops"); i
-- an intransitive verb ("died", "surrendered"); a a predicate adjective
-- ("are missing", "trapped"); n a noun ("casualties", "the deaths of"); t a
-- verb with its victims as object only ("lost members of his family"); m a
-- movement that is displacement for civilians with a figure ("hundreds of
-- families crossed the bridge").
M.casualty = {
  killed = { "killed", "v" }, slain = { "killed", "v" }, executed = { "killed", "v" },
  murdered = { "killed", "v" }, massacred = { "killed", "v" }, assassinated = { "killed", "v" },
  died = { "killed", "i" }, dead = { "killed", "a" }, ["lost their lives"] = { "killed", "i" },
  ["lost his life"] = { "killed", "i" }, ["lost her life"] = { "killed", "i" },
  ["gave their lives"] = { "killed", "i" }, ["gave his life"] = { "killed", "i" },
  ["were martyred"] = { "killed", "i" }, martyred = { "killed", "v" },
  deaths = { "killed", "n" }, death = { "killed", "n" }, fatalities = { "killed", "n" },
  killing = { "killed", "n" }, killings = { "killed", "n" }, ["death toll"] = { "killed", "n" },
  lost = { "killed", "t" }, losing = { "killed", "t" },
  wounded = { "wounded", "v" }, injured = { "wounded", "v" }, hurt = { "wounded", "v" },
  injuries = { "wounded", "n" }, wounds = { "wounded", "n" }, ["were injured"] = { "wounded", "v" },
  captured = { "captured", "v" }, ["taken prisoner"] = { "captured", "i" },
  ["taken captive"] = { "captured", "i" }, ["taken hostage"] = { "captured", "i" },
  ["taken prisoners"] = { "captured", "i" }, abducted = { "captured", "v" },
  surrendered = { "surrendered", "i" }, surrendering = { "surrendered", "i" },
  ["laid down their arms"] = { "surrendered", "i" }, ["laid down arms"] = { "surrendered", "i" },
  ["laying down arms"] = { "surrendered", "i" }, ["laying down their arms"] = { "surrendered", "i" },
  ["laid down their weapons"] = { "surrendered", "i" }, ["gave themselves up"] = { "surrendered", "i" },
  trapped = { "trapped", "a" }, encircled = { "trapped", "a" }, captive = { "captured", "a" },
  ["held hostage"] = { "captured", "i" }, ["held captive"] = { "captured", "i" },
  held = { "captured", "v" }, holding = { "captured", "v" },
  harmed = { "casualties", "v" }, ["out of action"] = { "casualties", "a" },
  missing = { "missing", "a" }, ["went missing"] = { "missing", "i" }, ["unaccounted for"] = { "missing", "a" },
  displaced = { "displaced", "a" }, ["forced to leave their homes"] = { "displaced", "i" },
  ["forced from their homes"] = { "displaced", "i" }, ["forced out"] = { "displaced", "i" },
  ["fled their homes"] = { "displaced", "i" },
  ["driven from their homes"] = { "displaced", "i" }, ["left their homes"] = { "displaced", "i" },
  uprooted = { "displaced", "v" }, evacuated = { "displaced", "v" },
  fled = { "displaced", "m" }, crossed = { "displaced", "m" }, ["passed through"] = { "displaced", "m" },
  arrived = { "displaced", "m" },
  casualties = { "casualties", "n" }, losses = { "casualties", "n" },
  ["shot dead"] = { "killed", "v" }, wounding = { "wounded", "v" }, injuring = { "wounded", "v" },
  ["among the dead"] = { "killed", "i" }, ["among the killed"] = { "killed", "i" },
  ["among the wounded"] = { "wounded", "i" }, ["among the injured"] = { "wounded", "i" },
  ["among the missing"] = { "missing", "i" }, ["among the casualties"] = { "casualties", "i" },
  bodies = { "killed", "n" }, martyrs = { "killed", "n" }, prisoners = { "captured", "n" },
  captives = { "captured", "n" },
  hostages = { "captured", "n" }, ["number of dead"] = { "killed", "n" }, ["number of deaths"] = { "killed", "n" },
  ["number of casualties"] = { "casualties", "n" }, ["number of wounded"] = { "wounded", "n" },
  ["number of injured"] = { "wounded", "n" }, ["number of displaced"] = { "displaced", "n" },
  ["among those killed"] = { "killed", "i" }, ["among those wounded"] = { "wounded", "i" },
  ["among those injured"] = { "wounded", "i" }, ["among those captured"] = { "captured", "i" },
}
-- Control phrases: action and form. active "X took Y", passive "Y was
-- taken (by X)", fell "Y fell (to X)", of "X took control of Y", under "Y
-- is under X's control", hands "Y is in our hands", ours "Y is ours", over
-- "X is still all over Y", holdp "Y is held by X" (passive of hold).
M.control = {
  took = { "took", "active" }, take = false, taken = { "took", "passive" }, captured = { "took", "active" },
  conquered = { "took", "active" }, seized = { "took", "active" }, overran = { "took", "active" },
  overrun = { "took", "passive" }, cleared = { "took", "active" }, liberated = { "took", "active" },
  recaptured = { "took", "active" }, retook = { "took", "active" }, retaken = { "took", "passive" },
  fell = { "took", "fell" }, fallen = { "took", "fell" },
  ["took control of"] = { "took", "of" }, ["taken control of"] = { "took", "of" },
  ["took full control of"] = { "took", "of" }, ["taken full control of"] = { "took", "of" },
  ["gained control of"] = { "took", "of" }, ["seized control of"] = { "took", "of" },
  ["taken over"] = { "took", "passive" }, ["took over"] = { "took", "active" },
  ["completed the liberation of"] = { "took", "of" }, ["liberation of"] = { "took", "of" },
  ["completed the capture of"] = { "took", "of" },
  hold = { "holds", "active" }, holds = { "holds", "active" }, held = { "holds", "active" },
  control = { "holds", "active" }, controls = { "holds", "active" }, controlled = { "holds", "active" },
  ["in control of"] = { "holds", "of" }, ["under the control of"] = { "holds", "under" },
  ["under the full control of"] = { "holds", "under" }, ["under full control of"] = { "holds", "under" },
  under = { "holds", "under" }, ["in our hands"] = { "holds", "hands" },
  ["in their hands"] = { "holds", "hands" }, ["in its hands"] = { "holds", "hands" },
  ["is ours"] = { "holds", "ours" }, ["are ours"] = { "holds", "ours" }, ["is theirs"] = { "holds", "ours" },
  ["all over"] = { "holds", "over" }, flag = { "holds", "flag" },
  ["lost control of"] = { "took", "lost" }, lost = { "took", "lost" },
}
-- Words after a place that end its phrase ("the pass above Ostreva").
M.placeafter = { above = true, below = true, beyond = true, behind = true, near = true, between = true,
  north = true, south = true, east = true, west = true, outside = true, inside = true, after = true }
-- Events: kind for each phrase (a date in the clause makes the event).
M.events = {
  took = "capture", taken = "capture", captured = "capture", conquered = "capture", seized = "capture",
  fell = "capture", fallen = "capture", entered = "capture", liberated = "capture", liberation = "capture",
  cleared = "capture", overran = "capture", recaptured = "capture", capture = "capture",
  ["took control"] = "capture", ["taken control"] = "capture", ["took full control"] = "capture",
  clash = "clash", clashes = "clash", clashed = "clash",
  fighting = "fighting", battle = "fighting", fought = "fighting",
  attack = "attack", attacks = "attack", attacked = "attack", assault = "attack", stormed = "attack",
  ["failed to conquer"] = "attack", ["failed to take"] = "attack", ["tried to take"] = "attack",
  surrounded = "siege", besieged = "siege", siege = "siege", encircled = "siege", blockade = "siege",
  offensive = "offensive", ["counter-offensive"] = "offensive", operation = "offensive",
  campaign = "offensive",
  withdrawal = "withdrawal", withdrew = "withdrawal", ["pulled out"] = "withdrawal", retreated = "withdrawal",
  assassinated = "killing", assassination = "killing", ["was killed"] = "killing",
  shelled = "shelling", shelling = "shelling", bombardment = "shelling", bombed = "shelling",
  ["was hit by"] = "shelling", ["were hit by"] = "shelling",
  ambushed = "ambush", ambush = "ambush",
  revoked = "revocation", ["tore up"] = "revocation", revocation = "revocation", ["scrapped"] = "revocation",
  visited = "visit", visit = "visit", agreement = "agreement", ceasefire = "ceasefire", truce = "ceasefire",
}
-- Measures: a word in the sentence and the unit dimension of the figure.
M.measures = {
  population = { "population", "count" }, inhabitants = { "population", "count" },
  residents = { "population", "count" },
  area = { "area", "area" }, hectares = { "area", "area" },
  altitude = { "altitude", "length" }, elevation = { "altitude", "length" },
}
-- Directions that make a length a distance ("90 miles north of Kabul").
M.directions = { north = true, south = true, east = true, west = true, ["north-east"] = true,
  ["north-west"] = true, ["south-east"] = true, ["south-west"] = true, northeast = true, northwest = true,
  southeast = true, southwest = true, from = true, upstream = true, downstream = true, away = true }

-- People words: what a casualty figure counts.
M.people = { fighters = true, fighter = true, soldiers = true, soldier = true, troops = true, men = true,
  man = true, women = true, woman = true, children = true, child = true, civilians = true, civilian = true,
  people = true, persons = true, person = true, residents = true, members = true, member = true,
  commanders = true, commander = true, militants = true, insurgents = true, rebels = true,
  terrorists = true, servicemen = true, personnel = true, officers = true, officer = true, police = true,
  policemen = true, guards = true, attackers = true, enemy = true, combatants = true, family = true,
  relatives = true, countrymen = true, villagers = true, inhabitants = true, families = true,
  refugees = true, spokesmen = true, spokesman = true, leaders = true, leader = true, prisoners = true,
  units = true, forces = true, recruits = true, volunteers = true, gunmen = true, militiamen = true,
  mercenaries = true, foreigners = true, pilots = true, crew = true, staff = true, workers = true,
  doctors = true, journalists = true, students = true, pupils = true, babies = true, boys = true,
  girls = true, elders = true, worshippers = true, patients = true, victims = true, others = true,
  comrades = true, brothers = true, colleagues = true, sons = true, daughters = true, invaders = true,
  occupiers = true, paramilitaries = true, conscripts = true, sailors = true, marines = true,
  policeman = true, bodyguards = true, supporters = true, hostages = true, detainees = true,
  employees = true, nurses = true, medics = true, reporters = true, passengers = true }
-- Civilian words: a casualty figure of civilians.
M.civilian = { civilians = true, civilian = true, children = true, child = true, women = true,
  residents = true, people = true, persons = true, families = true, villagers = true, inhabitants = true,
  refugees = true, ["non-combatants"] = true, noncombatants = true, patients = true, worshippers = true,
  students = true, pupils = true, babies = true, boys = true, girls = true, shoppers = true,
  passers = true, ["passers-by"] = true, farmers = true, locals = true, households = true,
  displaced = true, teachers = true, elderly = true, minors = true, infants = true,
  -- people at work, unarmed: aid, health and press workers ("three WFP staff")
  workers = true, staff = true, employees = true, doctors = true, nurses = true, journalists = true,
  reporters = true, passengers = true, pilgrims = true, fishermen = true, shepherds = true }
-- A party's words for its enemy.
M.enemy = { enemy = true, enemies = true, attackers = true, invaders = true, occupiers = true,
  aggressors = true, terrorists = true, mercenaries = true, bandits = true, occupation = true,
  invading = true, occupying = true, aggressor = true,
  ["the other side"] = nil }
-- A party's words for irregular forces: the other party's, unless a side's
-- alias ("rebels" of a side) says whose.
M.irregulars = { rebels = true, rebel = true, militia = true, militias = true, militiamen = true,
  insurgents = true, insurgent = true, militants = true, separatists = true, extremists = true,
  jihadists = true }
-- Combatants: taken prisoner or surrendering, in a party's words, the
-- other party's people ("60 soldiers had surrendered").
M.combatants = { soldiers = true, troops = true, fighters = true, servicemen = true, officers = true,
  men = true, personnel = true, commanders = true, militiamen = true, gunmen = true, combatants = true,
  conscripts = true, militants = true, marines = true }
-- Things (not people): a figure of them is no casualty figure.
M.things = { weapons = true, weapon = true, vehicles = true, tanks = true, trucks = true, houses = true,
  homes = true, buildings = true, helicopters = true, helicopter = true, aircraft = true, planes = true,
  drones = true, rockets = true, missiles = true, shells = true, rounds = true, guns = true, rifles = true,
  villages = true, towns = true, districts = true, provinces = true, positions = true, checkpoints = true,
  bridges = true, roads = true, schools = true, hospitals = true, shops = true, documents = true,
  computers = true, ammunition = true, equipment = true, arms = true, stockpiles = true, depots = true,
  bases = true, posts = true, hectares = true, dollars = true, days = true, weeks = true, months = true,
  years = true, hours = true, times = true, percent = true, cases = true, incidents = true }
-- Vague size words before a casualty noun ("heavy losses").
M.vague = { heavy = true, considerable = true, significant = true, huge = true, enormous = true,
  massive = true, major = true, serious = true, severe = true, substantial = true, large = true,
  big = true, great = true, many = true, numerous = true, high = true, light = true, minor = true,
  some = true, few = true, countless = true, untold = true, unspecified = true, dozens = true,
  hundreds = true, thousands = true }
-- Verbs of suffering before a casualty noun ("the enemy suffered heavy losses").
M.suffer = { suffered = true, suffer = true, suffers = true, suffering = true, sustained = true, sustains = true,
  incurred = true, incur = true, took = true, taken = true, had = true, reported = true }
-- Nouns of people taken, a claim only after a verb of taking ("took 8 prisoners").
M.taken = { prisoners = true, captives = true, hostages = true }
M.taking = { took = true, taken = true, take = true, taking = true, captured = true, seized = true,
  held = true, holding = true, holds = true }
-- Nouns in -ing that are active participles before their object
-- ("killing four soldiers").
M.participles = { killing = true }
local DET = { the = true, a = true, an = true, this = true, that = true, these = true, those = true, his = true,
  her = true, its = true, their = true, our = true, my = true, any = true, every = true, each = true }
-- Verbs whose object makes a claim only when it names people ("holding
-- 27 soldiers", not "held 412 names").
M.ofpeople = { held = true, holding = true }
-- Verbs of losing people: combatants lost are casualties, relatives killed.
M.losses = { lost = true, losing = true }
-- Adverbs that make a casualty verb another verb ("held out", "held up").
M.adverbs = { out = true, off = true, up = true, back = true, down = true }
-- Words that open a phrase of time between a toll and its verb ("the
-- number of dead since Monday has reached 31").
M.since = { since = true, during = true, ["in"] = true, over = true, so = true }
-- Verbs between a toll and its figure ("the death toll has risen to 120").
M.tolls = { risen = true, rose = true, rises = true, climbed = true, climbs = true, reached = true,
  reaches = true, stood = true, stands = true, jumped = true, increased = true, grew = true, hit = true,
  now = true }
-- Verbs of inflicting ("inflicted heavy losses on the enemy").
M.inflict = { inflicted = true, inflict = true, inflicts = true, caused = true }
-- Hedge words in a claim's clause.
M.hedges = { "reportedly", "allegedly", "purportedly", "apparently", "unconfirmed", "believed to have",
  "said to have", "reported to have", "feared", "thought to have", "may have", "might have",
  "could have", "is believed", "are believed", "were believed", "was believed", "presumed", "supposedly",
  "rumoured", "rumored" }
-- Sentences saying a claim could not be checked (for the claims of that
-- sentence, else of the one before).
M.unverified = { "could not independently verify", "could not verify", "could not be independently verified",
  "could not be verified", "could not independently confirm", "could not confirm", "cannot independently verify",
  "cannot verify", "cannot independently confirm", "cannot confirm", "could not be independently confirmed",
  "could not be confirmed", "was unable to confirm", "were unable to confirm", "was unable to verify",
  "unable to independently verify", "unable to verify", "has not been verified", "have not been verified",
  "not been independently verified", "could not be reached", "not possible to verify",
  "unable to independently confirm" }
-- Words before a verb that make it no statement of fact: intentions,
-- futures, conditions.
M.intent = { "hope to", "hopes to", "hoped to", "plan to", "plans to", "planned to", "aim to", "aims to",
  "want to", "wants to", "wanted to", "intend to", "intends to", "expect to", "expects to", "expected to",
  "try to", "tries to", "tried to", "trying to", "seek to", "seeks to", "threaten to", "threatened to",
  "threatens to", "going to", "vowed to", "vow to", "promised to", "ready to", "prepared to", "about to",
  "in order to", "so as to", "would", "will", "shall", "'ll", "should", "must", "if", "unless",
  "whether", "in case", "persuade", "urged", "asked", "calls on", "called on", "able to", "to" }
-- Words that make "figure" words a presupposition denied ("gave no figure").
M.nofigure = { "no figure", "no figures", "any figure", "any figures", "no number", "a figure", "the number",
  "how many", "no details", "no toll", "no estimate", "no other figures", "no further details",
  "a number", "figures" }
-- Words after "could not verify" that refer back to a claim made.
M.refers = { the = true, these = true, those = true, this = true, that = true, it = true, its = true,
  their = true, his = true, her = true, such = true, them = true, either = true, any = true }
M.negation = { ["not"] = true, ["n't"] = true, no = true, never = true, without = true, none = true,
  cannot = true, neither = true, nor = true }
-- Be, have and other words of a verb group before a participle.
M.group = { is = true, was = true, were = true, are = true, be = true, been = true, being = true,
  am = true, had = true, has = true, have = true, having = true, got = true, get = true, gets = true,
  also = true, reportedly = true, allegedly = true, all = true, both = true, each = true, now = true,
  already = true, since = true, ["then"] = true, just = true, still = true, ["not"] = true, ["n't"] = true,
  never = true, shown = true, seen = true, feared = true, believed = true, thought = true, said = true,
  reported = true, confirmed = true, known = true, presumed = true, registered = true, as = true,
  to = true, may = true, might = true, could = true, ["'s"] = true, later = true, subsequently = true,
  apparently = true, possibly = true, probably = true, either = true, officially = true,
  listed = true, recorded = true, present = true, first = true, continued = true, continues = true,
  continue = true, managed = true, remained = true, remain = true, remains = true }
-- Forms of "be" in a verb group: the participle after them is passive.
M.be = { is = true, was = true, were = true, are = true, be = true, been = true, being = true, am = true,
  got = true, get = true, gets = true }
-- Words that end a subject noun phrase on its left.
M.bounds = { that = true, which = true, who = true, whom = true, whose = true, when = true, where = true,
  ["while"] = true, because = true, although = true, though = true, but = true, ["and"] = true, ["or"] = true,
  ["if"] = true, as = true, since = true, including = true, among = true, according = true, whether = true,
  than = true, after = true, before = true, said = true, says = true, told = true, wrote = true,
  tweeted = true, claimed = true, denied = true, showed = true, shows = true, confirmed = true,
  announced = true, reported = true, added = true, is = true, was = true, were = true, are = true,
  has = true, have = true, had = true, been = true, be = true, will = true, would = true, could = true,
  did = true, does = true, ["not"] = true, ["n't"] = true, ["until"] = true, amid = true, despite = true,
  however = true, documents = true, estimated = true, say = true, stated = true, saying = true,
  announces = true, urged = true, denies = true, confirms = true, claims = true }
-- Words that end an object or "of" phrase on its right.
M.rbounds = { ["in"] = true, near = true, on = true, at = true, during = true, since = true, after = true,
  before = true, when = true, ["while"] = true, because = true, ["and"] = true, ["or"] = true, but = true,
  that = true, which = true, who = true, by = true, ["for"] = true, with = true, as = true, to = true,
  into = true, across = true, around = true, outside = true, inside = true, within = true, over = true,
  is = true, was = true, were = true, are = true, had = true, has = true, have = true, could = true,
  would = true, will = true, according = true, including = true, among = true, amid = true,
  ["until"] = true, from = false, without = true, despite = true, through = true, than = true }
-- Place type words: "the province" names a place.
M.placewords = { province = true, district = true, districts = true, valley = true, valleys = true,
  town = true, city = true, village = true, villages = true, region = true, capital = true, pass = true,
  area = true, areas = true, country = true, centre = true, center = true, front = false,
  entrances = true, entrance = true, approaches = true, governorate = true, county = true, oblast = true,
  state = false, territory = true, stronghold = true, base = true, airport = true, bridge = true,
  square = true, quarter = true, neighbourhood = true, neighborhood = true, suburbs = true,
  outskirts = true, hall = true, office = true, headquarters = true, positions = true, ridge = true,
  hills = true, mountains = true, crossing = true, island = true, port = true,
  harbour = true, harbor = true, coast = true, bay = true, peninsula = true }
-- Parts of a place that are the extent of a control claim.
M.extents = { most = "most", entrances = "entrances", entrance = "entrances", approaches = "approaches",
  centre = "centre", center = "centre", outskirts = "outskirts", half = "half", part = "part",
  parts = "parts", districts = "districts", north = "north", south = "south", east = "east",
  west = "west", eastern = "eastern", western = "western", northern = "northern", southern = "southern",
  hall = "town hall", majority = "most" }

-- ------------------------------------------------------------ compiled indexes

local X -- compiled phrase indexes

-- compile() -- rebuild the indexes after the tables changed.
function M.compile()
  local function clean(t)
    local out = {}
    for k, v in pairs(t) do
      if v then out[k] = v end
    end
    return out
  end
  X = {
    casualty = cue.index(clean(M.casualty)), control = cue.index(clean(M.control)),
    events = cue.index(clean(M.events)), hedges = cue.index(M.hedges), unverified = cue.index(M.unverified),
    intent = cue.index(M.intent), nofigure = cue.index(M.nofigure),
  }
  -- the words the analysis visits: first words of the patterns (a word
  -- that starts only phrases of several words, when the next word goes on
  -- with one of them: its set of second words), the words of a part
  -- ("including", "among", "whom"), the last words of the unverified phrases
  local hot = {}
  for _, idx in ipairs{ X.casualty, X.control, X.events } do
    for wd, l in pairs(idx) do
      local v = hot[wd]
      for pi = 1, #l do
        if v == true then break end
        if l[pi].n == 1 then
          v = true
        else
          v = v or {}
          v[l[pi].ws[2]] = true
        end
      end
      hot[wd] = v
    end
  end
  hot.including, hot.among, hot.whom = true, true, true
  for _, phrase in ipairs(M.unverified) do
    local n, _, _, ws = cue.tokenize(phrase)
    if n > 0 then hot[ws[n]] = true end
  end
  X.last = {}
  for _, phrase in ipairs(M.unverified) do
    local n, _, _, ws = cue.tokenize(phrase)
    if n > 0 then X.last[ws[n]] = true end
  end
  cue.compile(hot)
  return X
end

-- ------------------------------------------------------------ helpers

local at = cue.at
local sidephrase = cue.Doc.side
local nameword = cue.Doc.nameword
local docnames = cue.Doc.names

-- Does a phrase of idx start anywhere in tokens a..b? Its first token.
local function find(D, idx, a, b)
  local w = D.w
  for x = a, b do
    if idx[w[x]] and at(w, x, b, idx) then return x end
  end
  return nil
end

-- Is quantity qi a count that can be a casualty figure (no unit, no
-- ordinal, not a count of things)?
local function countable(ctx, D, qi)
  local q = ctx.quantities[qi]
  if not q or q.unit or q.ordinal then return false end
  if q.noun and M.things[cue.fold(q.noun)] then return false end
  local last = D.qlast[qi]
  if last and last < D.n and M.things[D.w[last + 1]] then return false end
  return true
end

-- The clause around token t of sentence si: from the last ";", ":" (not
-- before a quotation) or dash before it (or the sentence start) to the
-- next ";" (or the sentence end). The marks of a sentence are found once.
local CLAUSEMARKS = { [";"] = 1, [":"] = 2, ["-"] = 3 }
local function clause(D, si, t)
  local marks = D.clausemarks
  if not marks then
    marks = {}
    D.clausemarks = marks
  end
  local a, b = D.sa[si], D.sb[si]
  local m = marks[si]
  if not m then
    m = {}
    local w, cm = D.w, CLAUSEMARKS
    for x = a, b do
      local c = cm[w[x]]
      if c and (c == 1 or (c == 2 and not D.qid[x + 1]) or (c == 3 and D.k[x] == "p")) then m[#m + 1] = x end
    end
    marks[si] = m
  end
  for i = #m, 1, -1 do
    if m[i] < t then
      a = m[i] + 1
      break
    end
  end
  for i = 1, #m do
    local x = m[i]
    if x > t and D.w[x] == ";" then
      b = x - 1
      break
    end
  end
  return a, b
end

-- Is token x, not a word, a boundary: punctuation other than brackets, "&"
-- and "/", or the mark that opens or closes a quotation?
local function markbound(D, x, k, w)
  if k == "p" then return not (w == "(" or w == ")" or w == "&" or w == "/") end
  if k == "q" or k == "s" then
    local r = D.qid[x]
    local q = r and D:quote(r)
    return q and q.speech and (q.a == x or q.b == x)
  end
  return false
end

-- Is token x a boundary of a subject phrase on its left?
local function lbound(D, x)
  local k, w = D.k[x], D.w[x]
  if D.qof[x] then return false end
  if k == "w" then return M.bounds[w] or (X.casualty[w] and at(D.w, x, D.n, X.casualty) ~= nil) end
  return markbound(D, x, k, w)
end

-- Is token x a boundary of an object phrase on its right?
local function rbound(D, x)
  local k, w = D.k[x], D.w[x]
  if D.qof[x] then return false end
  if k == "w" then return M.rbounds[w] or cue.verbs[w] ~= nil end
  return markbound(D, x, k, w)
end

-- The first eligible figure in tokens a..b: quantity index and token.
local function figure(ctx, D, a, b)
  for x = a, b do
    local qi = D.qat[x]
    if qi and countable(ctx, D, qi) then return qi, x end
  end
  return nil
end

-- A zero written as a word ("no civilian casualties", "no one was
-- killed", "none of them"): its token.
local function zero(D, a, b)
  local w = D.w
  for x = a, math_min(b, a + 2) do
    if w[x] == "no" or w[x] == "nobody" or w[x] == "none" or (w[x] == "not" and w[x + 1] == "a"
      and w[x + 2] == "single") then
      return x
    end
  end
  return nil
end

-- Does tokens a..b name people (a people word, a side, a name, a pronoun)?
local function people(D, a, b, nonames)
  local w, sidx = D.w, D.sx.idx
  for x = a, b do
    local wx = w[x]
    if M.people[wx] or M.civilian[wx] or M.enemy[wx] then return true end
    if wx == "they" or wx == "he" or wx == "she" or wx == "we" or wx == "them" then return true end
    if sidx[wx] then
      local l, v = at(w, x, b, sidx)
      if l and v.side then return true end
    end
  end
  if nonames then return false end
  local nms = docnames(D, a, b)
  for ni = 1, #nms do
    local nm = nms[ni]
    local before = w[nm[1] - 1]
    if not (before == "in" or before == "at" or before == "near") and D:isperson(nm[1], nm[2]) then return true end
  end
  return false
end

-- Is there a thing word heading tokens a..b (and no people word)?
local function things(D, a, b)
  local thing = false
  for x = a, b do
    local wx = D.w[x]
    if M.people[wx] or M.civilian[wx] or M.enemy[wx] then return false end
    if M.things[wx] or M.placewords[wx] then thing = true end
  end
  return thing
end

-- ------------------------------------------------------------ sides of people

-- The side of the people tokens a..b name, given the claimant's side and
-- whether the words are in the claimant's own quotation. Returns the side
-- (a side id or "civilian") or nil, and how it was found.
local function sideof(C, a, b, cs, quoted, spk)
  local D = C.D
  local w, sidx = D.w, D.sx.idx
  -- the head phrase first, then the appositive after a comma
  local hb = b
  for x = a, b do
    if w[x] == "," and x > a then
      hb = x - 1
      break
    end
  end
  local function scan(lo, hi)
    local x = lo
    while x <= hi do
      local wx = w[x]
      if wx == "our" or wx == "my" or wx == "us" or wx == "we" or wx == "ourselves" then
        if cs then return cs, "own" end
      elseif (wx == "its" or wx == "his" or wx == "her") and x < hi then
        if cs and (quoted or spk) then return cs, "own" end
        local s = D:lastside(x)
        if s then return s, "own" end
      elseif (wx == "it" or wx == "he" or wx == "she") and lo == hi then
        if spk and cs and ((wx == "it") == (spk.org == true and not spk.person)) then return cs, "own" end
      elseif wx == "their" or wx == "they" or wx == "them" then
        if quoted and cs then return D:other(cs), "their" end
        if spk and spk.org and cs then return cs, "their" end
        if cs then return D:other(cs), "their" end
      end
      local l, v
      if sidx[wx] then l, v = at(w, x, hi, sidx) end
      if l then
        if v.side then
          -- a party's word for its enemy, also an alias ("terrorists")
          if M.enemy[w[x + l - 1]] and cs and D.sx.party[cs] and v.side == cs then return D:other(cs), "enemy" end
          return v.side, "side"
        end
        x = x + l
      else
        if M.civilian[wx] then return "civilian", "civilian" end
        if M.enemy[wx] then
          if cs then return D:other(cs), "enemy" end
          return nil, "enemy"
        end
        -- "rebels", "the militia" in a party's words, when no side's alias: the other party
        if M.irregulars[wx] and cs and D.sx.party[cs] and D:other(cs) then return D:other(cs), "enemy" end
        if D.k[x + 1] == "$" and nameword(D, x) then
          -- "members of Massoud's family"
          local nm = docnames(D, math_max(lo, x - 3), x)
          local last = nm[#nm]
          if last and last[2] == x then
            local s = D:lookup(last[1], last[2], D.ts[x])
            if s then return s, "name" end
          end
        end
        x = x + 1
      end
    end
    -- named people
    local nms = docnames(D, lo, hi)
    for ni = 1, #nms do
      local nm = nms[ni]
      local s = D:lookup(nm[1], nm[2], D.ts[nm[1]])
      if s then return s, "name" end
    end
    -- "Front commanders": the head word of one side's names
    local h = D:headside(lo, hi)
    if h then return h, "side" end
    return nil
  end
  local s, how = scan(a, hb)
  if s or how == "enemy" then return s, how end
  if hb < b then return scan(hb + 2, b) end
  return nil
end

-- The head noun of a people phrase (for the document's memory of sides).
local function headnoun(D, a, b)
  local h
  for x = a, b do
    if M.people[D.w[x]] then h = D.w[x] end
    if D.w[x] == "of" and h then break end
  end
  return h
end

-- ------------------------------------------------------------ claims

-- Words in -ly that are no adverbs.
M.notly = { family = true, ally = true, rally = true, italy = true, july = true, supply = true, assembly = true,
  anomaly = true, monopoly = true, reply = true, holy = true, belly = true, bully = true, jelly = true,
  lily = true, emily = true, kelly = true, sally = true, molly = true, polly = true, daily = true }

-- Is token x an adverb in -ly ("completely")?
local function adverb(D, x)
  local wx = D.w[x]
  return D.k[x] == "w" and #wx > 4 and string_sub(wx, -2) == "ly" and not M.notly[wx]
end

-- The verb group left of token t: the token before it.
local function groupstart(D, lo, t)
  local j = t - 1
  while j >= lo and ((D.k[j] == "w" and M.group[D.w[j]]) or adverb(D, j)
    or ((D.k[j] == "s" or D.k[j] == "q") and not lbound(D, j))
    or (cue.verbs[D.w[j]] and D.w[j + 1] == "to" and D.w[j + 2] == "have")) do
    j = j - 1
  end
  return j
end

-- The noun phrase ending at token j (not before lo), over a relative
-- pronoun ("X, who ...") and a reporting parenthetical (", he said,"):
-- first and last token, or nil and "coord" when a comma ends a verb before
-- ("had been killed, had surrendered"). A third value is the start of the
-- phrase before an appositive ("700 terrorists, the front's word for
-- them,"), when there is one. andok: "and" joins phrases ("X and Y").
local function leftphrase(D, lo, j, andok)
  local w = D.w
  if j < lo then return nil end
  if (w[j] == "who" or w[j] == "which") and j > lo then
    j = j - 1
    -- (", who": the comma stays, for an appositive before it)
    if w[j] == "," and not (j - 2 >= lo and w[j - 1] ~= "," and partappos(D, lo, j)) then j = j - 1 end
    if j < lo then return nil end
  end
  if w[j] == "," then
    local c = j - 1
    while c >= lo and w[c] ~= "," and not (D.k[c] == "p" or D.k[c] == "q") do c = c - 1 end
    if c >= lo and w[c] == "," then
      for x = c + 1, j - 1 do
        if cue.verbs[w[x]] then return leftphrase(D, lo, c - 1, andok) end
      end
    end
    if j - 1 < lo or lbound(D, j - 1) then return nil, "coord" end
    -- "23 people, mostly women and children, were killed": the head before
    -- an appositive that joins words with "and"
    if c > lo and w[c] == "," and not lbound(D, c - 1) then
      local plain = true
      for x = c + 1, j - 1 do
        if lbound(D, x) and w[x] ~= "and" and w[x] ~= "or" then plain = false end
      end
      if plain then
        local ha = leftphrase(D, lo, c - 1, andok)
        if ha then return ha, j - 1 end
      elseif PARTWORD[w[c + 1]] or D.qof[c + 1] then
        -- "90,000 people, more than half of the population, had been
        -- displaced", "23 residents, most of them over 70, who": the head
        -- with its figure, without the appositive's
        local ha, hb = leftphrase(D, lo, c - 1, andok)
        if ha then
          for x = ha, hb do
            if D.qof[x] then return ha, hb end
          end
        end
      end
    end
    j = j - 1
  end
  -- (a bound: lbound, but no "and" when andok)
  local b0 = j
  while b0 >= lo and not (lbound(D, b0) and not (andok and w[b0] == "and")) do b0 = b0 - 1 end
  local a = b0 + 1
  if a > j then return nil end
  if b0 > lo and (w[b0] == "," or (w[b0] == "including" and w[b0 - 1] == ",")) then
    local c0 = w[b0] == "," and b0 - 1 or b0 - 2
    local c = c0
    while c >= lo and not (lbound(D, c) and not (andok and w[c] == "and")) do c = c - 1 end
    if c < c0 then return a, j, c + 1 end
  end
  return a, j
end

-- Is the claim at token t (verb group from g + 1) stated as fact? Not
-- after an intention, a future, a condition or "to" in its clause.
local function factual(D, ca, g, t)
  local w = D.w
  -- "to surrender", "will be killed": in the verb group
  for x = g + 1, t - 1 do
    if w[x] == "to" and not (w[x + 1] == "have" or w[x - 1] == "forced" or w[x - 1] == "continued"
      or w[x - 1] == "continues" or w[x - 1] == "continue" or w[x - 1] == "managed") then return false end
    if w[x] == "will" or w[x] == "would" or w[x] == "shall" or w[x] == "should" or w[x] == "must" then
      return false
    end
    if (w[x] == "may" or w[x] == "might" or w[x] == "could") and w[x + 1] ~= "have" then return false end
  end
  if g >= ca and w[g] == "to" then return false end
  -- intentions and conditions earlier in the clause (after a comma or a relative pronoun)
  for y = g, ca, -1 do
    local wy = w[y]
    if wy == "," or wy == "who" or wy == "which" or wy == "that" or wy == ";" or wy == ":" then
      ca = y + 1
      break
    end
  end
  local x = find(D, X.intent, ca, g)
  while x do
    local wx = w[x]
    if wx ~= "to" and wx ~= "able" then return false end
    x = find(D, X.intent, x + 1, g)
  end
  return true
end

-- Does the sentence say figures were not given, before token t?
local function nofigure(D, si, t)
  local w, first = D.w, D.sa[si]
  local x = find(D, X.nofigure, math_max(first, t - 12), t)
  if not x then return false end
  for y = math_max(first, x - 6), x do
    if M.negation[w[y]] or w[y] == "no" or w[y] == "any" then
      if w[y] == "any" then
        for z = math_max(first, y - 5), y do
          if M.negation[w[z]] then return true end
        end
      else
        return true
      end
    end
  end
  return false
end

-- Hedging words in tokens a..b.
local function hedgedin(D, a, b)
  return find(D, X.hedges, a, b) ~= nil
end

-- Is token x a word of a side's or an organisation's name ("Liberation" in
-- "Reedland Liberation Union")? The last token of that name, or nil.
local function inname(D, x, lo)
  local w, idx = D.w, D.sx.idx
  for y = x - 4 < lo and lo or x - 4, x do
    local l = idx[w[y]] and at(w, y, D.n, idx)
    if l and y + l - 1 >= x then return y + l - 1 end
  end
  return nil
end

-- Is token x an event word standing on its own?
local function eventword(D, x, b)
  return X.events[D.w[x]] ~= nil and at(D.w, x, b, X.events) ~= nil and not D.timeof[x] and not inname(D, x, 1)
end

-- Verbs of reporting that, after an event word, take the date that follows.
local REPORTED = { reported = true, announced = true, published = true, broadcast = true, tweeted = true,
  confirmed = true, posted = true }

-- The time of a claim: a date (not a duration) in tokens a..b that is no
-- date of reporting (between a reporting verb and its complement).
local function timein(C, si, a, b, t, own)
  local D, ctx = C.D, C.ctx
  local best, bestd
  -- inside a reporting frame, only its scope: the dates around it are the report's
  local _, fr = cue.attribute(D, si, t)
  if fr and fr.sa and fr.sb and fr.sa <= t and t <= fr.sb then
    a, b = math_max(a, fr.sa), math_min(b, fr.sb)
  end
  -- no time (but durations) in a..b: none to choose (what follows only narrows it)
  local tt = D.tt -- the tokens of the times that are no duration, in order
  local lo, hi = 1, #tt + 1
  while lo < hi do
    local mid = (lo + hi) // 2
    if tt[mid] < a then lo = mid + 1 else hi = mid end
  end
  if lo > #tt or tt[lo] > b then return nil end
  -- an event's date belongs to it alone: no other event word may stand between
  local w, events, timeof = D.w, X.events, D.timeof
  for x = t + 1, own and b or 0 do
    if events[w[x]] ~= nil and eventword(D, x, b) then
      b = x - 1
      break
    end
  end
  for x = t - 1, a, -1 do
    if (own and events[w[x]] ~= nil and eventword(D, x, b))
      or (w[x] == "," and (w[x + 1] == "which" or w[x + 1] == "who" or w[x + 1] == "where")) then
      a = x + 1
      break
    end
  end
  for x = t + 1, b - 1 do
    if w[x] == "," and (w[x + 1] == "which" or w[x + 1] == "who" or w[x + 1] == "where") then
      b = x - 1
      break
    end
  end
  -- the first token in a..b of each time (its tokens are in tt: durations have none to choose)
  for j = lo, #tt do
    local x = tt[j]
    if x > b then break end
    local ti = timeof[x]
    if x >= a and (x == a or timeof[x - 1] ~= ti) then
      local tm = ctx.times[ti]
      -- a time that is also a figure ("Jan. 10, 7 members") is the figure
      local report = D.qof[x] ~= nil and D.k[x] == "n" and #tm.text <= 2
      local fs = D:framesof(si)
      for fi = 1, #fs do
        local f = fs[fi]
        if f.v and f.sa and x > f.v and x < f.sa then report = true end
        if f.ss and f.se and x >= f.ss and x <= f.se then report = true end
      end
      -- "... was conquered was reported by CNN on Monday": a date after a
      -- reporting verb that follows the event word dates the report
      for y = t + 1, x - 1 do
        if REPORTED[w[y]] then report = true; break end
      end
      if tm.kind ~= "duration" and not report then
        local d = x < t and t - x or x - t
        if not best or d < bestd then best, bestd = ti, d end
      end
    end
  end
  return best
end

local PLACEPREPS = { ["in"] = true, near = true, at = true, around = true, outside = true, of = true,
  from = true, into = true }
-- The place of a claim: a capitalised name after "in", "near", "at",
-- "around", "outside", "of", "from" or "into" (PLACEPREPS) in tokens a..b
-- that is no side and no person.
local function placein(D, a, b)
  local w = D.w
  for x = a, b - 1 do
    local wx = w[x]
    if PLACEPREPS[wx] then
      local y = x + 1
      if w[y] == "the" then y = y + 1 end
      if y <= b and nameword(D, y) and not sidephrase(D, y, b) then
        local nm = docnames(D, y, b, true)[1]
        if nm and nm[1] == y then
          local e = nm[2]
          if e < b and M.placewords[w[e + 1]] then e = e + 1 end
          return y, e
        end
      end
    end
  end
  return nil
end

-- A claim record from its parts. (The fields the claim's reading sets
-- later are in the constructor too, nil: the table is made at its size
-- and never rehashes.)
local function record(C, kind, category, si, a, b, t)
  local D, ctx = C.D, C.ctx
  local spk, frame = cue.attribute(D, si, t)
  if frame and frame.suppress then return nil end
  local claimant, cs, ce, side
  if spk then
    claimant, cs, ce, side = spk.text, spk.s, spk.e, spk.side
    if not side and D.own and spk.source then side = D.srcside end
  end
  local hedged = false
  if ctx.doc and ctx.doc.kind ~= "statement" then
    if (frame and frame.hedge and spk) then hedged = true end
  end
  return { kind = kind, category = category, s = D.ts[a], e = D.te[b], text = D:text_of(a, b),
    polarity = frame and frame.deny and "deny" or "affirm", hedged = hedged, claimant = claimant,
    claimant_s = cs, claimant_e = ce, claimant_side = side, cue = cue.label(spk, frame),
    _spk = spk, _frame = frame, _si = si, _t = t,
    quantity = nil, value = nil, min = nil, max = nil, vague = nil, subject = nil, subject_side = nil,
    time = nil, place = nil, place_s = nil, place_e = nil, _how = nil, _head = nil }
end

-- A zero written as a word ("no casualties", "nobody was hurt") is the
-- figure of its claim. With M.zeroquantities set, the zero word becomes a
-- quantity record (value 0) appended to ctx.quantities, once per word (the
-- number grammar leaves zero words to this layer, and the gold guidelines
-- count them as quantities), and the claim's quantity points at it; else
-- the claim has value 0 and no quantity.
M.zeroquantities = false
local function zerofigure(C, r, t)
  r.value, r.min, r.max = 0, 0, 0
  if not M.zeroquantities then return end
  local D, qs = C.D, C.ctx.quantities
  C.zeros = C.zeros or {}
  local qi = C.zeros[t]
  if not qi then
    local e = t
    if D.w[t] == "no" and D.w[t + 1] == "one" then e = t + 1 end
    if D.w[t] == "not" and D.w[t + 1] == "a" and D.w[t + 2] == "single" then e = t + 2 end
    local q = { s = D.ts[t], e = D.te[e], text = D:text_of(t, e), value = 0, min = 0, max = 0 }
    local mt = qs[1] and getmetatable(qs[1])
    if mt then setmetatable(q, mt) end
    qs[#qs + 1] = q
    qi = #qs
    C.zeros[t] = qi
  end
  r.quantity = qi
end

-- Copy a quantity's figure into a claim.
local function setfigure(C, r, qi)
  local q = C.ctx.quantities[qi]
  r.quantity, r.value, r.min, r.max, r.vague = qi, q.value, q.min, q.max, q.vague
  if q.value == nil and not r.vague then r.vague = true end
end

-- "including four children", "among them four children": a part of the
-- claim before it.
local function partof(C, si, t, prev)
  local D, ctx = C.D, C.ctx
  local w = D.w
  local y = t + 1
  if w[t] == "among" and (w[y] == "them" or w[y] == "whom" or w[y] == "those") then y = y + 1 end
  if w[t] == "of" and w[y] == "whom" then y = y + 1 end
  local qi = D.qat[y]
  if not qi or not countable(ctx, D, qi) then return end
  local e = D.qlast[qi] + 1
  local last = D.sb[si]
  while e <= last and not rbound(D, e) do e = e + 1 end
  if e - 1 < y then return end
  -- a casualty word right after makes a claim of its own
  if e <= last and X.casualty[w[e]] then return end
  -- "trapped in detention centres, including one in X": a part of the
  -- words after the claim, when it names no people, is theirs
  if t > 2 and w[t - 1] == "," and D.te[t - 2] > prev.e and not people(D, y, e - 1) then return end
  for x = y, e - 1 do
    if X.casualty[w[x]] and at(w, x, e - 1, X.casualty) then return end
  end
  local r = record(C, "casualty", prev.category, si, t, e - 1, y)
  if not r then return end
  setfigure(C, r, qi)
  r.subject = D:text_of(y, e - 1)
  local side, how = sideof(C, y, e - 1, r.claimant_side, D.qid[t] and D:quote(D.qid[t]).speech, r._spk)
  r.subject_side, r._how = side or prev.subject_side, how or "part"
  r.polarity = prev.polarity
  return r
end

-- Two categories that, written together over one figure, count casualties
-- ("200 killed and wounded", "dead or injured").
local COMBINED = { killed = "wounded", wounded = "killed" }

-- A casualty claim at trigger token t (length n) of sentence si.
local function casualty(C, si, t, n, cat, form)
  local D, ctx = C.D, C.ctx
  local w = D.w
  local ca, cb = clause(D, si, t)
  local last = t + n - 1
  local g = groupstart(D, ca, t)
  if nofigure(D, si, t) then return end
  if not factual(D, ca, g, t) then return end
  local quoted = D.qid[t] and D:quote(D.qid[t]).speech
  -- a line of key figures: "Killed: 278", "Internally displaced: more
  -- than 35,000 people"
  if w[last + 1] == ":" and last + 2 <= cb and D.qat[last + 2] and countable(ctx, D, D.qat[last + 2]) then
    local a = D.sa[si]
    while a < t and D.k[a] == "w" and #w[a] > 4 and string_sub(w[a], -2) == "ly" do a = a + 1 end
    if a == t then
      local qi = D.qat[last + 2]
      local e = D.qlast[qi]
      while e < cb and not rbound(D, e + 1) do e = e + 1 end
      local r = record(C, "casualty", cat, si, t, e, t)
      if not r then return end
      setfigure(C, r, qi)
      if e > D.qlast[qi] then
        r.subject = D:text_of(D.qlast[qi] + 1, e)
        r.subject_side, r._how = sideof(C, D.qlast[qi] + 1, e, r.claimant_side, quoted, r._spk)
      end
      return { r }
    end
  end
  local neg = false
  for x = g + 1, t - 1 do
    if w[x] == "not" or w[x] == "n't" or w[x] == "never" then neg = true end
  end
  -- "missing the point", "trapped the rebels": a verb with an object, no state
  if form == "a" and last < cb and (DET[w[last + 1]] or w[last + 1] == "a" or w[last + 1] == "an") then return end
  -- "the dead", "their dead" with no figure: a noun, no claim
  if form == "a" and t > ca and (DET[w[t - 1]] or D.k[t - 1] == "$") and not D.qof[t - 1] then return end
  -- attributive: "112 displaced people" counts the people, states nothing;
  -- but a figure of wounded or dead people is a casualty figure ("treated
  -- 136 wounded patients", "20 dead soldiers")
  local attr = (form == "a" or form == "v") and last < cb and (M.people[w[last + 1]] or M.civilian[w[last + 1]])
    and not (D.k[t - 1] == "w" and M.group[w[t - 1]])
  if attr and not ((cat == "wounded" or cat == "killed") and t > ca and D.qof[t - 1]) then return end
  local out = {}
  local subj_a, subj_b, qi, zt, vague
  if attr then
    -- its subject: the figure before and the people after
    subj_a, subj_b = t - 1, last + 1
    while subj_a > ca and D.qof[subj_a - 1] == D.qof[t - 1] do subj_a = subj_a - 1 end
    while subj_b < cb and not rbound(D, subj_b + 1) do subj_b = subj_b + 1 end
  end
  local active, agent_a, agent_b, by_a, by_b
  if form == "n" and M.participles[w[t]] and not (t > ca and (DET[w[t - 1]] or D.k[t - 1] == "$"))
    and last < cb and (D.qat[last + 1] or people(D, last + 1, math_min(cb, last + 3))) then
    -- "..., killing four soldiers": an active participle
    form = "v"
  end
  if form == "n" then
    -- figure or vague word before the noun
    local x = t - 1
    local steps = 0
    while x >= ca and steps < 3 and D.k[x] == "w" and not M.bounds[w[x]] and not D.qof[x]
      and not M.suffer[w[x]] and w[x] ~= "no" and w[x] ~= "of" do
      if M.vague[w[x]] then vague = vague or w[x] end
      x = x - 1
      steps = steps + 1
    end
    if x >= ca and (D.k[x] == "q" or D.k[x] == "s") then x = x - 1 end
    -- "treated 52 people with bullet or shrapnel wounds": the people before "with"
    if cat == "wounded" and not (x >= ca and D.qof[x]) then
      for y = t - 1, math_max(ca + 2, t - 6), -1 do
        if w[y] == "with" then
          if (M.people[w[y - 1]] or M.civilian[w[y - 1]]) and D.qof[y - 2] then x = y - 2 end
          break
        end
      end
    end
    if x >= ca and D.qof[x] and countable(ctx, D, D.qof[x]) then
      qi = D.qof[x]
      subj_a = x
      while subj_a > ca and D.qof[subj_a - 1] == qi do subj_a = subj_a - 1 end
    elseif x >= ca and w[x] == "no" then
      zt = x
      subj_a = x
    else
      subj_a = x + 1
    end
    if x >= ca and D.qof[x] and ctx.quantities[D.qof[x]].unit then return end
    -- "took 8 prisoners": prisoners count only as taken, and belong to the
    -- taker's enemy
    local taker_a, taker_b
    if M.taken[w[t]] then
      local v = (qi or zt) and subj_a - 1
      if not (v and v >= ca and M.taking[w[v]]) then return end
      taker_a, taker_b = leftphrase(D, ca, groupstart(D, ca, v))
    end
    -- "of" / "among" / "on" people after the noun
    local y = last + 1
    local after_a, after_b
    if y <= cb and (w[y] == "of" or w[y] == "among" or w[y] == "on") then
      local e = y + 1
      while e <= cb and (not rbound(D, e) or (w[e] == "and" and (nameword(D, e + 1) or M.people[w[e + 1]]))) do
        e = e + 1
      end
      -- "spokesmen of the front, who ..." keeps the appositive
      if e <= cb and w[e] == "," then
        local f = e + 1
        while f <= cb and w[f] ~= "," and not rbound(D, f) do f = f + 1 end
        if f <= cb and w[f] == "," and people(D, e + 1, f - 1) then e = f end
      end
      if e - 1 >= y + 1 and people(D, y + 1, e - 1) then
        after_a, after_b = y + 1, e - 1
        if not qi and not zt then
          local q2 = figure(ctx, D, after_a, math_min(after_b, after_a + 3))
          if q2 then qi = q2 end
        end
      end
    end
    if not qi and not zt and not vague and last + 2 <= cb and M.be[w[last + 1]] and M.vague[w[last + 2]] then
      -- "our losses were light"
      vague = w[last + 2]
    end
    if not qi and not zt and not after_a then
      -- "the death toll rose to 57", "a toll of 57"
      for z = last + 1, math_min(cb, last + 5) do
        local qz = D.qat[z]
        if qz and countable(ctx, D, qz) and (w[z - 1] == "to" or w[z - 1] == "of" or w[z - 1] == "at"
          or w[z - 1] == "reached" or w[z - 1] == "hit" or w[z - 1] == "is" or w[z - 1] == "was") then
          qi = qz
          after_a, after_b = z, D.qlast[qz]
          break
        end
        if D.k[z] ~= "w" or not (M.group[w[z]] or M.tolls[w[z]] or w[z] == "to" or w[z] == "at"
          or w[z] == "of") then break end
      end
      -- "the number of our martyrs since the start of the operation has
      -- reached 31": a phrase of time between the noun and its toll verb
      if not qi and last < cb and M.since[w[last + 1]] then
        local z = last + 2
        while z <= math_min(cb, last + 12) and D.k[z] == "w" and not M.tolls[w[z]] and not D.qat[z] do z = z + 1 end
        if z <= cb and M.tolls[w[z]] then
          local f = w[z + 1] == "to" and z + 2 or z + 1
          local qz = D.qat[f]
          if qz and countable(ctx, D, qz) then
            qi = qz
            after_a, after_b = f, D.qlast[qz]
          end
        end
      end
    end
    if not qi and not zt and not vague and not after_a then return end
    -- whose: "the enemy suffered heavy casualties"; "inflicted losses on X"
    local sx = subj_a - 1
    while sx >= ca and (D.k[sx] == "q" or D.k[sx] == "s" or w[sx] == "the" or w[sx] == "a") do sx = sx - 1 end
    if sx >= ca and M.suffer[w[sx]] and not taker_a then
      local j = groupstart(D, ca, sx)
      local e = j
      local b0 = j
      while b0 >= ca and not lbound(D, b0) do b0 = b0 - 1 end
      if e >= b0 + 1 then agent_a, agent_b = b0 + 1, e end
    end
    local ra, rb = subj_a, after_b or last
    if agent_a then ra = agent_a end
    local r = record(C, "casualty", cat, si, math_min(ra, t), math_max(rb, last), t)
    if not r then return end
    if qi then setfigure(C, r, qi)
    elseif zt then zerofigure(C, r, zt)
    else r.vague = vague or true end
    local side, how
    local cs = r.claimant_side
    if after_a and (w[after_a - 1] == "of" or w[after_a - 1] == "among") then
      side, how = sideof(C, after_a, after_b, cs, quoted, r._spk)
      r.subject = D:text_of(after_a, after_b)
    elseif after_a and w[after_a - 1] == "on" then
      side, how = sideof(C, after_a, after_b, cs, quoted, r._spk)
      r.subject = D:text_of(after_a, after_b)
    elseif agent_a then
      side, how = sideof(C, agent_a, agent_b, cs, quoted, r._spk)
      r.subject = D:text_of(agent_a, agent_b)
    end
    if not side and taker_a then
      local as = sideof(C, taker_a, taker_b, cs, quoted, r._spk)
      if as and as ~= "civilian" then side, how = D:other(as), "agent" end
    end
    if not side and subj_a < t then
      side, how = sideof(C, subj_a, t - 1, cs, quoted, r._spk)
    end
    if not side and how ~= "enemy" and after_a then
      -- "inflicted losses of about 200 killed and wounded on the army"
      for z = after_b + 1, math_min(cb - 1, after_b + 6) do
        if w[z] == "on" then
          local e = z + 1
          while e <= cb and not rbound(D, e) do e = e + 1 end
          if e - 1 > z then side, how = sideof(C, z + 1, e - 1, cs, quoted, r._spk) end
          break
        end
      end
    end
    r.subject_side, r._how = side, how
    if neg then r.polarity = "deny" end
    out[1] = r
    return out
  end
  -- verbs and adjectives: active with an object, else passive (the
  -- nearest auxiliary is a form of "be": "were killed", not "are said to
  -- have killed")
  local passive = false
  for x = t - 1, g + 1, -1 do
    if M.be[w[x]] and not (n == 1 and string_sub(w[t], -3) == "ing") then -- (not "was holding")
      passive = true
      break
    end
    if w[x] == "have" or w[x] == "has" or w[x] == "had" or w[x] == "having" then break end
  end
  -- "held out", "held off the attack": a phrasal verb, no casualty
  if (form == "v" or form == "t") and last < cb and M.adverbs[w[last + 1]] and not D.qof[last + 1] then return end
  if (form == "v" or form == "t") and not passive and not attr then
    local y = last + 1
    if y < cb and D.k[y] == "q" and D.qat[y + 1] then y = y + 1 end -- (killed "thousands" of ...)
    local e = y
    while e <= cb and not rbound(D, e) do e = e + 1 end
    if e - 1 >= y then
      -- an object: people make an active claim; anything else none (a
      -- name alone is a place a capture verb takes: "captured Kell")
      if not ((D.qat[y] and not M.ofpeople[w[t]]) or people(D, y, math_min(e - 1, y + 4), X.control[w[t]] ~= nil))
        or things(D, y, e - 1) then
        if form == "t" or D.k[y] == "w" and not M.rbounds[w[y]] then return end
      else
        active = true
        subj_a, subj_b = y, e - 1
        local aa, ab = leftphrase(D, ca, g)
        if aa then agent_a, agent_b = aa, ab end
      end
    end
    if form == "t" and not active then return end
  end
  local coord = false
  local includes, inclb
  local ofwhom = false
  if not active and not attr and (w[g] == "whom" or w[g] == "which") and g - 2 >= ca and w[g - 1] == "of"
    and D.qof[g - 2] then
    -- "183 wounded people, 23 of whom had died": the figure before "of whom"
    ofwhom = true
    subj_a, subj_b = g - 2, g - 2
    while subj_a > ca and D.qof[subj_a - 1] == D.qof[g - 2] do subj_a = subj_a - 1 end
  end
  if not active and (w[g] == "who" or w[g] == "which") and C.last and C.last._si == si
    and C.last.category == cat and C.last.kind == "casualty" then
    -- "the death of X, ..., who have been killed": one claim
    local prev = C.last
    prev.e = D.te[last]
    prev.text = string_sub(ctx.text, prev.s, prev.e)
    return
  end
  if not active and not attr and not ofwhom then
    local pa, pb, ha = leftphrase(D, ca, g)
    if pa and not people(D, pa, pb) and not figure(ctx, D, pa, pb) then
      -- "Three journalists who went to film the damage were wounded": the
      -- people before a relative clause
      for x = pa - 1, math_max(ca + 1, pa - 12), -1 do
        if w[x] == "who" then
          local qa, qb = leftphrase(D, ca, x - 1)
          if qa and people(D, qa, qb) then pa, pb, ha = qa, qb, nil end
          break
        end
        if D.k[x] ~= "w" then break end
      end
    end
    if not pa then
      if pb ~= "coord" and g >= ca and not lbound(D, g) then return end
      coord = true
    else
      subj_a, subj_b = pa, pb
      if ha and not figure(ctx, D, pa, pb) and figure(ctx, D, ha, pa - 1) then subj_a = ha end
      if w[pb + 1] == "," then
        -- "Seven civilians, including two children, were killed": the head,
        -- and the part after ("35 people, including fighters and
        -- civilians, had been killed": the head, and no part of a figure)
        for x = pb - 1, math_max(ca + 2, pb - 12), -1 do
          if w[x] == "including" and w[x - 1] == "," then
            local qa, qb = leftphrase(D, ca, x - 2)
            if qa and qb == x - 2 then includes, inclb, subj_a, subj_b = x, pb, qa, qb end
            break
          end
          if w[x] == "," or D.k[x] ~= "w" then break end
        end
      end
      -- coordinated names: "Mira Osk and Colonel Ivo Brand were both killed"
      if not figure(ctx, D, subj_a, subj_b) and subj_a - 2 >= ca and w[subj_a - 1] == "and"
        and nameword(D, subj_a) then
        local qa, qb = leftphrase(D, ca, subj_a - 2)
        if qa and qb == subj_a - 2 and nameword(D, qb) and not figure(ctx, D, qa, qb) then subj_a = qa end
      end
      -- coordinated figures: "30 commanders and 200 men", "30 commanders, 50 fighters and 200 men"
      local joined = false
      while subj_a - 2 >= ca and ((w[subj_a - 1] == "and" or w[subj_a - 1] == "or") and w[subj_a - 2] ~= ","
        or (w[subj_a - 1] == "," and joined)) do
        local qa, qb = leftphrase(D, ca, subj_a - 2)
        if qa and qb == subj_a - 2 and figure(ctx, D, qa, qb) and not things(D, qa, qb) then
          subj_a, joined = qa, true
        else
          break
        end
      end
      if form == "m" then
        -- movement: civilians with a figure only
        local civ = false
        for x = subj_a, subj_b do
          if M.civilian[w[x]] then civ = true end
        end
        if not civ or not figure(ctx, D, subj_a, subj_b) then return end
      end
    end
  end
  if form == "m" and (coord or active) then return end
  -- "by X" after a passive verb: the agent
  if not active and last + 1 <= cb and w[last + 1] == "by" then
    local e = last + 2
    while e <= cb and not rbound(D, e) do e = e + 1 end
    if e - 1 >= last + 2 then by_a, by_b = last + 2, e - 1 end
  end
  local prev = C.last
  if prev and prev._si ~= si then prev = nil end
  if coord then
    if not (prev and prev.kind == "casualty" and prev.e < D.ts[t]) then return end
    if prev._t == t - 2 and (w[t - 1] == "and" or w[t - 1] == "or") and COMBINED[prev.category] == cat then
      -- "200 killed and wounded": one figure of both, casualties
      prev.category, prev.e = "casualties", D.te[last]
      prev.text = string_sub(ctx.text, prev.s, prev.e)
      return
    end
    local r = record(C, "casualty", cat, si, t, last, t)
    if not r then return end
    r.quantity, r.value, r.min, r.max, r.vague = prev.quantity, prev.value, prev.min, prev.max, prev.vague
    r.subject, r.subject_side, r._how = prev.subject, prev.subject_side, "coordination"
    if neg then r.polarity = "deny" end
    out[1] = r
    return out
  end
  -- the figures of the subject: one claim per coordinated figure
  local groups = {}
  for x = subj_a, subj_b do
    local qx = D.qat[x]
    if qx and countable(ctx, D, qx) then groups[#groups + 1] = { q = qx, a = x } end
  end
  local figs = {}
  for i, gq in ipairs(groups) do
    local nxt = groups[i + 1]
    gq.b = subj_b
    if nxt then
      local y = nxt.a - 1
      if w[y] == "and" or w[y] == "or" or w[y] == "," then
        while y > gq.a and (w[y] == "and" or w[y] == "," or w[y] == "or") do y = y - 1 end
        gq.b = y
      else
        -- "17 of the 30 fighters": one figure
        figs[#figs + 1] = gq
        break
      end
    end
    figs[#figs + 1] = gq
  end
  if #figs == 0 then
    local z = zero(D, subj_a, subj_b)
    if not z and not people(D, subj_a, subj_b) then return end
    if not z and things(D, subj_a, subj_b) then return end
    figs[1] = { a = subj_a, b = subj_b, zero = z }
  end
  local sides = {}
  for i, fg in ipairs(figs) do
    local ra = #figs > 1 and subj_a or math_min(fg.a, subj_a)
    local r = record(C, "casualty", cat, si, active and (agent_a or t) or ra, active and subj_b or last, t)
    if not r then return end
    if fg.q then setfigure(C, r, fg.q)
    elseif fg.zero then zerofigure(C, r, fg.zero)
    else r.vague = true end
    local pa, pb = fg.a, fg.b
    if not fg.q then pa, pb = subj_a, subj_b end
    -- "our 145 soldiers": the possessive before the figure
    if pa > ca and POSSESSIVE[w[pa - 1]] then pa = pa - 1 end
    r.subject = D:text_of(pa, pb)
    local cs = r.claimant_side
    local side, how = sideof(C, pa, pb, cs, quoted, r._spk)
    if not side and how ~= "enemy" then
      -- the agent's other party
      local aa, ab = agent_a, agent_b
      if not active then aa, ab = by_a, by_b end
      if aa then
        local as = sideof(C, aa, ab, cs, quoted, r._spk)
        if as and as ~= "civilian" then
          -- "the rebels lost 40 fighters": the agent's own; "killed 40": the other's
          if form == "t" then side, how = as, "agent" else side, how = D:other(as), "agent" end
        end
      end
    end
    r._head = headnoun(D, pa, pb)
    -- "lost 200 men": losses of combatants, killed or wounded (of relatives: killed)
    if n == 1 and M.losses[w[t]] and r._head and M.combatants[r._head] then r.category = "casualties" end
    if not side and how ~= "enemy" and prev and prev.kind == "casualty" and prev.subject_side
      and (not r._head or r._head == prev._head or r._head == "others") then
      -- "600 had been taken prisoner", "dozens were wounded": the people of the claim before
      side, how = prev.subject_side, "previous"
    end
    if not side and how ~= "enemy" and (cat == "captured" or cat == "surrendered") and cs and D.sx.party[cs]
      and r._head and M.combatants[r._head] then
      -- "60 soldiers had surrendered", in a party's words: the other party's
      side, how = D:other(cs), "captive"
    end
    if not side and how ~= "enemy" and (cat == "killed" or cat == "wounded" or cat == "missing") and cs
      and D.sx.party[cs] and not active and not by_a and r._head and M.combatants[r._head] then
      -- "633 servicemen have died", in a party's words: its own (a party
      -- names the enemy's dead as the enemy's)
      side, how = cs, "own"
    end
    if side == "civilian" and how == "civilian" and includes and (r._head == "people" or r._head == "persons") then
      -- "35 people, including fighters and civilians": people of both kinds
      for x = includes + 1, inclb do
        if M.combatants[w[x]] then side, how = nil, "mixed" end
      end
    end
    r.subject_side, r._how = side, how
    if neg then r.polarity = "deny" end
    sides[i] = side
    out[#out + 1] = r
  end
  -- coordinated figures share a side ("30 resistance commanders and 200 men")
  local known
  for i = 1, #out do known = known or sides[i] end
  if known then
    for _, r in ipairs(out) do
      if not r.subject_side then r.subject_side, r._how = known, "coordination" end
    end
  end
  if includes and out[1] then
    local r = partof(C, si, includes, out[1])
    if r then out[#out + 1] = r end
  end
  return out
end

-- ------------------------------------------------------------ control claims

-- Place phrases in tokens a..b: list of {a, b, extent}. A place is a
-- capitalised name that is no side ("Panjshir", "Bazarak district"), or a
-- definite place word ("the province", "the whole province"); the extent
-- is read from the words before it ("60% of", "most of", "the eastern
-- districts of", "all ... except A and B", "every entrance to").
local function places(C, a, b)
  local D, ctx = C.D, C.ctx
  local w = D.w
  local out = {}
  local x = a
  local ext = {}
  local named = false
  local function extent()
    if #ext == 0 then return nil end
    local e = table_concat(ext, " ")
    ext = {}
    return e
  end
  local sidx, nw = D.sx.idx, D.nw
  while x <= b do
    local wx = w[x]
    local qi = D.qat[x]
    local sl = sidx[wx] and at(w, x, b, sidx)
    if sl then
      x = x + sl
    elseif qi and (ctx.quantities[qi].unit == "percent") then
      ext = { ctx.quantities[qi].text }
      x = D.qlast[qi] + 1
    elseif wx == "except" then
      -- "all districts ... except A and B": the exception list is the extent
      local e = x + 1
      while e <= b and (nameword(D, e) or w[e] == "," or w[e] == "and" or M.placewords[w[e]]) do e = e + 1 end
      local te = e - 1
      while te > x and (w[te] == "," or w[te] == "and") do te = te - 1 end
      if te > x then
        local ex = "all except " .. D:text_of(x + 1, te)
        if #out > 0 then
          for _, p in ipairs(out) do p.extent = ex end
        else
          out[#out + 1] = { extent = ex, noplace = true }
        end
        -- the excepted places are no places of the claim
        return out
      end
      x = x + 1
    elseif (wx == "all" or wx == "every" or wx == "each" or wx == "most" or wx == "much" or wx == "half"
      or wx == "part" or wx == "parts" or wx == "majority") and not nameword(D, x) then
      if wx == "most" or wx == "much" or wx == "majority" then ext = { "most" }
      elseif wx == "half" or wx == "part" or wx == "parts" then ext = { wx }
      elseif (wx == "all" or wx == "every") and w[x + 1] ~= "of" and w[x + 1] ~= "the"
        and D.k[x + 1] == "w" and not nameword(D, x + 1) then
        ext = { wx .. " " .. w[x + 1] }
        x = x + 1
      else ext = {} end
      x = x + 1
    elseif M.extents[wx] and not nameword(D, x) and (w[x + 1] == "of" or w[x + 1] == "to" or M.extents[w[x + 1]]
      or (x == b) or w[x + 1] == "and") then
      ext[#ext + 1] = M.extents[wx]
      x = x + 1
    elseif (wx == "the" or wx == "its" or wx == "their" or wx == "our") and x < b then
      -- "the province", "the whole province", "the provincial capital"
      local y = x + 1
      while y < b and y <= x + 2 and D.k[y] == "w" and not M.placewords[w[y]] and not nameword(D, y)
        and not M.extents[w[y]] do y = y + 1 end
      local pw = w[y]
      if M.placewords[pw] and not M.extents[pw] and y < b and M.extents[w[y + 1]] and #ext == 0
        and (w[y + 2] == nil or y + 1 == b or w[y + 2] == "and" or w[y + 2] == "," or w[y + 2] == "of") then
        -- "the town centre", "the town hall": a part of the town
        ext = { pw .. " " .. (M.extents[w[y + 1]] == "town hall" and "hall" or M.extents[w[y + 1]]) }
        out[#out + 1] = { a = x, b = y, extent = extent(), definite = true }
        x = y + 2
      elseif M.placewords[pw] and not M.extents[pw] and y <= b then
        local e = y
        if e < b and w[e + 1] == "of" then
          -- "the town of Ostreva", "the capital of X": the name after
          x = e + 2
        elseif wx == "its" or (#out > 0 and (w[x - 1] == "," or w[x - 1] == "including")) then
          -- "Panjshir, its capital included", "Bazarak, the provincial capital"
          x = e + 1
          if x <= b and nameword(D, x) then
            local nm = docnames(D, x, b, true)[1]
            if nm and nm[1] == x then x = nm[2] + 1 end
          end
        else
          local plural = string_sub(pw, -1) == "s" and string_sub(pw, -2) ~= "ss"
          local ex = extent()
          if not plural or ex then out[#out + 1] = { a = x, b = e, extent = ex, definite = true } end
          x = e + 1
        end
      elseif M.extents[pw] then
        x = x + 1
      else
        x = x + 1
      end
    elseif nw[x] == true then -- (nameword, inline)
      local l = sl -- nil: no side phrase starts here
      if l then
        x = x + l
      else
        local nm = docnames(D, x, b, true)[1]
        local pre = w[x - 1]
        if nm and nm[1] == x and #ext == 0 and x > a and (pre == "to" or pre == "from" or pre == "near"
          or pre == "towards" or pre == "toward") then
          x = nm[2] + 1
        elseif nm and nm[1] == x then
          local e = nm[2]
          if e < b and M.placewords[w[e + 1]] then e = e + 1 end
          out[#out + 1] = { a = x, b = e, extent = extent() }
          named = true
          x = e + 1
          -- "Bazarak, the capital of Panjsher province": an apposition, no other place
          if w[x] == "," and w[x + 1] == "the" then
            local y = x + 2
            while y <= b and y <= x + 4 and not M.placewords[w[y]] do y = y + 1 end
            if y <= b and M.placewords[w[y]] then
              x = y + 1
              while x <= b and w[x] ~= "," and w[x] ~= "and" do x = x + 1 end
            end
          end
        else
          x = x + 1
        end
      end
    else
      x = x + 1 -- no side phrase starts here (sl)
    end
  end
  if named then
    local keep = {}
    for _, p in ipairs(out) do
      if not (p.definite and not p.extent) then keep[#keep + 1] = p end
    end
    out = keep
  end
  return out
end

-- The side holding, from a holder phrase (tokens a..b): a side it names;
-- "we", "our" the claimant's; "it", "they", "the group", "its fighters" the
-- speaker's in reported speech (the other party's in a quotation, for
-- "they" and "their"), else the side last named.
local function holderof(C, a, b, cs, quoted, spk)
  local D = C.D
  if not a or a > b then return nil end
  local w = D.w
  for x = a, b do
    local wx = w[x]
    if wx == "we" or wx == "our" or wx == "us" then return cs end
  end
  local side = sideof(C, a, b, cs, quoted, spk)
  if side and side ~= "civilian" then return side end
  local wa = w[a]
  if wa == "it" or wa == "they" or wa == "their" or wa == "its" or wa == "his" or wa == "the" then
    if wa == "the" and not (M.people[w[a + 1]] or w[a + 1] == "group" or w[a + 1] == "movement"
      or w[a + 1] == "organisation" or w[a + 1] == "organization") then
      return nil
    end
    if quoted and (wa == "they" or wa == "their") then return D:other(cs) end
    if spk and cs then return cs end
    return D:lastside(a)
  end
  return nil
end

-- A control claim at trigger token t (length n) of sentence si.
local function control(C, si, t, n, action, form)
  local D = C.D
  local w = D.w
  local ca, cb = clause(D, si, t)
  local _, fr = cue.attribute(D, si, t)
  if fr and fr.sa and fr.sa <= t and fr.sa > ca then ca = fr.sa end
  local last = t + n - 1
  local g = groupstart(D, ca, t)
  if not factual(D, ca, g, t) then return end
  for x = g + 1, t - 1 do
    if w[x] == "not" or w[x] == "n't" or w[x] == "never" then return end
  end
  if w[t] == "control" and t > ca and (M.bounds[w[t - 1]] == nil and (w[t - 1] == "full" or w[t - 1] == "the"
    or w[t - 1] == "under" or w[t - 1] == "in" or w[t - 1] == "took" or w[t - 1] == "taken"
    or D.k[t - 1] == "$" or w[t - 1] == "its" or w[t - 1] == "their" or sidephrase(D, t - 1, t - 1))) then
    return
  end
  if (w[t] == "took" or w[t] == "taken") and (w[last + 1] == "up" or w[last + 1] == "part"
    or w[last + 1] == "place") then return end
  if w[t] == "cleared" and w[last + 1] == "of" and not nameword(D, last + 2) and w[last + 2] ~= "the" then return end
  if form == "under" and n == 1 then
    -- "under X control", "under its control": control must follow
    local y = t + 1
    while y <= math_min(cb, t + 5) and w[y] ~= "control" do y = y + 1 end
    if w[y] ~= "control" then return end
    last = y
  end
  local quoted = D.qid[t] and D:quote(D.qid[t]).speech
  local passive = false
  for x = g + 1, t - 1 do
    if M.be[w[x]] then passive = true end
  end
  -- the phrase on the right: up to a clause boundary
  local ra = last + 1
  while ra <= cb and (w[ra] == "completely" or w[ra] == "fully" or adverb(D, ra)) do ra = ra + 1 end
  local rb = ra
  while rb <= cb do
    local wr = w[rb]
    if wr == "." or wr == ";" or wr == ":" or wr == "-" or (D.k[rb] == "q" and lbound(D, rb)) then break end
    if wr == "," and not ((nameword(D, rb + 1) and not sidephrase(D, rb + 1, cb)) or w[rb + 1] == "its"
      or w[rb + 1] == "including" or w[rb + 1] == "except"
      or (w[rb + 1] == "the" and (M.placewords[w[rb + 2]] or M.placewords[w[rb + 3]]))) then break end
    if D.k[rb] == "w" and M.rbounds[wr] and wr ~= "and" and wr ~= "of" and wr ~= "to" and wr ~= "including"
      and wr ~= "over" and wr ~= "except" then break end
    if M.placeafter[wr] then break end
    if D.timeof[rb] then break end
    rb = rb + 1
  end
  rb = rb - 1
  local holder_a, holder_b, place_a, place_b
  local lpa, lpb, lha = leftphrase(D, ca, g, true)
  if form == "passive" and not passive and ra <= rb and w[t] ~= "overrun" and w[ra] ~= "except"
    and w[ra] ~= "by" and w[ra] ~= "to" then form = "active" end
  if form == "flag" then
    -- the place after "at", "over", "on", "in"
    ra = last + 1
    while ra <= cb and not (w[ra] == "at" or w[ra] == "over" or w[ra] == "on" or w[ra] == "in"
      or w[ra] == "above") do ra = ra + 1 end
    rb = ra
    while rb + 1 <= cb and w[rb + 1] ~= "." and w[rb + 1] ~= ";" and w[rb + 1] ~= "," do rb = rb + 1 end
    ra = ra + 1
  end
  if form == "active" and (passive or ra > rb) then
    form = (w[t] == "held" or w[t] == "controlled" or w[t] == "hold" or w[t] == "holds") and "holdp" or "passive"
    if not passive and (w[t] == "hold" or w[t] == "holds" or w[t] == "held") and lpa and w[lpa - 1] == "which" then
      form = "relative"
    end
  end
  if form == "active" or form == "of" or form == "over" then
    holder_a, holder_b = lpa, lpb
    place_a, place_b = ra, rb
  elseif form == "lost" then
    -- "the rebels lost (control of) Kell": the other party of the loser took it
    place_a, place_b = ra, rb
    holder_a, holder_b = lpa, lpb
  elseif form == "relative" then
    -- "the Kamenar Pass, which the Front continued to hold"
    holder_a, holder_b = lpa, lpb
    local j = lpa - 2
    if j >= ca and w[j] == "," then j = j - 1 end
    place_a, place_b = leftphrase(D, ca, j, true)
  elseif form == "passive" or form == "fell" or form == "holdp" then
    place_a, place_b = lpa, lpb
    local y = ra
    while y <= cb and D.timeof[y] do y = y + 1 end
    if y <= cb and (w[y] == "by" or w[y] == "to") then
      local e = y + 1
      while e <= cb and not rbound(D, e) do e = e + 1 end
      holder_a, holder_b = y + 1, e - 1
    end
  elseif form == "under" then
    place_a, place_b = lpa, lpb
    if n > 1 then
      holder_a = last + 1
      holder_b = holder_a
      while holder_b + 1 <= cb and not rbound(D, holder_b + 1) do holder_b = holder_b + 1 end
    else
      holder_a, holder_b = t + 1, last - 1
    end
  elseif form == "hands" or form == "ours" then
    place_a, place_b = lpa, lpb
    if form == "hands" then holder_a, holder_b = t + 1, t + 1 end
  elseif form == "flag" then
    -- "the Taliban flag at the governor's office in Bazarak"
    local sx = D:sidein(math_max(ca, t - 3), t - 1)
    if not sx then return end
    holder_a, holder_b = math_max(ca, t - 3), t - 1
    place_a, place_b = ra, rb
  end
  if not place_a or place_a > place_b then return end
  local pl = places(C, place_a, place_b)
  if #pl == 0 and lha and place_a == lpa then
    place_a = lha
    pl = places(C, place_a, place_b)
  end
  -- "all districts except A and B had been taken": the exception after the verb
  if #pl > 0 then
    for x = last + 1, cb do
      if w[x] == "except" then
        local more = places(C, x, cb)
        if more[1] and more[1].extent then
          for _, p in ipairs(pl) do p.extent = more[1].extent end
        end
        break
      end
    end
  end
  if #pl == 0 then return end
  local a0 = math_min(holder_a or place_a, place_a, t)
  local b0 = math_max(last, place_b, holder_b or last)
  local r0 = record(C, "control", action, si, a0, b0, t)
  if not r0 or r0.polarity == "deny" then return end
  local cs = r0.claimant_side
  local holder
  if form == "lost" then
    local loser = holder_a and holderof(C, holder_a, holder_b, cs, quoted, r0._spk)
    holder = loser and D:other(loser)
    if not holder then return end
  elseif form == "hands" then
    local wx = w[t + 1]
    if wx == "our" then holder = cs
    elseif wx == "their" then holder = quoted and D:other(cs) or cs
    else holder = holderof(C, t + 1, t + 1, cs, quoted, r0._spk) end
  elseif form == "ours" then
    holder = cs
  elseif holder_a and holder_b and holder_a <= holder_b then
    if form == "under" and (w[holder_a] == "its" or w[holder_a] == "their") then
      holder = (r0._spk and cs) or D:lastside(holder_a)
    elseif form == "under" and (w[holder_a] == "the" and w[holder_a + 1] == "lawful") then
      holder = cs
    else
      holder = holderof(C, holder_a, holder_b, cs, quoted, r0._spk)
    end
  end
  if not holder and (form == "passive" or form == "fell" or form == "under" or form == "holdp"
    or ((form == "active" or form == "of") and not holder_a)) then
    if r0._spk and cs and D.sx.party[cs] then holder = cs end
  end
  local out = {}
  for _, p in ipairs(pl) do
    -- (a copy made at its size, as record() makes r0)
    local r = { kind = nil, category = nil, s = nil, e = nil, text = nil, polarity = nil, hedged = nil,
      claimant = nil, claimant_s = nil, claimant_e = nil, claimant_side = nil, cue = nil, _spk = nil,
      _frame = nil, _si = nil, _t = nil, action = nil, extent = nil, holder_side = nil, place = nil,
      place_s = nil, place_e = nil, time = nil }
    for k, v in pairs(r0) do r[k] = v end
    r.action, r.extent, r.holder_side = action, p.extent, holder
    if not p.noplace then r.place, r.place_s, r.place_e = D:text_of(p.a, p.b), D.ts[p.a], D.te[p.b] end
    r.time = timein(C, si, ca, cb, t)
    out[#out + 1] = r
  end
  return out
end

-- ------------------------------------------------------------ events

local function event(C, si, t, n, kind)
  local D = C.D
  if not D.stimes[si] then return end
  local w, sa, sb = D.w, D.sa[si], D.sb[si]
  -- a title ("2021 offensive") states no event
  if sb - sa < 5 and w[sb] ~= "." then return end
  if (w[t] == "took" or w[t] == "taken") and (w[t + n] == "up" or w[t + n] == "part" or w[t + n] == "place") then
    return
  end
  -- "yields have fallen by 5 percent": a figure falls, no town
  if (w[t] == "fell" or w[t] == "fallen") then
    if w[t + 1] == "by" or w[t + 1] == "below" or w[t + 1] == "sharply" then return end
    for x = t + 1, math_min(sb, t + 3) do
      if D.qof[x] then return end
    end
  end
  local ca, cb = clause(D, si, t)
  local g = groupstart(D, ca, t)
  if not factual(D, ca, g, t) then
    -- "failed to conquer" is an attack: the intent words are the pattern's own
    if not (kind == "attack" and n > 1) then return end
  end
  for x = g + 1, t - 1 do
    if w[x] == "not" or w[x] == "n't" or w[x] == "never" then return end
  end
  if t > ca and (w[t - 1] == "no" or w[t - 1] == "any") then return end
  local ti = timein(C, si, ca, cb, t, true)
  if not ti then return end
  local tm = C.ctx.times[ti]
  if tm.kind == "duration" then return end
  local last = t + n - 1
  local timeof = D.timeof
  local ta -- the first token of the time in the clause
  for x = ca, cb do
    if timeof[x] == ti then
      ta = x
      break
    end
  end
  local a = math_min(t, ta or t)
  local b = last
  for x = cb, last, -1 do
    if timeof[x] == ti then
      b = x
      break
    end
  end
  -- the subject before the event word
  local j = g
  local b0 = j
  while b0 >= ca and not lbound(D, b0) do b0 = b0 - 1 end
  if b0 + 1 <= j and b0 + 1 < a then a = b0 + 1 end
  local r = record(C, "event", kind, si, a, b, t)
  if not r then return end
  r.time = ti
  local pa, pb
  -- the object of the event verb ("took Bazarak", "shelled the market of X")
  local y = last + 1
  if w[y] == "the" then y = y + 1 end
  if y <= cb and nameword(D, y) and not sidephrase(D, y, cb) then
    local nm = docnames(D, y, cb, true)[1]
    if nm and nm[1] == y then
      pa, pb = y, nm[2]
      if pb < cb and M.placewords[w[pb + 1]] then pb = pb + 1 end
    end
  end
  if not pa and (w[t] == "fell" or w[t] == "fallen" or M.be[w[t - 1]]) then
    -- "Kell fell to the rebels", "Kell was captured": the subject is the place
    local la, lb = leftphrase(D, ca, g)
    if la then
      for _, nm in ipairs(docnames(D, la, lb)) do
        if not sidephrase(D, nm[1], nm[2]) then
          pa, pb = nm[1], nm[2]
          if pb < lb and M.placewords[w[pb + 1]] then pb = pb + 1 end
          break
        end
      end
    end
  end
  if not pa then pa, pb = placein(D, math_min(t, a), cb) end
  if not pa then
    local pl = places(C, last + 1, cb)
    if pl[1] then pa, pb = pl[1].a, pl[1].b end
  end
  if pa then r.place, r.place_s, r.place_e = D:text_of(pa, pb), D.ts[pa], D.te[pb] end
  return { r }
end

-- ------------------------------------------------------------ measures

local function measures(C)
  local D, ctx = C.D, C.ctx
  local w = D.w
  local out = {}
  local qs = ctx.quantities
  for qi = 1, #qs do
    local q0 = qs[qi]
    local x = D.qfirst[qi]
    local nx = x and w[D.qlast[qi] + 1]
    -- the sentence is looked up only for what may be a measure below: a
    -- distance, an area, a population
    local unit = q0.unit
    local maybe = x and not q0.vague
    if maybe then
      if unit then
        maybe = unit ~= "percent" and unit ~= "pp" and (unit == "ha" or unit == "km2" or unit == "mi2"
          or unit == "acre" or (q0.base and q0.base.unit or unit) == "km")
      else
        maybe = not q0.ordinal and (nx == "inhabitants" or nx == "residents" or w[x - 2] == "population"
          or w[x - 2] == "home")
      end
    end
    local si = maybe and D:sentof(x)
    local first, last = si and D.sa[si], si and D.sb[si]
    if first then
      local q = ctx.quantities[qi]
      local qe = D.qlast[qi]
      local what
      local dim = q.unit and (q.base and q.base.unit or q.unit)
      if q.unit and (dim == "km") then
        -- a distance: "90 miles north of Kabul", "120 km from Kabul"
        local y = qe + 1
        if q.alt then
          while y <= last and w[y] ~= ")" do y = y + 1 end
          y = y + 1
        end
        if y <= last and M.directions[w[y]] then
          what = "distance"
          for z = math_max(first, x - 4), x - 1 do
            if w[z] == "altitude" or w[z] == "elevation" then what = "altitude" end
          end
        else
          for z = math_max(first, x - 4), x - 1 do
            if w[z] == "altitude" or w[z] == "elevation" then what = "altitude" end
          end
        end
      elseif q.unit == "ha" or q.unit == "km2" or q.unit == "mi2" or q.unit == "acre" then
        what = "area"
      elseif not q.unit and not q.vague and not q.ordinal then
        if nx == "inhabitants" or (nx == "residents" and w[x - 1] ~= "of") then what = "population" end
        if w[x - 1] == "of" and w[x - 2] == "population" then what = "population" end
        if w[x - 1] == "to" and w[x - 2] == "home" and (nx == "people" or nx == "inhabitants") then
          what = "population"
        end
        if w[x - 2] == "population" and (w[x - 1] == "is" or w[x - 1] == "was") then what = "population" end
      end
      if what then
        local r = record(C, "measure", what, si, x, qe, x)
        if r then
          setfigure(C, r, qi)
          -- the subject: the sentence's first name, else "the town"
          local nm = docnames(D, first, x - 1, true)[1]
          if nm then r.subject = D:text_of(nm[1], nm[2]) end
          if what == "distance" then
            local pa = nil
            local y = qe + 1
            while y <= last and not (nameword(D, y) and not sidephrase(D, y, last)) and w[y] ~= "." do y = y + 1 end
            if y <= last and nameword(D, y) then pa = docnames(D, y, last, true)[1] end
            if pa then r.place, r.place_s, r.place_e = D:text_of(pa[1], pa[2]), D.ts[pa[1]], D.te[pa[2]] end
          elseif nm then
            r.place, r.place_s, r.place_e = r.subject, D.ts[nm[1]], D.te[nm[2]]
          end
          out[#out + 1] = r
        end
      end
    end
  end
  return out
end

-- ------------------------------------------------------------ scan

-- Fill what the claims of a document leave open from one another: a
-- subject of no side takes the side the same noun had before in the
-- document, or that of the same figure restated.
local function fill(claims)
  local memory = {}
  for ri = 1, #claims do
    local r = claims[ri]
    if r.kind == "casualty" then
      if not r.subject_side and r._head and memory[r._head] then
        r.subject_side, r._how = memory[r._head], "memory"
      end
      if r.subject_side and r._head and r.subject_side ~= "civilian" then memory[r._head] = r.subject_side end
    end
  end
  -- a bare figure after a claim of the same sentence now known ("30 soldiers
  -- were killed and 12 were taken prisoner")
  local last
  for ri = 1, #claims do
    local r = claims[ri]
    if r.kind == "casualty" then
      if not r.subject_side and not r._head and last and last._si == r._si and last.subject_side then
        r.subject_side, r._how = last.subject_side, "previous"
      end
      last = r
    end
  end
  for ri = 1, #claims do
    local r = claims[ri]
    if r.kind == "casualty" and not r.subject_side and r.value then
      for oi = 1, #claims do
        local o = claims[oi]
        if o ~= r and o.kind == "casualty" and o.subject_side and o.value == r.value and o.category == r.category then
          r.subject_side, r._how = o.subject_side, "restated"
          break
        end
      end
    end
  end
end

-- Hedges: words in the claim's clause, and unverified sentences.
local function hedge(C, claims)
  local D, ctx = C.D, C.ctx
  if ctx.doc and ctx.doc.kind == "statement" then return end
  local unver = {}
  -- the first unverified phrase of each sentence ending in a hot token (the
  -- hot tokens in one walk: the sentence is looked up for a last word only)
  local sa, sb, hot, w, lastword = D.sa, D.sb, D.hot, D.w, X.last
  local done
  for hi = 1, #hot do
    local t = hot[hi]
    local si = lastword[w[t]] and D:sentof(t)
    local x = si and si ~= done and find(D, X.unverified, math_max(sa[si], t - 6), t)
    if x then
      done = si
      -- "could not be verified", "could not verify the photos": a claim
      -- already made; "cannot confirm higher estimates" names another figure
      local last = sb[si]
      local n = at(w, x, last, X.unverified)
      local nx = w[x + n]
      if w[x + n - 2] == "be" or w[x + n - 2] == "been" or M.refers[nx] or x + n > last or nx == "." then
        unver[si] = true
      end
    end
  end
  local bysent = {}
  for ri = 1, #claims do
    local r = claims[ri]
    bysent[r._si] = true
  end
  for ri = 1, #claims do
    local r = claims[ri]
    local ca, cb = clause(D, r._si, r._t)
    -- hedge words from just before the claim to just after its verb
    local from = r._t
    while from > ca and D.ts[from] > r.s do from = from - 1 end
    if hedgedin(D, math_max(ca, from - 3), math_min(cb, r._t + 2)) then r.hedged = true end
    if unver[r._si] then r.hedged = true end
    if unver[r._si + 1] and not bysent[r._si + 1] then r.hedged = true end
  end
end

local function add(list, rs, C)
  if not rs then return end
  for ri = 1, #rs do
    local r = rs[ri]
    list[#list + 1] = r
    if r.kind == "casualty" then C.last = r end
  end
end

-- scan(ctx) -- the claims of one document, in text order (README).
function M.scan(ctx)
  if type(ctx) ~= "table" or type(ctx.text) ~= "string" then
    error("bad argument #1 to 'scan' (context table expected, got " .. type(ctx) .. ")", 2)
  end
  ctx.quantities = ctx.quantities or {}
  ctx.times = ctx.times or {}
  local D = cue.analyse(ctx)
  local C = { D = D, ctx = ctx }
  local claims = {}
  local w = D.w
  local sa, sb, hf, hl, hot = D.sa, D.sb, D.hf, D.hl, D.hot
  -- how far past a token inname() may find a name ending (none when no name
  -- is longer than its window): the pattern words the tokenizer passed over
  -- ("in" before no "control") may lie in such a name
  local reach = D.sx.maxn - 5
  local XC, XN, XE = X.casualty, X.control, X.events
  for si = 1, D.ns do
    C.last = nil
    if hl[si] < hf[si] then goto nextsentence end
    local first, last = sa[si], sb[si]
    -- a phrase of a table is not read again inside a longer one of the same table
    local cas, con, evt = 0, 0, 0
    local lastevent
    for hi = hf[si], hl[si] do
      local t = hot[hi]
      local wt = w[t]
      -- a word of a side's or an organisation's name ("Liberation Front") starts nothing
      if XC[wt] or XN[wt] or XE[wt] then
        for u = t - reach < first and first or t - reach, t - 1 do
          local wu = w[u]
          if XC[wu] or XN[wu] or XE[wu] then
            local e = inname(D, u, first)
            if e then cas, con, evt = math_max(cas, e), math_max(con, e), math_max(evt, e) end
          end
        end
        local e = inname(D, t, first)
        if e then cas, con, evt = math_max(cas, e), math_max(con, e), math_max(evt, e) end
      end
      local people_taken
      if XC[wt] and t > cas then
        local n, v = at(w, t, last, XC)
        if n then
          local rs = casualty(C, si, t, n, v[1], v[2])
          add(claims, rs, C)
          cas = t + n - 1
          people_taken = rs and #rs > 0 and v[1] == "captured"
        end
      end
      if XN[wt] and t > con then
        local n, v = at(w, t, last, XN)
        if n then
          add(claims, control(C, si, t, n, v[1], v[2]), C)
          con = t + n - 1
        end
      end
      if XE[wt] and t > evt then
        local n, v = at(w, t, last, XE)
        -- people captured are no capture of a place
        if n and not (people_taken and v == "capture") then
          local rs = event(C, si, t, n, v)
          -- "entered the town on Monday and took control of it": one event
          local prev = rs and lastevent
          if prev and prev._si == si and prev.category == rs[1].category and prev.time == rs[1].time then rs = nil end
          if rs then lastevent = rs[1] end
          add(claims, rs, C)
          evt = t + n - 1
        end
      end
      if (wt == "including" or wt == "among" or (wt == "whom" and w[t - 1] == "of")) and C.last
        and C.last._si == si then
        local r = partof(C, si, wt == "whom" and t - 1 or t, C.last)
        if r then claims[#claims + 1] = r end
      end
    end
    ::nextsentence::
  end
  add(claims, measures(C), C)
  for ri = 1, #claims do
    local r = claims[ri]
    if r.kind == "casualty" and not r.time then
      local ca, cb = clause(D, r._si, r._t)
      r.time = timein(C, r._si, ca, cb, r._t)
    end
  end
  fill(claims)
  -- one figure read twice for one category ("losses of about 200 killed and
  -- wounded"): one claim, the first
  local seen, nk = {}, 0
  for ri = 1, #claims do
    local r = claims[ri]
    local q = r.kind == "casualty" and r.quantity -- (its index in ctx.quantities)
    local key = q and (r.category .. "\0" .. q .. "\0" .. r._si)
    if key and seen[key] then
      r = nil
    elseif key then
      seen[key] = true
    end
    if r then
      nk = nk + 1
      claims[nk] = r
    end
  end
  for ri = #claims, nk + 1, -1 do claims[ri] = nil end
  hedge(C, claims)
  table_sort(claims, function(a, b)
    if a.s ~= b.s then return a.s < b.s end
    return a.e < b.e
  end)
  for ri = 1, #claims do
    local r = claims[ri]
    r._spk, r._frame, r._si, r._t, r._head, r._how = nil, nil, nil, nil, nil, nil
  end
  return claims
end

-- extend{casualty = {...}, control = {...}, events = {...}, ...} -- add
-- phrases to the pattern tables and recompile.
function M.extend(t)
  if type(t) ~= "table" then error("bad argument #1 to 'extend' (table expected, got " .. type(t) .. ")", 2) end
  for name, entries in pairs(t) do
    local target = M[name]
    if type(target) ~= "table" then error("bad argument #1 to 'extend' (unknown table '" .. name .. "')", 2) end
    if #target > 0 then
      for _, v in ipairs(entries) do target[#target + 1] = v end
    else
      for kk, v in pairs(entries) do target[kk] = v end
    end
  end
  M.compile()
end

M.compile()
return M
