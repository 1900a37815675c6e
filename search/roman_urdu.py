"""Roman Urdu as search reads it: the common words people type in Latin letters, with the same word in
Urdu script and in English. Data only; search/variants.py searches a typed word together with them.

Pakistanis type Urdu in Latin letters every day ("pani", "taleem", "sarak"), spelt by ear, so one word has
many spellings. Each row gives the spellings (any of them is looked up by its sound key, search/phonetic.py:
"paani" and "pani" are one key, so only spellings with another key need listing), the Urdu words it means
and the English words the site writes for it. The Urdu words go through the same folding as every document
(search/text.py), so they match however a record spells them.

PyPI was checked for a Roman Urdu transliterator: letter-by-letter converters spell most of these words
wrongly (تالیم for taleem, ساراک for sarak), and the dictionary-based one found the words of its own list
but needs two more libraries and an alpha release; a table of the words of our domain, kept here, is both
exact and reviewable. tests/search/test_spellings.py checks that every sector and status has a row giving
one of its Urdu words (search/urdu.py VOCABULARY).
"""

# (spellings, Urdu words, English words)
WORDS = [
    # Sectors and their words (search/urdu.py VOCABULARY).
    (["pani", "panee"], ["پانی"], ["water"]),
    (["safai", "safaai", "safayi", "safai sutrai"], ["صفائی"], ["sanitation", "cleaning"]),
    (["saaf", "saf"], ["صاف"], ["clean"]),
    (["nikasi", "nikasi ab", "nikaasi"], ["نکاسی"], ["drainage", "sewerage"]),
    (["sewerage", "seevrej", "sewrage"], ["سیوریج"], ["sewerage"]),
    (["nala", "naala", "nalay", "nalon"], ["نالوں", "نالہ", "نالے"], ["drain", "drains"]),
    (["taleem", "taleemi", "taaleem", "talim", "talimi"], ["تعلیم", "تعلیمی"], ["education"]),
    (["school", "iskool", "sakool", "skool", "schoolon"], ["اسکول", "اسکولوں"], ["school", "schools"]),
    (["ustad", "asatza", "asatiza", "asatzah", "teacher"], ["اساتذہ", "استاد"], ["teachers", "teacher"]),
    (["parhai", "parhaai"], ["تعلیم"], ["education"]),
    (["larkiyan", "larkiyon", "larkion", "talibat"], ["لڑکیوں", "طالبات"], ["girls"]),
    (["sehat", "sihat", "sehet", "sehhat"], ["صحت"], ["health"]),
    (["haspatal", "hasptal", "aspataal", "hospital", "haspataal"], ["ہسپتال"], ["hospital", "hospitals"]),
    (["dawai", "adwiyat", "adviyat", "dawaiyan"], ["ادویات", "دوائی"], ["medicines"]),
    (["doctor", "daktar", "dactor"], ["ڈاکٹر"], ["doctor", "doctors"]),
    (["sarak", "sadak", "sarrak", "sarrk"], ["سڑک"], ["road"]),
    (["sarkein", "sarken", "sarkon", "sadkon", "sadkein"], ["سڑکیں", "سڑکوں"], ["roads"]),
    (["bus", "bas", "buson"], ["بس"], ["bus"]),
    (["naqal o haml", "naql o haml", "transport"], ["ٹرانسپورٹ"], ["transport"]),
    (["bijli", "bijlee", "bijly"], ["بجلی"], ["electricity", "power"]),
    (["shamsi", "shamsee"], ["شمسی"], ["solar"]),
    (["tawanai", "tawanayi"], ["توانائی"], ["energy"]),
    (["budget", "bajat", "bajt"], ["بجٹ"], ["budget"]),
    (["maliyat", "maaliyat", "maliat"], ["مالیات"], ["finance"]),
    (["khazana", "khazanah", "khazaana"], ["خزانہ"], ["finance", "treasury"]),
    (["fund", "funds", "fundz"], ["فنڈز"], ["funds"]),
    (["raqam", "rakam"], ["رقم"], ["amount", "funds"]),
    (["baldiyat", "baldiyati", "baldiyaat"], ["بلدیات", "بلدیاتی"], ["local government"]),
    (["maqami", "muqami", "maqaami"], ["مقامی"], ["local"]),
    (["hukumat", "hakumat", "hukoomat", "hukoomat"], ["حکومت"], ["government"]),
    (["sarkari", "sarkaari"], ["سرکاری"], ["government", "public"]),
    (["intikhabat", "intekhabat", "election", "elections"], ["انتخابات"], ["elections"]),
    (["muntakhib", "muntakhab"], ["منتخب"], ["elected"]),
    (["dijital", "dijitel", "aan lain"], ["ڈیجیٹل"], ["digital", "online"]),
    # Statuses (search/urdu.py VOCABULARY).
    (["jari", "jaari", "jaree"], ["جاری"], ["in progress", "ongoing"]),
    (["mukammal", "mukamal", "mukkamal", "mukammil"], ["مکمل"], ["delivered", "completed"]),
    (["ruka", "rukka", "ruka hua", "rukay"], ["رکا ہوا"], ["stalled"]),
    (["tatul", "taatul", "tatal"], ["تعطل"], ["stalled"]),
    (["adhoora", "adhura", "adhora"], ["ادھورا"], ["partially delivered"]),
    (["wada", "waada", "waadah", "wade"], ["وعدہ"], ["commitment", "promise"]),
    (["wada khilafi", "waada khilafi"], ["وعدہ خلافی"], ["broken"]),
    (["mansookh", "mansukh"], ["منسوخ"], ["withdrawn", "cancelled"]),
    (["shuru nahi hua", "shuru nahin hua", "shuru nahi"], ["شروع نہیں ہوا"], ["not started"]),
    (["shuru", "shuroo", "shoru"], ["شروع"], ["started"]),
    (["tameer", "taamir", "tamir"], ["تعمیر", "تعمیرات"], ["construction", "works"]),
    (["marammat", "murammat", "mrammat"], ["مرمت"], ["repair", "repairs"]),
    # Places and tiers.
    (["zila", "zilla", "zilaa", "zilai"], ["ضلع", "ضلعی"], ["district"]),
    (["tehsil", "tahsil", "tahseel"], ["تحصیل"], ["tehsil"]),
    (["soba", "suba", "soobah", "subah", "subai", "soobai"], ["صوبہ", "صوبائی"], ["province", "provincial"]),
    (["wafaq", "wafaqi", "wifaqi", "wafaaqi"], ["وفاقی", "وفاق"], ["federal"]),
    (["division", "dawizan"], ["ڈویژن"], ["division"]),
    (["union council", "yunian kounsil"], ["یونین کونسل"], ["union council"]),
    (["shehar", "shahar", "shehr", "shahr"], ["شہر"], ["city"]),
    (["shehri", "shahri"], ["شہری"], ["urban", "citizens"]),
    (["dehi", "dehati", "dehaat", "dehat"], ["دیہی", "دیہات"], ["rural", "villages"]),
    (["gaon", "gaaon", "gaun"], ["دیہات"], ["village", "villages"]),
    (["bazar", "bazaar", "bazaron"], ["بازاروں", "بازار"], ["market", "markets"]),
    # Offices and people.
    (["wazir", "vazir", "wazeer"], ["وزیر"], ["minister"]),
    (["wazir e aala", "wazir-e-aala", "wazire ala", "wazir ala"], ["وزیر اعلی"], ["chief minister"]),
    (["wazarat", "wizarat", "vizarat"], ["وزارت"], ["ministry"]),
    (["mehkma", "mehkama", "mahkama", "mehkamah", "mehkme"], ["محکمہ", "محکمے"], ["department"]),
    (["kabina", "kabinah", "cabinet"], ["کابینہ"], ["cabinet"]),
    (["adalat", "adaalat", "adalti"], ["عدالت", "عدالتی"], ["court"]),
    (["faisla", "faisala", "faislah"], ["فیصلہ"], ["decision"]),
    (["qarardad", "karardad"], ["قرارداد"], ["resolution"]),
    (["nazim", "naazim"], ["ناظم"], ["nazim", "mayor"]),
    (["mayor", "meyar", "mayer"], ["میئر"], ["mayor"]),
    (["chairman", "chairmen", "cheerman"], ["چیئرمین"], ["chairman"]),
    (["afsar", "afsaran", "officer"], ["آفیسر", "افسر"], ["officer"]),
    (["daftar", "dafter", "office"], ["دفتر", "آفس"], ["office"]),
    (["amla", "amlah", "staff"], ["عملہ"], ["staff"]),
    (["bharti", "bharty", "bharti"], ["بھرتی"], ["recruitment", "hiring"]),
    (["tarbiyat", "tarbiat", "training"], ["تربیت"], ["training"]),
    # Services people ask for.
    (["kachra", "kachara", "kachrah", "koora", "kura"], ["کچرا", "کوڑا"], ["waste", "garbage"]),
    (["ghar", "gharon", "makan", "makaan"], ["گھر"], ["houses", "housing"]),
    (["zameen", "zamin", "arazi", "araazi"], ["زمین", "اراضی"], ["land"]),
    (["park", "baagh", "bagh"], ["پارک"], ["park"]),
    (["barish", "baarish", "barsat"], ["بارش"], ["rain"]),
    (["sailab", "selab", "saylab"], ["سیلاب"], ["flood"]),
    (["shikayat", "shikayaat", "shikayat"], ["شکایات", "شکایت"], ["complaints", "complaint"]),
    (["nigrani", "nigraani"], ["نگرانی"], ["monitoring"]),
    (["hazri", "haazri", "hazeri"], ["حاضری"], ["attendance"]),
    (["muft", "mufat"], ["مفت"], ["free"]),
    (["tarqi", "taraqi", "taraqqi", "tarraqi", "taraqiyati", "taraqqiyati"], ["ترقی", "ترقیاتی"], ["development"]),
    (["mansooba", "mansuba", "mansoobah"], ["منصوبہ"], ["scheme", "project"]),
    (["scheme", "iskeem", "skeem"], ["اسکیم"], ["scheme"]),
    (["nizam", "nizaam"], ["نظام"], ["system"]),
    (["record", "rikard"], ["ریکارڈ"], ["records"]),
    (["pipe", "paip", "pipeline"], ["پائپ"], ["pipe"]),
    (["tube well", "tubewell", "tubewel"], ["ٹیوب"], ["tube well", "tubewells"]),
    (["plant", "plaant"], ["پلانٹ"], ["plant"]),
    (["dengue", "dengi", "dengu"], ["ڈینگی"], ["dengue"]),
    (["zachha bachha", "zacha bacha"], ["زچہ بچہ"], ["maternal"]),
    (["ilaj", "ilaaj", "elaj"], ["علاج"], ["treatment", "health"]),
    (["khwandagi", "khawandgi", "khwandgi"], ["خواندگی"], ["literacy"]),
    (["kitab", "kitaben", "kutub", "darsi kutub"], ["کتب"], ["textbooks", "books"]),
]
