"""Urdu as search reads it: the letter forms folded to one, the spellings taken as one word, the common
words left out of queries, and the Urdu words of the vocabulary. Data only; search/text.py applies it.

The letters and spellings are applied by one function, `search.text.search_words`, to the text of every
document before any backend indexes it and to every query before any backend sees it (which also drops the
stopwords), so SQLite, PostgreSQL and Elasticsearch read the same words and agree. The vocabulary's words
go into each document's `labels` (search.documents.labels).
"""

import unicodedata

from tracker.models.vocabulary import CommitmentStatus, DecisionKind, JurisdictionTier, OfficeKind, Sector

# --- Letters ---------------------------------------------------------------------------------------
# One form of each letter that Urdu is typed with in several: Arabic keyboards and copied Arabic text give
# ك ي ى ه ة; older Urdu text was typed with Arabic heh for both ہ and ھ; hamza comes on a seat or alone.
# The canonical form is the Urdu letter (keheh, Farsi yeh, heh goal), never shown: highlights mark the
# record's own text (search/highlights.py).
LETTERS = {
    "\u0643": "\u06a9",  # ك Arabic kaf -> ک keheh
    "\u064a": "\u06cc",  # ي Arabic yeh -> ی Farsi yeh
    "\u0649": "\u06cc",  # ى alef maksura -> ی
    "\u0626": "\u06cc",  # ئ yeh with hamza (کوئٹہ, کویٹہ) -> ی
    "\u06d3": "\u06cc\u06d2",  # ۓ yeh barree with hamza -> یے: جاۓ is جائے, and ئ is ی
    "\u0678": "\u06cc",  # ٸ high hamza yeh -> ی
    # The heh family. ھ (do-chashmi he, the aspirate in پھول, بھرتی, سکھر) folds too: Arabic keyboards have
    # no ھ, so پهول and سكهر arrive with ه, and ھم / ھے for ہم / ہے are common. Folding ہ/ه/ھ together costs
    # a few pairs (کہا "said" / کھا "eat"), which the other words of a search tell apart.
    "\u0647": "\u06c1",  # ه Arabic heh -> ہ heh goal
    "\u06be": "\u06c1",  # ھ do-chashmi he -> ہ
    "\u06c0": "\u06c1",  # ۀ heh with yeh above -> ہ
    "\u06c2": "\u06c1",  # ۂ heh goal with hamza -> ہ
    "\u06c3": "\u06c1",  # ۃ teh marbuta goal (زکوٰۃ) -> ہ
    "\u0629": "\u06c1",  # ة Arabic teh marbuta -> ہ
    # Alef with hamza or madda, and wasla, are alef: آباد and اباد, أ/إ from Arabic text.
    "\u0622": "\u0627",  # آ
    "\u0623": "\u0627",  # أ
    "\u0625": "\u0627",  # إ
    "\u0671": "\u0627",  # ٱ wasla
    "\u0672": "\u0627",  # ٲ
    "\u0673": "\u0627",  # ٳ
    "\u0675": "\u0627",  # ٵ
    "\u0624": "\u0648",  # ؤ waw with hamza (مؤثر, موثر) -> و
    "\u0676": "\u0648",  # ٶ
    "\u0621": None,  # ء standalone hamza: ابتداء and ابتدا are one word
    "\u0640": None,  # tatweel (kashida), only stretches a letter
    "\u200c": None,  # zero-width non-joiner: a word typed with and without it is one word
    "\u200d": None,  # zero-width joiner
    "\u0670": None,  # superscript alef (ٰ in اعلیٰ, زکوٰۃ)
    # Arabic symbols among the Quranic marks separate words, as other symbols do.
    "\u06de": " ",  # ۞
    "\u06e9": " ",  # ۩
}
# Diacritics: harakat, maddah and hamza above and below (U+064B-U+065F), the signs and small letters of
# U+0610-U+061A and U+06D6-U+06ED (honorifics, Quranic annotation) and the extended marks of U+08D3-U+08FF.
for _start, _end in ((0x064B, 0x065F), (0x0610, 0x061A), (0x06D6, 0x06ED), (0x08D3, 0x08FF)):
    for _code in range(_start, _end + 1):
        LETTERS.setdefault(chr(_code), None)
# Digits of every script (Arabic-Indic ٠-٩, Urdu ۰-۹, Devanagari...) as ASCII digits.
for _code in range(0x80, 0x20000):  # the scripts with digits are all below U+20000
    if unicodedata.category(chr(_code)) == "Nd":
        LETTERS.setdefault(chr(_code), str(unicodedata.decimal(chr(_code))))

# --- Words -----------------------------------------------------------------------------------------
# Loanwords spelt two ways (with or without the alef before s, with a yeh or not): each is read as the
# first spelling. Written in any letter forms; search/text.py folds them.
SPELLINGS = {
    "اسکول": ["سکول"],  # school
    "اسکیم": ["سکیم"],  # scheme (development schemes)
    "اسٹیشن": ["سٹیشن"],  # station
    "اسٹیڈیم": ["سٹیڈیم"],  # stadium
    "اسٹاف": ["سٹاف"],  # staff
    "اسٹریٹ": ["سٹریٹ"],  # street
    "اسپورٹس": ["سپورٹس"],  # sports
    "ہسپتال": ["اسپتال", "ہاسپٹل"],  # hospital
    "کمشنر": ["کمیشنر"],  # commissioner
    "سیکرٹری": ["سیکریٹری", "سکریٹری"],  # secretary
    "سیکرٹریٹ": ["سیکریٹریٹ", "سکریٹریٹ", "سیکرٹیریٹ"],  # secretariat
    "پولیس": ["پولس"],  # police
}

# Words that carry no meaning alone (postpositions, "and", "is"): left out of queries, as English ones are.
STOPWORDS = ["کا", "کی", "کے", "کو", "میں", "سے", "اور", "پر", "نے", "ہے", "ہیں", "یہ", "وہ", "بھی", "لیے", "لئے"]

# --- The vocabulary's words --------------------------------------------------------------------------
# What Urdu readers type for each status and sector (and the kinds and tiers search lists), indexed with
# the English label in each document's `labels` field. Kept here, not read from the translation catalogue
# at index time, so that a document is the same on every machine whether or not the catalogue is compiled
# (its digest would change otherwise, and `search_index --check` would call the index stale). The first
# words are the label; the others are what people also write. tests/search/test_urdu_vocabulary.py checks
# that every Urdu label of the catalogue is among them, so the site's words always find their records.
VOCABULARY = {
    CommitmentStatus: {
        CommitmentStatus.NOT_STARTED: ["شروع نہیں ہوا", "آغاز نہیں ہوا"],
        CommitmentStatus.IN_PROGRESS: ["جاری", "زیر تکمیل", "زیر عمل"],
        CommitmentStatus.STALLED: ["رکا ہوا", "رکی ہوئی", "تعطل کا شکار", "تعطل"],
        CommitmentStatus.PARTIALLY_DELIVERED: ["جزوی طور پر مکمل", "جزوی تکمیل", "جزوی طور پر پورا", "ادھورا"],
        CommitmentStatus.DELIVERED: ["مکمل", "پورا ہوا", "پورا", "تکمیل شدہ"],
        CommitmentStatus.BROKEN: ["توڑا گیا", "وعدہ خلافی", "ٹوٹا ہوا", "توڑ دیا گیا"],
        CommitmentStatus.WITHDRAWN: ["واپس لیا گیا", "منسوخ"],
    },
    Sector: {
        Sector.EDUCATION: ["تعلیم", "تعلیمی"],
        Sector.HEALTH: ["صحت", "صحت عامہ", "طبی"],
        Sector.WATER_SANITATION: ["پانی اور صفائی", "پانی", "صفائی", "نکاسی آب", "صاف پانی"],
        Sector.E_GOVERNANCE: ["ای گورننس", "برقی حکمرانی", "ڈیجیٹل"],
        Sector.LOCAL_GOVERNMENT: ["مقامی حکومت", "بلدیاتی", "بلدیات"],
        Sector.ROADS_TRANSPORT: ["سڑکیں اور ٹرانسپورٹ", "سڑک", "سڑکیں", "ٹرانسپورٹ", "نقل و حمل"],
        Sector.FINANCE: ["سرکاری مالیات", "عوامی مالیات", "مالیات", "بجٹ"],
    },
    OfficeKind: {
        OfficeKind.ELECTED: ["منتخب"],
        OfficeKind.APPOINTED: ["مقرر کردہ", "تعینات", "مقرر"],
        OfficeKind.ADMINISTRATOR: ["ایڈمنسٹریٹر", "منتظم"],
    },
    JurisdictionTier: {
        JurisdictionTier.FEDERAL: ["وفاقی", "وفاق"],
        JurisdictionTier.PROVINCE: ["صوبہ", "صوبائی"],
        JurisdictionTier.DIVISION: ["ڈویژن"],
        JurisdictionTier.DISTRICT: ["ضلع", "ضلعی"],
        JurisdictionTier.TEHSIL: ["تحصیل"],
        JurisdictionTier.UNION_COUNCIL: ["یونین کونسل"],
    },
    DecisionKind: {
        DecisionKind.NOTIFICATION: ["اعلامیہ", "نوٹیفکیشن"],
        DecisionKind.CABINET_DECISION: ["کابینہ کا فیصلہ", "کابینہ"],
        DecisionKind.COUNCIL_RESOLUTION: ["کونسل کی قرارداد", "قرارداد"],
        DecisionKind.BUDGET_ALLOCATION: ["بجٹ مختص", "بجٹ"],
        DecisionKind.COURT_ORDER: ["عدالتی حکم", "عدالت"],
    },
}
