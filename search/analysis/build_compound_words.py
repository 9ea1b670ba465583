"""Derive ``compound_words.txt``, the decompounding dictionary, from wdutch.

Run by hand from the repository's root after changing the seed lists below, then
commit the result::

    python -m search.analysis.build_compound_words            # writes compound_words.txt
    python -m search.analysis.build_compound_words --report   # also explains what it chose

Nothing reads this script at run time: Elasticsearch receives the generated list
inline as the ``word_list`` of its ``dictionary_decompounder`` filter, and the
database backend splits query words in Python against the same file
(``search.analysis.split_compound``).

Where the words come from
-------------------------
* ``/usr/share/dict/dutch`` from the Debian package ``wdutch`` (the OpenTaal word
  list, ~413k entries including inflected forms). Only lowercase, purely
  alphabetic entries are used; proper nouns and abbreviations are dropped.
* ``SEED_WORDS`` below: the field's vocabulary, kept by hand — the words of the
  2018 study on collaboration around complex divorces and of the professions
  around it (youth care, family law, municipalities). They are always included,
  whether wdutch knows them or not (``opvoedpoli``, ``vfas`` ...).
* Derived words: every wdutch compound that contains an *anchor* (a seed that is
  specific to the domain, e.g. ``scheiding``, ``ouderschap``, ``jeugd``) is split
  into wdutch words (see ``Segmenter``); the other parts of those splits are the
  vocabulary that actually combines with the domain's words
  (``echtscheidings|procedure``, ``jeugd|hulpverlening``, ``gezins|voogd``).
  A part is kept when it is at least ``MIN_DERIVED_LENGTH`` letters long, occurs
  in at least ``MIN_DOMAIN_COMPOUNDS`` different domain compounds built on at
  least ``MIN_DISTINCT_ANCHORS`` different anchors, is not in ``BLOCKED``, and
  passes the noise test below. The most productive ones are kept
  up to ``MAX_WORDS`` in total.
* Irregular plurals of the kept words (``advocaat`` -> ``advocaten``): a
  decompounder matches substrings, so ``gesprek`` already matches inside
  ``kindgesprekken`` but ``advocaat`` does not match inside
  ``familierechtadvocaten``.

Why the noise test
------------------
Elasticsearch's ``dictionary_decompounder`` emits *every* dictionary word found
anywhere inside a token, not only at the real boundaries of a compound. A short
word that mostly occurs inside unrelated words (``echt`` in ``rechter``,
``ring`` in ``regering``, ``rijk`` in ``belangrijk``, ``stand`` in ``afstand``)
would attach its meaning to all of them and make search worse. For every
candidate the script therefore counts, over all of wdutch, how often it occurs
at the start of a word or at the start of a part of the word's own compound
split (good) versus somewhere in the middle of a part (noise), and drops
derived candidates whose share of good occurrences is below
``MIN_BOUNDARY_PRECISION``. Seeds are not dropped by this test, but
``--report`` prints the seeds that fail it so an editor can reconsider them.

wdutch has no word frequencies, so the test cannot see that ``belang`` hides in
the very frequent ``belangrijk``. Such words were found once by running the
decompounder over the study's prose and are kept in ``BLOCKED`` by hand; the
script itself reads nothing but wdutch.

All words are written lowercase with diacritics folded (``coördinatie`` ->
``coordinatie``) because the index analyzer runs ``asciifolding`` before the
decompounder, and the file has no comments because Elasticsearch's inline
``word_list`` cannot carry them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from .compounds import (
    COMPOUND_WORDS_FILE,
    LINKER_COST,
    MAX_SUBWORD_SIZE,
    MIN_SUBWORD_SIZE,
    base_form_candidates,
    segment,
)
from .text import fold

WDUTCH = Path("/usr/share/dict/dutch")
OUTPUT = COMPOUND_WORDS_FILE

# The decompounder's min_subword_size and max_subword_size: words outside that range would never match.
MIN_WORD_LENGTH = MIN_SUBWORD_SIZE
MAX_WORD_LENGTH = MAX_SUBWORD_SIZE
# Short derived words are where the noise lives; a four-letter word is only in
# the list when a human put it in SEED_WORDS.
MIN_DERIVED_LENGTH = 5
MIN_DOMAIN_COMPOUNDS = 3
MIN_DISTINCT_ANCHORS = 2
MIN_BOUNDARY_PRECISION = 0.6
MAX_WORDS = 3000
# The inline list travels in every index creation request.
MAX_BYTES = 60_000

# Endings that leave a word's meaning alone: plural, adjective, diminutive.
INFLECTIONS = frozenset(
    ("", "s", "e", "n", "en", "er", "eren", "je", "jes", "tje", "tjes", "etje", "etjes", "pje", "pjes")
)

# Seeds, grouped by topic. Words marked with a trailing "*" are anchors: compounds
# of wdutch that contain them define the domain vocabulary (see the docstring).
# A derived word must combine with at least MIN_DISTINCT_ANCHORS different
# anchors, so that a general anchor alone cannot pull in its own world
# ("voetbal" from "voetbaltraining", "hotel" from "budgethotel").
# Add a word here (lowercase, diacritics allowed) and re-run the script.
SEED_WORDS = """
# scheiding en conflict
scheiding* echtscheiding* vechtscheiding* scheidingsproces scheidingssituatie
vecht conflict* strijd ruzie escalatie* escalatieladder problematiek
huwelijk* relatie boedel boedelscheiding convenant alimentatie*
kinderalimentatie partneralimentatie omgang* omgangsregeling zorgregeling
gezag* voogdij* ouderschap* ouderschapsplan loyaliteit loyaliteitsconflict
oudervervreemding ouderverstoting verstoting vervreemding contactverlies
# gezin en kind
ouder* kind* kinderen jeugd* jeugdige jongere jongeren gezin* familie
vader moeder opvoeding* opvoeder opvoedpoli pleegzorg pleeggezin
welzijn ontwikkeling veiligheid geweld* mishandeling kindermishandeling
huiselijk verwaarlozing trauma stress verlies
# hulp* en zorg*
hulp hulpverlening* hulpverlener hulpaanbod zorg jeugdzorg* jeugdhulp*
zorgaanbieder aanbieder aanbod behandeling* therapie* begeleiding* coaching
coach training* cursus groep groepstraining consulent jeugdconsulent
maatschappelijk welzijnswerk werker  wijkteam* buurt* buurtteam teamleider
kernteam jeugdteam sociaal huisarts* jeugdarts praktijk psycholoog psychiater
orthopedagoog pedagoog therapeut begeleider verpleegkundige specialist
ggz school* leerkracht docent onderwijs* leerling mentor zorgcoordinator
screening* diagnose diagnostiek indicatie instrument meetinstrument methode
methodiek interventie* aanpak programma traject plan zorgplan veiligheidsplan
signaal signalering* vroegsignalering melding meldcode verwijzing
doorverwijzing toegang wachtlijst preventie* voorlichting* educatie
informatie* bijeenkomst informatiebijeenkomst informatieavond gesprek*
gespreksvoering overleg* casusoverleg casus* casuistiek consultatie advies*
expertise kennis deskundigheid deskundige professional medewerker
# recht*
recht rechter* rechtbank* rechtspraak* familierecht* familierechter jeugdrecht
advocaat* advocatuur jurist juridisch notaris mediator* mediation* bemiddeling*
bemiddelaar* scheidingsbemiddelaar scheidingsmediator procedure* proces 
zitting beschikking uitspraak verzoek verzoekschrift kinderbescherming*
bescherming* jeugdbescherming* jeugdbeschermer gezinsvoogd maatregel
ondertoezichtstelling toezicht raad wet jeugdwet regeling beleid* privacy*
gegevens* gegevensuitwisseling uitwisseling toestemming geheimhouding
beroepsgeheim
# gemeente en samenwerking*
gemeente* wethouder ambtenaar* beleidsmedewerker regio* provincie overheid
ministerie subsidie* financiering* budget*  kosten inkoop aanbesteding
contract opdracht opdrachtgever uitvoering project pilot stuurgroep werkgroep
management directie directeur coordinator coordinatie kartrekker netwerk*
keten* ketenpartner ketenaanpak partner samenwerking samenwerkingsverband
samenwerkingsinitiatief initiatief organisatie* moederorganisatie instelling
instantie loket* balie aanspreekpunt contactpunt contactpersoon steunpunt
kenniscentrum centrum website platform kaart congres symposium conferentie
scholing opleiding lijn  tijdgebrek capaciteit motivatie vertrouwen
concurrentie impact effect effectiviteit meting impactmeting effectmeting
monitor monitoring evaluatie onderzoek resultaat indicator doel doelgroep
schillenmodel uitkomst mogelijkheid afspraak element moment punt knelpunt
verbeterpunt verband beroepsgroep discipline aanbeveling landschap
tijdsdruk tijdsinvestering wijkcoach wijkagent wijkverpleegkundige rechtszaak
financien geldgebrek
"""

# Fragments that are Dutch words but mostly occur as suffixes, prefixes or
# accidental substrings; a decompounder that knows them splits every word that
# ends or starts with them ("rijk" in "belangrijk", "schap" in "ouderschap").
BLOCKED = frozenset(
    """
    echt ring ding schap heid teit isme baar lijk loos zaam rijk wijs matig
    achtig ster stand aard ling lingen ende ander andere onder over voor door
    tegen achter boven buiten binnen samen mede weder terug neer heen naar
    vanaf langs rond rondom tussen zelf eigen alle veel meer niet geen goed
    waard tijdens lende rende ering eren iger erig ische isch atie ties
    aardig eens ener ener erend ingen king lingen maal keer kant hand
    stel stelling zetten zetting houden houding nemen neming gaan gang
    komen koming leggen legging staan stande vallen val heden nissen
    ening ingen verlening gegeven speel nemer bewaar huize kunde groot
    """.split()
    # Found by running the decompounder over the study's prose: words that pass
    # the wdutch noise test but sit inside frequent words of another meaning.
    # beeld (voorbeeld), waarde (zwaardere), politie (politiek), gericht
    # (opgericht), plaat (geplaatst), vrede (tevreden), hoofd (hoofdstuk),
    # natuur (natuurlijk), schappelijk (maatschappelijk), nieuw (vernieuwing),
    # belang (belangrijk), middel (bemiddeling, inmiddels), media (mediator),
    # gedrag (bijgedragen), staat (ontstaat), bureau (bureaucratie), leider
    # (begeleider). For the same reason geld (geregeld), tijd (onpartijdig),
    # wijk (afwijken) and zaak (noodzaak) are not seeds; their compounds are.
    + """
    beeld waarde politie gericht plaat vrede hoofd natuur schappelijk nieuw
    klein krijg behoeft opnam broed import overeen bijeen afsprak belang teams
    media middel gedrag staat bureau bende betaal gebeur beleg steunend combi
    super uitgaan uitgang voort genoot nieuws leider orgaan tijde velde
    """.split()
)


def parse_seeds(text: str) -> tuple[list[str], set[str]]:
    seeds: list[str] = []
    anchors: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        for raw in line.split():
            anchor = raw.endswith("*")
            word = fold(raw.rstrip("*"))
            seeds.append(word)
            if anchor:
                anchors.add(word)
    return seeds, anchors


def load_wdutch(path: Path) -> set[str]:
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        # Capitalised entries are names and abbreviations, the rest with
        # digits, hyphens, spaces or apostrophes cannot be a single token.
        if not line or line != line.lower() or not line.isalpha():
            continue
        words.add(fold(line))
    return words


class Segmenter:
    """Split wdutch words into wdutch words joined by linking sounds, with the
    same rules as the query side (``compounds.segment``): ``jeugdhulpverlening``
    -> ``jeugd`` + ``hulpverlening`` rather than ``jeugd`` + ``hulp`` + ``verlening``.
    """

    def __init__(self, vocabulary: set[str]):
        self.vocabulary = vocabulary
        self.max_part = max(map(len, vocabulary))
        self.split = lru_cache(maxsize=None)(self._split)

    def _split(self, word: str) -> tuple[tuple[int, int], ...] | None:
        """Return ``(start, end)`` spans of the parts, or None if not a compound."""
        parts = segment(word, self.vocabulary, max_part=self.max_part)
        return tuple((start, end) for start, end, _ in parts) if parts is not None else None

    def boundaries(self, word: str) -> frozenset[int]:
        """Start offsets of all parts, splitting parts that are compounds again."""
        starts = {0}
        spans = self.split(word)
        if spans:
            for start, end in spans:
                starts.update(start + b for b in self.boundaries(word[start:end]))
        return frozenset(starts)


def base_form(word: str, vocabulary: set[str]) -> str:
    """Undo plural, diminutive and adjective endings when wdutch knows the base.

    ``gesprekken`` -> ``gesprek``, ``raden`` -> ``raad``, ``kinderen`` -> ``kind``,
    ``gemeenten`` -> ``gemeente``, ``kindjes`` -> ``kind``, ``juridische`` ->
    ``juridisch``. The decompounder matches substrings, so the base also finds
    the inflected forms (except for the vowel changes that ``irregular_plurals``
    adds back). A final ``-s`` is left alone: in a part it is usually the
    word's own (``plaats``, ``gegevens``), the linking ``-s-`` having been
    split off by the segmenter already.
    """
    candidates = base_form_candidates(word, strip_adjective_e=True)
    return next((candidate for candidate in candidates if candidate in vocabulary), word)


def irregular_plurals(word: str, vocabulary: set[str]) -> list[str]:
    """Plurals of ``word`` in wdutch that do not start with ``word`` itself."""
    found = []
    vowels = "aeiou"
    if len(word) >= 4 and word[-1] not in vowels and word[-2] == word[-3] and word[-2] in vowels:
        # advocaat -> advocaten, raad -> raden; f/s become v/z (brief -> brieven)
        stem = word[:-2] + word[-1]
        voiced = {"f": "v", "s": "z"}.get(stem[-1], stem[-1])
        for plural in (stem + "en", stem[:-1] + voiced + "en"):
            if plural in vocabulary and plural not in found:
                found.append(plural)
    return found


def anchored_at(word: str, anchor: str, starts: frozenset[int], at: int | None = None) -> bool:
    """Whether ``anchor`` is a whole part of ``word`` (``ouder`` in ``ouderschap``,
    ``kind`` in ``kinderen``; not ``ouder`` in ``schouder`` nor ``tijd`` in
    ``tijdens``): it starts where a part starts and ends where one ends, before
    a linking sound or before an inflection ending the word."""
    i = word.find(anchor) if at is None else at
    while i != -1:
        end = i + len(anchor)
        tail = word[end:]
        if i in starts and (
            end in starts
            or tail in INFLECTIONS
            or (tail == anchor[-1:] + "en" and anchor[-1:] not in "aeiou")  # plan-nen
            or any(tail.startswith(linker) and end + len(linker) in starts for linker in LINKER_COST if linker)
        ):
            return True
        i = word.find(anchor, i + 1) if at is None else -1
    return False


def leaf_parts(word: str, segmenter: Segmenter) -> list[str]:
    """All parts of a compound, at every level (``jeugdhulpverlening`` ->
    ``jeugd``, ``hulpverlening``, ``hulp``, ``verlening``)."""
    parts = []
    for start, end in segmenter.split(word) or ():
        part = word[start:end]
        parts.append(part)
        parts += leaf_parts(part, segmenter)
    return parts


def build(report: bool = False) -> list[str]:
    vocabulary = load_wdutch(WDUTCH)
    seeds, anchors = parse_seeds(SEED_WORDS)
    parts_vocabulary = {w for w in vocabulary if MIN_WORD_LENGTH <= len(w) <= MAX_WORD_LENGTH}
    segmenter = Segmenter(parts_vocabulary)

    # 1. Domain compounds: wdutch words in which an anchor is a whole part.
    domain_count: Counter[str] = Counter()
    anchors_of: defaultdict[str, set[str]] = defaultdict(set)
    examples: dict[str, str] = {}
    anchor_list = sorted(anchors)
    for word in vocabulary:
        if len(word) < 2 * MIN_WORD_LENGTH:
            continue
        present = [a for a in anchor_list if a in word and a != word]
        if not present or not segmenter.split(word):
            continue
        starts = segmenter.boundaries(word)
        if not any(anchored_at(word, a, starts) for a in present):
            continue
        found = {a for a in present if anchored_at(word, a, starts)}
        for part in set(leaf_parts(word, segmenter)):
            base = base_form(part, vocabulary)
            domain_count[base] += 1
            anchors_of[base] |= found - {base}
            examples.setdefault(base, word)

    candidates = {
        part
        for part, count in domain_count.items()
        if count >= MIN_DOMAIN_COMPOUNDS
        and len(anchors_of[part]) >= MIN_DISTINCT_ANCHORS
        and MIN_DERIVED_LENGTH <= len(part) <= MAX_WORD_LENGTH
        and part not in BLOCKED
    }
    candidates |= set(seeds)

    # 2. Noise test: where do the candidates occur across all of wdutch?
    good: Counter[str] = Counter()
    total: Counter[str] = Counter()
    longest = max(map(len, candidates))
    for word in vocabulary:
        if len(word) < 2 * MIN_WORD_LENGTH:
            continue  # the decompounder's min_word_size: shorter tokens are left alone
        hits = [
            (i, word[i:j])
            for i in range(len(word) - MIN_WORD_LENGTH + 1)
            for j in range(i + MIN_WORD_LENGTH, min(len(word), i + longest) + 1)
            if word[i:j] in candidates and word[i:j] != word
        ]
        if not hits:
            continue
        starts = segmenter.boundaries(word)
        for i, part in hits:
            total[part] += 1
            if anchored_at(word, part, starts, at=i):
                good[part] += 1

    def precision(word: str) -> float:
        return good[word] / total[word] if total[word] else 1.0

    seed_set = set(seeds)
    derived = sorted(
        (c for c in candidates - seed_set if precision(c) >= MIN_BOUNDARY_PRECISION),
        key=lambda c: (-domain_count[c], c),
    )
    chosen = list(dict.fromkeys(seeds))
    room = max(MAX_WORDS - len(chosen), 0)
    chosen += derived[:room]

    # 3. Irregular plurals of everything chosen.
    plurals = {p for w in chosen for p in irregular_plurals(w, vocabulary)}
    words = {
        w
        for w in set(chosen) | plurals
        if MIN_WORD_LENGTH <= len(w) <= MAX_WORD_LENGTH
        # a blocked word is blocked with its inflections (leider, leiders)
        and not any(w[: len(w) - k] in BLOCKED for k in range(6) if w[len(w) - k :] in INFLECTIONS)
    }
    # A word that is another entry plus an inflection adds nothing: the
    # decompounder finds "organisatie" inside "organisaties" anyway.
    words = sorted(w for w in words if not any(w[:-k] in words for k in range(1, 6) if w[-k:] in INFLECTIONS))

    size = sum(len(w.encode("utf-8")) + 1 for w in words)
    if report:
        out = sys.stderr
        print(f"wdutch words used: {len(vocabulary)}", file=out)
        print(f"domain compound parts: {len(domain_count)}; candidates: {len(candidates)}", file=out)
        print(f"seeds: {len(seed_set)}; derived kept: {min(len(derived), room)} of {len(derived)}", file=out)
        print(f"irregular plurals: {len(plurals)}", file=out)
        print(f"written: {len(words)} words, {size} bytes", file=out)
        noisy = sorted((precision(s), s) for s in seed_set if precision(s) < MIN_BOUNDARY_PRECISION)
        print("seeds failing the noise test (kept):", file=out)
        for p, s in noisy:
            print(f"  {s:24} {p:.2f} ({good[s]}/{total[s]})", file=out)
        dropped = sorted(
            (c for c in candidates - seed_set if precision(c) < MIN_BOUNDARY_PRECISION),
            key=lambda c: -domain_count[c],
        )[:80]
        print("most productive derived words dropped as noise:", file=out)
        print("  " + " ".join(f"{c}({precision(c):.2f})" for c in dropped), file=out)
        print("most productive derived words kept:", file=out)
        print("  " + " ".join(f"{c}[{examples[c]}]" for c in derived[:150]), file=out)
        print("least productive derived words kept:", file=out)
        kept = derived[:room]
        print("  " + " ".join(f"{c}[{examples[c]}]" for c in kept[-60:]), file=out)
    if size > MAX_BYTES:
        raise SystemExit(f"word list is {size} bytes, over the {MAX_BYTES} byte budget")
    return words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="explain the choices on stderr")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if not WDUTCH.exists():
        parser.error(f"{WDUTCH} is missing: apt-get install wdutch")
    words = build(report=args.report)
    args.output.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
