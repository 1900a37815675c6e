"""The sample data in Urdu: the names of places, organisations, offices and people, and the promises,
notes and decisions, as a Pakistani reader writes them (not transliterated English).

Keyed by the English name or slug the other demo modules use, so each keeps its English where it is
and asks here for the Urdu. Place and person names are the names themselves in Urdu script; titles of
offices are written as Urdu newspapers and notifications write them (ڈپٹی کمشنر, سیکرٹری خزانہ).
"""

from tracker.models.vocabulary import JurisdictionTier as Tier

# Places, by the English name the place tree uses (without "District", "Division", "Tehsil" or
# "Union Council", which place_name_ur adds in Urdu).
PLACES = {
    "Pakistan": "پاکستان",
    "Punjab": "پنجاب",
    "Sindh": "سندھ",
    "Khyber Pakhtunkhwa": "خیبر پختونخوا",
    "Balochistan": "بلوچستان",
    "Islamabad Capital Territory": "اسلام آباد وفاقی دارالحکومت",
    # Balochistan
    "Quetta": "کوئٹہ",
    "Pishin": "پشین",
    "Killa Abdullah": "قلعہ عبداللہ",
    "Chaman": "چمن",
    "Kalat": "قلات",
    "Mastung": "مستونگ",
    "Khuzdar": "خضدار",
    "Awaran": "آواران",
    "Lasbela": "لسبیلہ",
    "Hub": "حب",
    "Surab": "سوراب",
    "Makran": "مکران",
    "Kech": "کیچ",
    "Gwadar": "گوادر",
    "Panjgur": "پنجگور",
    "Naseerabad": "نصیرآباد",
    "Jaffarabad": "جعفرآباد",
    "Jhal Magsi": "جھل مگسی",
    "Kachhi": "کچھی",
    "Sohbatpur": "صحبت پور",
    "Usta Muhammad": "استا محمد",
    "Sibi": "سبی",
    "Dera Bugti": "ڈیرہ بگٹی",
    "Kohlu": "کوہلو",
    "Harnai": "ہرنائی",
    "Zhob": "ژوب",
    "Sherani": "شیرانی",
    "Killa Saifullah": "قلعہ سیف اللہ",
    "Loralai": "لورالائی",
    "Barkhan": "بارکھان",
    "Musakhel": "موسیٰ خیل",
    "Duki": "دکی",
    "Rakhshan": "رخشان",
    "Kharan": "خاران",
    "Washuk": "واشک",
    "Chagai": "چاغی",
    "Nushki": "نوشکی",
    # Punjab
    "Lahore": "لاہور",
    "Kasur": "قصور",
    "Sheikhupura": "شیخوپورہ",
    "Nankana Sahib": "ننکانہ صاحب",
    "Rawalpindi": "راولپنڈی",
    "Attock": "اٹک",
    "Chakwal": "چکوال",
    "Jhelum": "جہلم",
    "Multan": "ملتان",
    "Khanewal": "خانیوال",
    "Lodhran": "لودھراں",
    "Vehari": "وہاڑی",
    "Faisalabad": "فیصل آباد",
    "Jhang": "جھنگ",
    "Toba Tek Singh": "ٹوبہ ٹیک سنگھ",
    "Chiniot": "چنیوٹ",
    "Gujranwala": "گوجرانوالہ",
    "Gujrat": "گجرات",
    "Hafizabad": "حافظ آباد",
    "Mandi Bahauddin": "منڈی بہاؤالدین",
    "Narowal": "نارووال",
    "Sialkot": "سیالکوٹ",
    "Sargodha": "سرگودھا",
    "Khushab": "خوشاب",
    "Mianwali": "میانوالی",
    "Bhakkar": "بھکر",
    "Bahawalpur": "بہاولپور",
    "Bahawalnagar": "بہاولنگر",
    "Rahim Yar Khan": "رحیم یار خان",
    "Dera Ghazi Khan": "ڈیرہ غازی خان",
    "Layyah": "لیہ",
    "Muzaffargarh": "مظفر گڑھ",
    "Rajanpur": "راجن پور",
    "Sahiwal": "ساہیوال",
    "Okara": "اوکاڑہ",
    "Pakpattan": "پاکپتن",
    # Sindh
    "Karachi": "کراچی",
    "Karachi Central": "کراچی وسطی",
    "Karachi East": "کراچی شرقی",
    "Karachi South": "کراچی جنوبی",
    "Karachi West": "کراچی غربی",
    "Korangi": "کورنگی",
    "Malir": "ملیر",
    "Keamari": "کیماڑی",
    "Hyderabad": "حیدرآباد",
    "Jamshoro": "جامشورو",
    "Thatta": "ٹھٹھہ",
    "Sujawal": "سجاول",
    "Badin": "بدین",
    "Matiari": "مٹیاری",
    "Dadu": "دادو",
    "Sukkur": "سکھر",
    "Khairpur": "خیرپور",
    "Ghotki": "گھوٹکی",
    "Larkana": "لاڑکانہ",
    "Shikarpur": "شکارپور",
    "Jacobabad": "جیکب آباد",
    "Kashmore": "کشمور",
    "Qambar Shahdadkot": "قمبر شہدادکوٹ",
    # Khyber Pakhtunkhwa
    "Peshawar": "پشاور",
    "Charsadda": "چارسدہ",
    "Nowshera": "نوشہرہ",
    "Khyber": "خیبر",
    "Mohmand": "مہمند",
    "Mardan": "مردان",
    "Swabi": "صوابی",
    "Hazara": "ہزارہ",
    "Abbottabad": "ایبٹ آباد",
    "Haripur": "ہری پور",
    "Mansehra": "مانسہرہ",
    # Tehsils
    "Quetta City": "کوئٹہ شہر",
    "Quetta Saddar": "کوئٹہ صدر",
    "Karezat": "کاریزات",
    "Huramzai": "حرمزئی",
    "Barshore": "برشور",
    "Lahore City": "لاہور شہر",
    "Lahore Cantonment": "لاہور کینٹ",
    "Model Town": "ماڈل ٹاؤن",
    "Raiwind": "رائے ونڈ",
    "Shalimar": "شالامار",
    "Gujar Khan": "گوجر خان",
    "Taxila": "ٹیکسلا",
    "Kahuta": "کہوٹہ",
    "Multan City": "ملتان شہر",
    "Multan Saddar": "ملتان صدر",
    "Shujabad": "شجاع آباد",
    "Jalalpur Pirwala": "جلال پور پیر والا",
    "Faisalabad City": "فیصل آباد شہر",
    "Faisalabad Saddar": "فیصل آباد صدر",
    "Jaranwala": "جڑانوالہ",
    "Samundri": "سمندری",
    "Tangi": "تنگی",
    "Shabqadar": "شبقدر",
    "Pabbi": "پبی",
    "Jehangira": "جہانگیرہ",
    # Union councils (named after the neighbourhood)
    "Satellite Town": "سیٹلائٹ ٹاؤن",
    "Jinnah Town": "جناح ٹاؤن",
    "Sariab": "سریاب",
    "Kasi Road": "کاسی روڈ",
    "Kuchlak": "کچلاک",
    "Hanna Urak": "ہنہ اوڑک",
    "Pishin Bazaar": "پشین بازار",
    "Ichhra": "اچھرہ",
    "Mozang": "مزنگ",
    "Shadman": "شادمان",
    "Garden Town": "گارڈن ٹاؤن",
    "Faisal Town": "فیصل ٹاؤن",
    "Raiwind City": "رائے ونڈ شہر",
    "Manga Mandi": "مانگا منڈی",
    "Gulgasht": "گلگشت",
    "Rajjar": "رجڑ",
}


def place_name_ur(name, tier, *, tehsil_named_like_district=False):
    """A place's name in Urdu as the place tree names it in English: a division is "کوئٹہ ڈویژن", a
    district its plain name ("کوئٹہ", as Urdu writes districts), a tehsil that shares its district's name
    "تحصیل پشین", a union council "یونین کونسل سریاب"."""
    urdu = PLACES[name]
    if tier == Tier.DIVISION:
        return f"{urdu} ڈویژن"
    if tier == Tier.TEHSIL and tehsil_named_like_district:
        return f"تحصیل {urdu}"
    if tier == Tier.UNION_COUNCIL:
        return f"یونین کونسل {urdu}"
    return urdu


# Organisations and their offices, by slug.
ORGANISATIONS = {
    "ministry-of-it-and-telecommunication": "وزارتِ انفارمیشن ٹیکنالوجی و ٹیلی کمیونیکیشن",
    "national-information-technology-board": "نیشنل انفارمیشن ٹیکنالوجی بورڈ",
    "cabinet-of-balochistan": "حکومتِ بلوچستان کی کابینہ",
    "civil-secretariat-balochistan": "سول سیکرٹریٹ بلوچستان (محکمہ سروسز و جنرل ایڈمنسٹریشن)",
    "planning-and-development-department-balochistan": "محکمہ منصوبہ بندی و ترقیات بلوچستان",
    "finance-department-balochistan": "محکمہ خزانہ بلوچستان",
    "school-education-department-balochistan": "محکمہ اسکول ایجوکیشن بلوچستان",
    "health-department-balochistan": "محکمہ صحت بلوچستان",
    "local-government-rural-development-department-balochistan": "محکمہ بلدیات و دیہی ترقی بلوچستان",
    "public-health-engineering-department-balochistan": "محکمہ پبلک ہیلتھ انجینئرنگ بلوچستان",
    "science-and-it-department-balochistan": "محکمہ سائنس و انفارمیشن ٹیکنالوجی بلوچستان",
    "board-of-revenue-balochistan": "بورڈ آف ریونیو بلوچستان",
    "communication-and-works-department-balochistan": "محکمہ مواصلات و تعمیرات بلوچستان",
    "metropolitan-corporation-quetta": "میٹروپولیٹن کارپوریشن کوئٹہ",
    "wasa-quetta": "واٹر اینڈ سینی ٹیشن اتھارٹی (واسا) کوئٹہ",
    "district-council-pishin": "ضلع کونسل پشین",
    "union-council-sariab": "یونین کونسل سریاب",
    "union-council-kuchlak": "یونین کونسل کچلاک",
    "cabinet-of-punjab": "حکومتِ پنجاب کی کابینہ",
    "civil-secretariat-punjab": "سول سیکرٹریٹ پنجاب (محکمہ سروسز و جنرل ایڈمنسٹریشن)",
    "planning-and-development-board-punjab": "منصوبہ بندی و ترقیات بورڈ پنجاب",
    "finance-department-punjab": "محکمہ خزانہ پنجاب",
    "school-education-department-punjab": "محکمہ اسکول ایجوکیشن پنجاب",
    "primary-and-secondary-healthcare-department-punjab": "محکمہ پرائمری و سیکنڈری ہیلتھ کیئر پنجاب",
    "local-government-community-development-department-punjab": "محکمہ بلدیات و کمیونٹی ڈویلپمنٹ پنجاب",
    "housing-urban-development-phe-department-punjab": "محکمہ ہاؤسنگ، اربن ڈویلپمنٹ و پبلک ہیلتھ انجینئرنگ پنجاب",
    "punjab-information-technology-board": "پنجاب انفارمیشن ٹیکنالوجی بورڈ",
    "metropolitan-corporation-lahore": "میٹروپولیٹن کارپوریشن لاہور",
    "wasa-lahore": "واٹر اینڈ سینی ٹیشن ایجنسی (واسا) لاہور",
    "lahore-development-authority": "لاہور ڈویلپمنٹ اتھارٹی",
    "district-health-authority-lahore": "ڈسٹرکٹ ہیلتھ اتھارٹی لاہور",
    "municipal-corporation-multan": "میونسپل کارپوریشن ملتان",
    "municipal-corporation-rawalpindi": "میونسپل کارپوریشن راولپنڈی",
    "union-council-ichhra": "یونین کونسل اچھرہ",
    "cabinet-of-sindh": "حکومتِ سندھ کی کابینہ",
    "civil-secretariat-sindh": "سندھ سیکرٹریٹ (محکمہ سروسز، جنرل ایڈمنسٹریشن و کوآرڈینیشن)",
    "school-education-literacy-department-sindh": "محکمہ اسکول ایجوکیشن و خواندگی سندھ",
    "health-department-sindh": "محکمہ صحت سندھ",
    "local-government-department-sindh": "محکمہ بلدیات سندھ",
    "karachi-metropolitan-corporation": "کراچی میٹروپولیٹن کارپوریشن",
    "karachi-water-and-sewerage-corporation": "کراچی واٹر اینڈ سیوریج کارپوریشن",
    "cabinet-of-khyber-pakhtunkhwa": "حکومتِ خیبر پختونخوا کی کابینہ",
    "civil-secretariat-khyber-pakhtunkhwa": "سول سیکرٹریٹ خیبر پختونخوا (محکمہ اسٹیبلشمنٹ و ایڈمنسٹریشن)",
    "elementary-secondary-education-department-kp": "محکمہ ابتدائی و ثانوی تعلیم خیبر پختونخوا",
    "local-government-department-kp": "محکمہ بلدیات، انتخابات و دیہی ترقی خیبر پختونخوا",
    "city-local-government-peshawar": "سٹی لوکل گورنمنٹ پشاور",
    "water-and-sanitation-services-peshawar": "واٹر اینڈ سینی ٹیشن سروسز پشاور",
    "tehsil-local-government-charsadda": "تحصیل لوکل گورنمنٹ چارسدہ",
    "tehsil-local-government-nowshera": "تحصیل لوکل گورنمنٹ نوشہرہ",
    "ict-administration": "اسلام آباد کیپیٹل ٹیریٹری انتظامیہ",
    "metropolitan-corporation-islamabad": "میٹروپولیٹن کارپوریشن اسلام آباد",
    "capital-development-authority": "کیپیٹل ڈویلپمنٹ اتھارٹی",
}

OFFICES = {
    "federal-minister-for-it-and-telecommunication": "وفاقی وزیر برائے انفارمیشن ٹیکنالوجی و ٹیلی کمیونیکیشن",
    "secretary-ministry-of-it-and-telecommunication": "سیکرٹری وزارتِ انفارمیشن ٹیکنالوجی و ٹیلی کمیونیکیشن",
    "chief-executive-nitb": "چیف ایگزیکٹو آفیسر، نیشنل انفارمیشن ٹیکنالوجی بورڈ",
    "chief-minister-balochistan": "وزیرِ اعلیٰ بلوچستان",
    "minister-school-education-balochistan": "صوبائی وزیر اسکول ایجوکیشن بلوچستان",
    "minister-health-balochistan": "صوبائی وزیر صحت بلوچستان",
    "minister-local-government-balochistan": "صوبائی وزیر بلدیات بلوچستان",
    "chief-secretary-balochistan": "چیف سیکرٹری بلوچستان",
    "acs-development-balochistan": "ایڈیشنل چیف سیکرٹری (ترقیات) بلوچستان",
    "secretary-finance-balochistan": "سیکرٹری خزانہ بلوچستان",
    "secretary-school-education-balochistan": "سیکرٹری اسکول ایجوکیشن بلوچستان",
    "secretary-health-balochistan": "سیکرٹری صحت بلوچستان",
    "secretary-local-government-balochistan": "سیکرٹری بلدیات و دیہی ترقی بلوچستان",
    "secretary-phe-balochistan": "سیکرٹری پبلک ہیلتھ انجینئرنگ بلوچستان",
    "secretary-science-it-balochistan": "سیکرٹری سائنس و انفارمیشن ٹیکنالوجی بلوچستان",
    "senior-member-board-of-revenue-balochistan": "سینئر ممبر بورڈ آف ریونیو بلوچستان",
    "secretary-cw-balochistan": "سیکرٹری مواصلات و تعمیرات بلوچستان",
    "mayor-of-quetta": "میئر کوئٹہ",
    "administrator-metropolitan-corporation-quetta": "ایڈمنسٹریٹر میٹروپولیٹن کارپوریشن کوئٹہ",
    "managing-director-wasa-quetta": "مینیجنگ ڈائریکٹر واسا کوئٹہ",
    "chairman-district-council-pishin": "چیئرمین ضلع کونسل پشین",
    "chairman-union-council-sariab": "چیئرمین یونین کونسل سریاب",
    "chairman-union-council-kuchlak": "چیئرمین یونین کونسل کچلاک",
    "chief-minister-punjab": "وزیرِ اعلیٰ پنجاب",
    "minister-school-education-punjab": "صوبائی وزیر اسکول ایجوکیشن پنجاب",
    "minister-local-government-punjab": "صوبائی وزیر بلدیات پنجاب",
    "chief-secretary-punjab": "چیف سیکرٹری پنجاب",
    "chairman-pnd-board-punjab": "چیئرمین منصوبہ بندی و ترقیات بورڈ پنجاب",
    "secretary-finance-punjab": "سیکرٹری خزانہ پنجاب",
    "secretary-school-education-punjab": "سیکرٹری اسکول ایجوکیشن پنجاب",
    "secretary-primary-secondary-healthcare-punjab": "سیکرٹری پرائمری و سیکنڈری ہیلتھ کیئر پنجاب",
    "secretary-local-government-punjab": "سیکرٹری بلدیات و کمیونٹی ڈویلپمنٹ پنجاب",
    "secretary-housing-phe-punjab": "سیکرٹری ہاؤسنگ، اربن ڈویلپمنٹ و پبلک ہیلتھ انجینئرنگ پنجاب",
    "chairman-pitb": "چیئرمین پنجاب انفارمیشن ٹیکنالوجی بورڈ",
    "lord-mayor-of-lahore": "لارڈ میئر لاہور",
    "administrator-metropolitan-corporation-lahore": "ایڈمنسٹریٹر میٹروپولیٹن کارپوریشن لاہور",
    "managing-director-wasa-lahore": "مینیجنگ ڈائریکٹر واسا لاہور",
    "director-general-lda": "ڈائریکٹر جنرل لاہور ڈویلپمنٹ اتھارٹی",
    "ceo-district-health-authority-lahore": "چیف ایگزیکٹو آفیسر ڈسٹرکٹ ہیلتھ اتھارٹی لاہور",
    "mayor-of-multan": "میئر ملتان",
    "administrator-municipal-corporation-multan": "ایڈمنسٹریٹر میونسپل کارپوریشن ملتان",
    "mayor-of-rawalpindi": "میئر راولپنڈی",
    "chairman-union-council-ichhra": "چیئرمین یونین کونسل اچھرہ",
    "chief-minister-sindh": "وزیرِ اعلیٰ سندھ",
    "chief-secretary-sindh": "چیف سیکرٹری سندھ",
    "secretary-school-education-sindh": "سیکرٹری اسکول ایجوکیشن و خواندگی سندھ",
    "secretary-health-sindh": "سیکرٹری صحت سندھ",
    "secretary-local-government-sindh": "سیکرٹری بلدیات سندھ",
    "mayor-of-karachi": "میئر کراچی",
    "administrator-karachi": "ایڈمنسٹریٹر کراچی میٹروپولیٹن کارپوریشن",
    "ceo-karachi-water-and-sewerage-corporation": "چیف ایگزیکٹو آفیسر کراچی واٹر اینڈ سیوریج کارپوریشن",
    "chief-minister-khyber-pakhtunkhwa": "وزیرِ اعلیٰ خیبر پختونخوا",
    "chief-secretary-khyber-pakhtunkhwa": "چیف سیکرٹری خیبر پختونخوا",
    "secretary-elementary-secondary-education-kp": "سیکرٹری ابتدائی و ثانوی تعلیم خیبر پختونخوا",
    "secretary-local-government-kp": "سیکرٹری بلدیات خیبر پختونخوا",
    "mayor-of-peshawar": "میئر پشاور",
    "administrator-city-local-government-peshawar": "ایڈمنسٹریٹر سٹی لوکل گورنمنٹ پشاور",
    "ceo-wssp": "چیف ایگزیکٹو آفیسر واٹر اینڈ سینی ٹیشن سروسز پشاور",
    "tehsil-chairman-charsadda": "تحصیل چیئرمین چارسدہ",
    "tehsil-chairman-nowshera": "تحصیل چیئرمین نوشہرہ",
    "chief-commissioner-islamabad": "چیف کمشنر اسلام آباد",
    "deputy-commissioner-islamabad": "ڈپٹی کمشنر اسلام آباد",
    "mayor-of-islamabad": "میئر اسلام آباد",
    "administrator-metropolitan-corporation-islamabad": "ایڈمنسٹریٹر میٹروپولیٹن کارپوریشن اسلام آباد",
    "chairman-cda": "چیئرمین کیپیٹل ڈویلپمنٹ اتھارٹی",
}


def district_administration_ur(district):
    """(organisation, office) in Urdu for a district's administration and its Deputy Commissioner."""
    return f"ضلعی انتظامیہ {PLACES[district]}", f"ڈپٹی کمشنر {PLACES[district]}"


def commissioner_ur(division):
    return f"دفتر کمشنر {PLACES[division]} ڈویژن", f"کمشنر {PLACES[division]} ڈویژن"


def assistant_commissioner_ur(tehsil):
    return f"دفتر اسسٹنٹ کمشنر {PLACES[tehsil]}", f"اسسٹنٹ کمشنر {PLACES[tehsil]}"


# People: the demo's fictional names, written in Urdu script.
GIVEN_NAMES = {
    "Abdul Basit": "عبدالباسط",
    "Abdul Hameed": "عبدالحمید",
    "Abdul Rauf": "عبدالرؤف",
    "Adeel": "عدیل",
    "Ahsan": "احسن",
    "Aftab": "آفتاب",
    "Amir": "عامر",
    "Arsalan": "ارسلان",
    "Asghar": "اصغر",
    "Atif": "عاطف",
    "Babar": "بابر",
    "Bilal": "بلال",
    "Daud": "داؤد",
    "Fahad": "فہد",
    "Farhan": "فرحان",
    "Ghulam Rasool": "غلام رسول",
    "Gul Muhammad": "گل محمد",
    "Habibullah": "حبیب اللہ",
    "Hamid": "حامد",
    "Haroon": "ہارون",
    "Hassan": "حسن",
    "Ijaz": "اعجاز",
    "Irfan": "عرفان",
    "Jamaluddin": "جمال الدین",
    "Junaid": "جنید",
    "Kamran": "کامران",
    "Kashif": "کاشف",
    "Khalid": "خالد",
    "Mansoor": "منصور",
    "Mehboob": "محبوب",
    "Muneer": "منیر",
    "Naseebullah": "نصیب اللہ",
    "Nasir": "ناصر",
    "Noman": "نعمان",
    "Obaidullah": "عبیداللہ",
    "Qaiser": "قیصر",
    "Rafiq": "رفیق",
    "Rehan": "ریحان",
    "Saad": "سعد",
    "Sajid": "ساجد",
    "Salman": "سلمان",
    "Shafiq": "شفیق",
    "Shakeel": "شکیل",
    "Sohail": "سہیل",
    "Tahir": "طاہر",
    "Tanveer": "تنویر",
    "Umair": "عمیر",
    "Waqas": "وقاص",
    "Yasir": "یاسر",
    "Zafar": "ظفر",
    "Zeeshan": "ذیشان",
    "Amna": "آمنہ",
    "Ayesha": "عائشہ",
    "Bushra": "بشریٰ",
    "Farah": "فرح",
    "Fatima": "فاطمہ",
    "Hina": "حنا",
    "Kiran": "کرن",
    "Mehwish": "مہوش",
    "Nadia": "نادیہ",
    "Nazia": "نازیہ",
    "Rabia": "رابعہ",
    "Rukhsana": "رخسانہ",
    "Sadia": "سعدیہ",
    "Saima": "صائمہ",
    "Samina": "ثمینہ",
    "Sana": "ثنا",
    "Shazia": "شازیہ",
    "Sidra": "سدرہ",
    "Tahira": "طاہرہ",
    "Uzma": "عظمیٰ",
    "Zainab": "زینب",
}
FAMILY_NAMES = {
    "Kakar": "کاکڑ",
    "Tareen": "ترین",
    "Kasi": "کاسی",
    "Durrani": "درانی",
    "Khilji": "خلجی",
    "Panezai": "پانیزئی",
    "Mandokhail": "مندوخیل",
    "Shahwani": "شاہوانی",
    "Rind": "رند",
    "Lango": "لانگو",
    "Chaudhry": "چودھری",
    "Malik": "ملک",
    "Butt": "بٹ",
    "Awan": "اعوان",
    "Siddiqui": "صدیقی",
    "Cheema": "چیمہ",
    "Gondal": "گوندل",
    "Warraich": "وڑائچ",
    "Bhatti": "بھٹی",
    "Khokhar": "کھوکھر",
    "Memon": "میمن",
    "Abro": "ابڑو",
    "Channa": "چنا",
    "Pirzada": "پیرزادہ",
    "Qazi": "قاضی",
    "Siyal": "سیال",
    "Dahri": "ڈاہری",
    "Kalhoro": "کلہوڑو",
    "Unar": "انڑ",
    "Samoon": "سمون",
    "Marwat": "مروت",
    "Bangash": "بنگش",
    "Orakzai": "اورکزئی",
    "Swati": "سواتی",
    "Yousafzai": "یوسفزئی",
    "Mohmand": "مہمند",
    "Shinwari": "شنواری",
    "Hashmi": "ہاشمی",
    "Ansari": "انصاری",
    "Rizvi": "رضوی",
    "Zaidi": "زیدی",
    "Farooqi": "فاروقی",
    "Qureshi": "قریشی",
    "Abbasi": "عباسی",
    "Mirza": "مرزا",
    "Raja": "راجہ",
    "Kiyani": "کیانی",
}
FICTIONAL_UR = "نمونے کے ڈیٹا کے لیے گھڑا گیا ایک فرضی کردار۔ کسی حقیقی افسر سے مشابہت محض اتفاقیہ ہے۔"


def person_name_ur(name):
    """ "Abdul Basit Kakar" -> "عبدالباسط کاکڑ" (a given name, which may be two words, and a family name)."""
    given, _space, family = name.rpartition(" ")
    return f"{GIVEN_NAMES[given]} {FAMILY_NAMES[family]}"


# The promises, by slug: (title, what was promised).
COMMITMENTS = {
    "file-tracking-system-for-the-balochistan-secretariat": (
        "بلوچستان سول سیکرٹریٹ کے لیے فائل ٹریکنگ سسٹم",
        "کوئٹہ میں سول سیکرٹریٹ کے ہر محکمے کے لیے الیکٹرانک فائل ٹریکنگ سسٹم، تاکہ کوئی بھی دیکھ سکے کہ فائل "
        "کہاں ہے اور ہر دفتر میں کتنے دن پڑی رہی، اور زیرِ التوا فائلوں کا خلاصہ عوام کے سامنے ہو۔",
    ),
    "online-complaint-portal-for-every-provincial-department": (
        "ہر صوبائی محکمے کے لیے آن لائن شکایات پورٹل",
        "ایک ہی ویب سائٹ اور موبائل ایپ جہاں شہری کسی بھی صوبائی محکمے کے خلاف شکایت درج کریں اور اس پر ہونے "
        "والی کارروائی سے باخبر رہیں۔",
    ),
    "computerised-land-records-for-quetta-district": (
        "ضلع کوئٹہ کے اراضی ریکارڈ کی کمپیوٹرائزیشن",
        "ضلع کوئٹہ کے ہر موضع کا اراضی ریکارڈ اسکین اور کمپیوٹرائز کیا جائے اور اراضی ریکارڈ سروس سینٹر کھولا "
        "جائے جہاں مالکان کو کمپیوٹرائزڈ نقل ملے۔",
    ),
    "biometric-attendance-for-doctors-and-teachers-in-quetta-division": (
        "کوئٹہ ڈویژن میں ڈاکٹروں اور اساتذہ کی بائیومیٹرک حاضری",
        "کوئٹہ ڈویژن کے ہر ضلعی ہسپتال، دیہی مرکزِ صحت اور ہائی اسکول میں بائیومیٹرک حاضری کی مشینیں، اور غیر "
        "حاضری کی ماہانہ رپورٹیں۔",
    ),
    "online-tracking-of-development-schemes-in-the-provincial-adp": (
        "صوبائی سالانہ ترقیاتی پروگرام کی اسکیموں کی آن لائن نگرانی",
        "سالانہ ترقیاتی پروگرام کی ہر اسکیم اپنی لاگت، جاری شدہ فنڈز اور عملی پیش رفت کے ساتھ آن لائن درج ہو اور "
        "ہر ماہ اپ ڈیٹ کی جائے۔",
    ),
    "reopen-closed-government-schools-across-balochistan": (
        "بلوچستان بھر میں بند سرکاری اسکول دوبارہ کھولنا",
        "اساتذہ کی کمی کے باعث بند سرکاری پرائمری اسکول اسی یونین کونسل سے کنٹریکٹ پر اساتذہ تعینات کر کے "
        "دوبارہ کھولے جائیں۔",
    ),
    "teachers-for-girls-primary-schools-in-pishin": (
        "پشین کے گرلز پرائمری اسکولوں کے لیے اساتذہ",
        "ضلع پشین کے ہر اس گرلز پرائمری اسکول کے لیے خاتون اساتذہ بھرتی کی جائیں جہاں کوئی استانی نہیں۔",
    ),
    "water-toilets-and-boundary-walls-in-quettas-government-schools": (
        "کوئٹہ کے سرکاری اسکولوں میں پانی، بیت الخلا اور چار دیواری",
        "ضلع کوئٹہ کے ہر سرکاری اسکول میں ناپید سہولیات (پینے کا پانی، بیت الخلا، چار دیواری) فراہم کی جائیں۔",
    ),
    "upgrade-primary-schools-to-middle-schools-in-zhob-division": (
        "ژوب ڈویژن میں پرائمری اسکولوں کو مڈل کا درجہ",
        "ژوب، شیرانی اور قلعہ سیف اللہ کے اضلاع میں 40 پرائمری اسکولوں کو مڈل اسکول کا درجہ دیا جائے۔",
    ),
    "free-textbooks-before-the-new-school-year": (
        "نئے تعلیمی سال سے پہلے مفت درسی کتب",
        "بہار میں کلاسیں شروع ہونے سے پہلے ہر سرکاری اسکول تک مفت درسی کتب پہنچائی جائیں۔",
    ),
    "girls-college-hostel-in-loralai": (
        "لورالائی میں گرلز کالج کا ہاسٹل",
        "لورالائی کے گرلز ڈگری کالج میں بارکھان، موسیٰ خیل اور دکی کی طالبات کے لیے سو بستروں کا ہاسٹل تعمیر کیا جائے۔",
    ),
    "round-the-clock-trauma-centre-at-civil-hospital-quetta": (
        "سول ہسپتال کوئٹہ میں چوبیس گھنٹے کھلا ٹراما سینٹر",
        "سول ہسپتال کوئٹہ کے ٹراما سینٹر کو عملہ اور سازوسامان دے کر چوبیس گھنٹے فعال کیا جائے۔",
    ),
    "health-insurance-cards-for-every-family-in-balochistan": (
        "بلوچستان کے ہر خاندان کے لیے ہیلتھ انشورنس کارڈ",
        "صوبے میں رجسٹرڈ ہر خاندان کو ایک سالانہ حد تک ہسپتال میں داخل ہو کر مفت علاج کی سہولت۔",
    ),
    "staff-and-medicines-for-basic-health-units-in-chaman": (
        "چمن کے بنیادی مراکزِ صحت کے لیے عملہ اور ادویات",
        "نئے ضلع چمن کے ہر بنیادی مرکزِ صحت میں ایک ڈاکٹر اور ایک لیڈی ہیلتھ وزیٹر تعینات کی جائے اور ہر سہ "
        "ماہی ضروری ادویات فراہم کی جائیں۔",
    ),
    "mobile-vaccination-teams-for-killa-abdullah": (
        "قلعہ عبداللہ کے لیے موبائل ویکسینیشن ٹیمیں",
        "قلعہ عبداللہ کی ہر یونین کونسل میں بچوں کو حفاظتی ٹیکے لگانے کے لیے موبائل ٹیمیں۔",
    ),
    "gynaecology-ward-at-the-district-headquarters-hospital-sibi": (
        "ڈسٹرکٹ ہیڈکوارٹر ہسپتال سبی میں گائنی وارڈ",
        "سبی کے ڈی ایچ کیو ہسپتال میں آپریشن تھیٹر کے ساتھ چالیس بستروں کا گائنی وارڈ۔",
    ),
    "bulk-water-supply-scheme-for-quetta-city": (
        "کوئٹہ شہر کے لیے بلک واٹر سپلائی اسکیم",
        "ایک نئے ذخیرہ آب ڈیم سے بڑی پائپ لائن اور نئے ذخائر کے ذریعے کوئٹہ کو پانی پہنچایا جائے، تاکہ شہر کا "
        "تیزی سے گرتے زیرِ زمین پانی پر انحصار ختم ہو۔",
    ),
    "repair-of-tube-wells-in-quetta-saddar": (
        "کوئٹہ صدر میں ٹیوب ویلوں کی مرمت",
        "کوئٹہ صدر کے خراب پڑے سرکاری ٹیوب ویلوں کی مرمت کر کے انہیں شمسی توانائی پر منتقل کیا جائے۔",
    ),
    "water-filtration-plants-in-pishin": (
        "پشین میں پانی صاف کرنے کے پلانٹ",
        "پشین شہر اور کاریزات میں پینے کا پانی صاف کرنے کے دس پلانٹ لگائے جائیں۔",
    ),
    "rehabilitate-the-sewerage-of-sariab-road": (
        "سریاب روڈ کے سیوریج کی بحالی",
        "سریاب روڈ کے ساتھ بیٹھ جانے والی سیوریج لائنیں تبدیل کی جائیں۔",
    ),
    "desalination-plant-for-gwadar": (
        "گوادر کے لیے سمندری پانی میٹھا کرنے کا پلانٹ",
        "ڈی سیلینیشن پلانٹ کی مرمت اور توسیع کی جائے تاکہ گوادر شہر کو روزانہ نلکوں کے ذریعے پانی ملے۔",
    ),
    "hold-local-government-elections-in-balochistan": (
        "بلوچستان میں بلدیاتی انتخابات کا انعقاد",
        "آئین کے آرٹیکل 140-اے کے تقاضے کے مطابق تمام مقامی کونسلوں کی مدت ختم ہونے کے ایک سال کے اندر انتخابات "
        "کرائے جائیں۔",
    ),
    "development-funds-for-union-councils": (
        "یونین کونسلوں کے لیے ترقیاتی فنڈز",
        "صوبائی ترقیاتی بجٹ کا ایک حصہ ہر منتخب یونین کونسل کو براہِ راست منتقل کیا جائے۔",
    ),
    "door-to-door-waste-collection-in-every-ward-of-quetta": (
        "کوئٹہ کے ہر وارڈ میں گھر گھر سے کچرا اٹھانا",
        "میٹروپولیٹن کارپوریشن کے ہر وارڈ میں گھر گھر سے کوڑا کرکٹ اکٹھا کیا جائے۔",
    ),
    "bus-service-on-quettas-main-roads": (
        "کوئٹہ کی بڑی سڑکوں پر بس سروس",
        "کوئٹہ کی بڑی شاہراہوں پر مقررہ اسٹاپوں والی سرکاری بس سروس۔",
    ),
    "metro-bus-for-quetta": (
        "کوئٹہ کے لیے میٹرو بس",
        "کوئٹہ کے وسط سے گزرنے والی، اپنی الگ لین پر چلنے والی میٹرو بس۔",
    ),
    "repair-of-link-roads-in-pishin": (
        "پشین میں رابطہ سڑکوں کی مرمت",
        "پشین، کاریزات اور حرمزئی کے درمیان رابطہ سڑکوں کی مرمت اور بلیک ٹاپنگ کی جائے۔",
    ),
    "citizens-budget-every-year": (
        "ہر سال عوامی بجٹ",
        "صوبائی بجٹ کے ساتھ اردو اور انگریزی میں عام فہم زبان میں شہریوں کے لیے بجٹ کا خلاصہ شائع کیا جائے۔",
    ),
    "quarterly-release-of-development-funds-to-districts": (
        "اضلاع کو ترقیاتی فنڈز کا سہ ماہی اجرا",
        "ضلعی ترقیاتی فنڈز ہر سہ ماہی ایک مقررہ تاریخ پر جاری کیے جائیں۔",
    ),
    "solar-tube-wells-for-farmers-in-pishin-and-killa-abdullah": (
        "پشین اور قلعہ عبداللہ کے کسانوں کے لیے شمسی ٹیوب ویل",
        "چھوٹے کسانوں کے ڈیزل اور بجلی سے چلنے والے ٹیوب ویلوں کی جگہ شمسی پمپ لگائے جائیں۔",
    ),
    "trained-midwives-in-every-union-council-of-kech": (
        "کیچ کی ہر یونین کونسل میں تربیت یافتہ مڈوائف",
        "ضلع کیچ کی ہر یونین کونسل میں ایک کمیونٹی مڈوائف کو تربیت دے کر تعینات کیا جائے۔",
    ),
    "citizen-service-centres-in-every-divisional-headquarters": (
        "ہر ڈویژنل ہیڈکوارٹر میں شہری سہولت مرکز",
        "ون ونڈو مراکز جہاں شہریوں کو ڈرائیونگ لائسنس، پیدائش کا سرٹیفکیٹ اور ڈومیسائل ایک ہی جگہ ملیں۔",
    ),
    "online-building-plan-approval-in-lahore": (
        "لاہور میں نقشوں کی آن لائن منظوری",
        "عمارتوں کے نقشے آن لائن جمع کرائے جائیں اور ان کی پیش رفت دیکھی جا سکے، اور منظوری 30 دن میں ہو۔",
    ),
    "teacher-attendance-app-in-every-government-school": (
        "ہر سرکاری اسکول میں اساتذہ کی حاضری کی ایپ",
        "ایک ایپ جس کے ذریعے مانیٹرنگ عملہ تصویر کے ساتھ اساتذہ کی حاضری درج کرے۔",
    ),
    "free-public-wi-fi-in-lahores-parks-and-markets": (
        "لاہور کے پارکوں اور بازاروں میں مفت وائی فائی",
        "لاہور کے بڑے پارکوں، بازاروں اور بس اڈوں پر مفت وائی فائی۔",
    ),
    "upgrade-primary-schools-to-elementary-schools": (
        "پرائمری اسکولوں کو ایلیمنٹری کا درجہ",
        "ایک ہزار پرائمری اسکولوں کو نئے کمروں اور اساتذہ کے ساتھ ایلیمنٹری سطح تک اپ گریڈ کیا جائے۔",
    ),
    "solar-power-for-schools-in-southern-punjab": (
        "جنوبی پنجاب کے اسکولوں کے لیے شمسی توانائی",
        "ڈیرہ غازی خان ڈویژن کے ہر سرکاری اسکول میں سولر پینل لگائے جائیں۔",
    ),
    "school-meals-for-girls-in-rajanpur": (
        "راجن پور میں طالبات کے لیے اسکول میں کھانا",
        "داخلوں میں اضافے کے لیے ضلع راجن پور کے پرائمری اسکولوں کی طالبات کو روزانہ ایک وقت کا کھانا۔",
    ),
    "science-laboratories-in-sargodhas-girls-high-schools": (
        "سرگودھا کے گرلز ہائی اسکولوں میں سائنس لیبارٹریاں",
        "ضلع سرگودھا کے ہر گرلز ہائی اسکول میں سائنس لیبارٹری قائم کی جائے۔",
    ),
    "mother-and-child-hospital-in-multan": (
        "ملتان میں زچہ و بچہ ہسپتال",
        "ملتان میں دو سو بستروں کا زچہ و بچہ ہسپتال۔",
    ),
    "dengue-surveillance-in-rawalpindi": (
        "راولپنڈی میں ڈینگی کی نگرانی",
        "ڈینگی کے موسم میں راولپنڈی بھر میں گھر گھر جا کر لاروا تلاش کرنے والی ٹیمیں۔",
    ),
    "round-the-clock-rural-health-centres-in-bahawalpur-division": (
        "بہاولپور ڈویژن میں چوبیس گھنٹے کھلے دیہی مراکزِ صحت",
        "بہاولپور ڈویژن کا ہر دیہی مرکزِ صحت چوبیس گھنٹے کھلا رہے اور وہاں ہر وقت ڈاکٹر موجود ہو۔",
    ),
    "cardiology-ward-at-the-sahiwal-teaching-hospital": (
        "ساہیوال ٹیچنگ ہسپتال میں امراضِ قلب کا وارڈ",
        "ساہیوال کے ٹیچنگ ہسپتال میں کیتھ لیب کے ساتھ امراضِ قلب کا وارڈ۔",
    ),
    "health-facilities-for-lahores-union-councils": (
        "لاہور کی یونین کونسلوں کے لیے طبی سہولیات",
        "لاہور کی ہر یونین کونسل میں ایک ڈسپنسری۔",
    ),
    "surface-water-treatment-plant-for-lahore": (
        "لاہور کے لیے نہری پانی صاف کرنے کا پلانٹ",
        "نہری پانی صاف کر کے لاہور کو فراہم کیا جائے تاکہ زیرِ زمین پانی کم نکالنا پڑے۔",
    ),
    "drinking-water-for-cholistan": (
        "چولستان کے لیے پینے کا پانی",
        "صحرائے چولستان کے دیہات اور چرواہوں کے لیے پائپ لائنیں اور پانی کے مقامات۔",
    ),
    "underground-rainwater-storage-in-lahore": (
        "لاہور میں بارش کے پانی کا زیرِ زمین ذخیرہ",
        "لاہور میں جہاں بارش کا پانی سب سے زیادہ کھڑا ہوتا ہے وہاں مون سون کا پانی جمع کرنے کے لیے زیرِ زمین ٹینک۔",
    ),
    "sewerage-for-model-town-tehsil": (
        "تحصیل ماڈل ٹاؤن کا سیوریج",
        "تحصیل ماڈل ٹاؤن کے پرانے بلاکوں کا سیوریج کا نظام تبدیل کیا جائے۔",
    ),
    "hold-local-government-elections-in-punjab": (
        "پنجاب میں بلدیاتی انتخابات کا انعقاد",
        "کونسلوں کی تحلیل کے ایک سال کے اندر نئی مقامی حکومتوں کے انتخابات کرائے جائیں۔",
    ),
    "street-lights-in-every-union-council-of-lahore": (
        "لاہور کی ہر یونین کونسل میں اسٹریٹ لائٹس",
        "لاہور کی ہر یونین کونسل کی ہر بڑی گلی میں اسٹریٹ لائٹس کام کرتی ہوں۔",
    ),
    "restore-the-park-in-ichhra": (
        "اچھرہ کے پارک کی بحالی",
        "اچھرہ کے عوامی پارک سے تجاوزات ہٹا کر اسے بحال کیا جائے۔",
    ),
    "provincial-finance-award-share-for-local-governments": (
        "صوبائی مالیاتی ایوارڈ میں مقامی حکومتوں کا حصہ",
        "صوبائی مالیاتی کمیشن ایوارڈ کے تحت مقامی حکومتوں کا حصہ بروقت منتقل کیا جائے۔",
    ),
    "bus-rapid-transit-for-faisalabad": (
        "فیصل آباد کے لیے بس ریپڈ ٹرانزٹ",
        "فیصل آباد میں بس ریپڈ ٹرانزٹ کی ایک لائن۔",
    ),
    "repair-of-flood-damaged-roads-in-rajanpur": (
        "راجن پور میں سیلاب سے تباہ سڑکوں کی مرمت",
        "2022 کے سیلاب میں تباہ ہونے والی راجن پور کی سڑکوں اور پلیوں کی مرمت کی جائے۔",
    ),
    "solid-waste-management-for-gujranwala": (
        "گوجرانوالہ میں کوڑا کرکٹ کا انتظام",
        "گوجرانوالہ شہر میں مشینوں کے ذریعے کچرا اٹھانا اور ایک لینڈ فل سائٹ۔",
    ),
    "rural-health-centre-upgrade-in-raiwind": (
        "رائے ونڈ کے دیہی مرکزِ صحت کی اپ گریڈیشن",
        "رائے ونڈ کے دیہی مرکزِ صحت میں ایمرجنسی وارڈ بنایا جائے اور ایمبولینس فراہم کی جائے۔",
    ),
    "clean-drinking-water-in-multans-union-councils": (
        "ملتان کی یونین کونسلوں میں پینے کا صاف پانی",
        "ملتان کی ہر یونین کونسل میں پانی صاف کرنے کا ایک پلانٹ۔",
    ),
    "additional-bulk-water-for-karachi": (
        "کراچی کے لیے اضافی پانی",
        "ایک نئی نہر اور پمپنگ اسٹیشنوں کے ذریعے کراچی کو اضافی پانی پہنچایا جائے۔",
    ),
    "clear-karachis-storm-water-drains-before-the-monsoon": (
        "مون سون سے پہلے کراچی کے برساتی نالوں کی صفائی",
        "مون سون سے پہلے کراچی کے ہر بڑے برساتی نالے کی صفائی کی جائے۔",
    ),
    "teachers-recruited-through-an-open-test-in-sindh": (
        "سندھ میں اساتذہ کی بھرتی کھلے امتحان کے ذریعے",
        "پرائمری اساتذہ صرف کسی غیر جانبدار ادارے کے لیے گئے تحریری امتحان کے ذریعے بھرتی کیے جائیں۔",
    ),
    "dialysis-units-at-the-hyderabad-civil-hospital": (
        "حیدرآباد سول ہسپتال میں ڈائیلاسز یونٹ",
        "حیدرآباد کے سول ہسپتال میں ڈائیلاسز کی بیس نئی مشینیں۔",
    ),
    "hold-local-government-elections-in-sindh": (
        "سندھ میں بلدیاتی انتخابات کا انعقاد",
        "کونسلوں کی مدت ختم ہونے کے بعد بلدیاتی انتخابات کرائے جائیں۔",
    ),
    "clean-drinking-water-in-peshawar-city": (
        "پشاور شہر میں پینے کا صاف پانی",
        "پشاور کے اندرون شہر میں پانی کی پرانی مرکزی لائنیں تبدیل کی جائیں۔",
    ),
    "citizen-portal-for-complaints-in-khyber-pakhtunkhwa": (
        "خیبر پختونخوا میں شکایات کے لیے سٹیزن پورٹل",
        "شکایات کا ایک پورٹل جس پر ہر صوبائی محکمہ جواب دے۔",
    ),
    "community-schools-for-girls-in-khyber-pakhtunkhwa": (
        "خیبر پختونخوا میں لڑکیوں کے لیے کمیونٹی اسکول",
        "جن دیہات میں لڑکیوں کا کوئی اسکول نہیں وہاں لڑکیوں کے لیے کمیونٹی اسکول۔",
    ),
    "development-funds-for-tehsil-councils": (
        "تحصیل کونسلوں کے لیے ترقیاتی فنڈز",
        "تحصیل کونسل کے لیے ترقیاتی بجٹ، جو کونسل اپنی ترجیحات کے مطابق خرچ کرے۔",
    ),
    "hold-local-government-elections-in-islamabad": (
        "اسلام آباد میں بلدیاتی انتخابات کا انعقاد",
        "موجودہ مدت ختم ہونے سے پہلے اگلی میٹروپولیٹن کارپوریشن کے انتخابات کرائے جائیں۔",
    ),
    "water-supply-for-islamabads-sectors": (
        "اسلام آباد کے سیکٹروں کو پانی کی فراہمی",
        "جن سیکٹروں کو ایک دن چھوڑ کر پانی ملتا ہے ان کے لیے نئے ٹیوب ویل اور پانی کی ایک بڑی لائن۔",
    ),
    "paperless-e-office-in-federal-ministries": (
        "وفاقی وزارتوں میں کاغذ کے بغیر ای آفس",
        "ہر وفاقی وزارت اور ڈویژن میں فائلوں کا کام الیکٹرانک آفس کے نظام پر منتقل کیا جائے۔",
    ),
    "clear-encroachments-from-quettas-main-bazaars": (
        "کوئٹہ کے بڑے بازاروں سے تجاوزات کا خاتمہ",
        "کوئٹہ کے بڑے بازاروں کے فٹ پاتھوں اور سڑکوں سے تجاوزات ہٹائی جائیں۔",
    ),
    "repair-the-street-lights-of-jinnah-road-quetta": (
        "جناح روڈ کوئٹہ کی اسٹریٹ لائٹس کی مرمت",
        "جناح روڈ اور اس کے آس پاس کی سڑکوں کی ہر اسٹریٹ لائٹ کی مرمت کی جائے۔",
    ),
    "clean-lahores-drains-before-the-monsoon": (
        "مون سون سے پہلے لاہور کے نالوں کی صفائی",
        "2020 کے مون سون سے پہلے لاہور کے ہر بڑے نالے سے مٹی اور گاد نکالی جائے۔",
    ),
    "parking-plazas-in-central-lahore": (
        "وسطی لاہور میں پارکنگ پلازے",
        "انارکلی اور لبرٹی مارکیٹ کے قریب دو کثیر منزلہ پارکنگ پلازے تعمیر کیے جائیں۔",
    ),
    "clear-karachis-nullahs-before-the-next-monsoon": (
        "اگلے مون سون سے پہلے کراچی کے نالوں کی صفائی",
        "کراچی کے تین سب سے بڑے نالوں سے گاد اور تجاوزات ہٹائی جائیں۔",
    ),
    "feeder-bus-routes-for-karachis-green-line": (
        "کراچی کی گرین لائن کے لیے فیڈر بس روٹ",
        "وسطی کراچی کے محلوں سے گرین لائن کے اسٹیشنوں تک فیڈر بسیں چلائی جائیں۔",
    ),
}

# Where the file went: each movement's note, by its English.
MOVEMENT_NOTES = {
    "Directed to prepare the PC-1": "پی سی ون تیار کرنے کی ہدایت",
    "PC-1 sent for approval": "پی سی ون منظوری کے لیے ارسال",
    "Approved scheme sent for release of funds": "منظور شدہ اسکیم فنڈز کے اجرا کے لیے ارسال",
    "First instalment released; procurement": "پہلی قسط جاری؛ خریداری کا عمل",
    "Tender cancelled; referred for a decision": "ٹینڈر منسوخ؛ فیصلے کے لیے بھجوا دیا گیا",
    "Returned to revise the PC-1": "پی سی ون پر نظرِ ثانی کے لیے واپس",
    "Asked to build the portal": "پورٹل بنانے کی ہدایت",
    "Departments told to join": "محکموں کو شامل ہونے کی ہدایت",
    "Scheme prepared": "اسکیم تیار",
    "Procurement of machines": "مشینوں کی خریداری",
    "Directed to build the dashboard": "ڈیش بورڈ بنانے کی ہدایت",
    "List of closed schools compiled": "بند اسکولوں کی فہرست مرتب",
    "Posts sanctioned": "آسامیاں منظور",
    "Posts advertised": "آسامیاں مشتہر",
    "Survey of schools": "اسکولوں کا سروے",
    "Bills sent for payment": "بل ادائیگی کے لیے ارسال",
    "Schemes prepared": "اسکیمیں تیار",
    "Not in ADP": "سالانہ ترقیاتی پروگرام میں شامل نہیں",
    "Staffing plan": "عملے کا منصوبہ",
    "Posts sent for approval": "آسامیاں منظوری کے لیے ارسال",
    "Insurer selection": "بیمہ کمپنی کا انتخاب",
    "Premium payment": "پریمیم کی ادائیگی",
    "Survey of units": "مراکز کا سروے",
    "Postings": "تعیناتیاں",
    "Building work": "تعمیراتی کام",
    "PC-1": "پی سی ون",
    "Land acquisition": "اراضی کا حصول",
    "Work resumed": "کام دوبارہ شروع",
    "Design": "ڈیزائن",
    "Referred to the administrator": "ایڈمنسٹریٹر کو بھجوا دیا گیا",
    "Contract": "ٹھیکہ",
    "Review": "جائزہ",
    "Draft amendments": "ترامیم کا مسودہ",
    "Delimitation": "حلقہ بندی",
    "Release of funds": "فنڈز کا اجرا",
    "Software": "سافٹ ویئر",
    "Departments to post staff": "محکموں کو عملہ تعینات کرنے کی ہدایت",
    "Selection": "انتخاب",
    "Funds": "فنڈز",
    "Works": "تعمیراتی کام",
    "Funds requested": "فنڈز کی درخواست",
    "Feasibility": "فزیبلٹی",
    "Approval": "منظوری",
    "Rules": "قواعد",
    "Handed over after dissolution": "تحلیل کے بعد حوالگی",
    "Design review": "ڈیزائن کا جائزہ",
    "Revised": "نظرِ ثانی",
    "Training": "تربیت",
    "Directed to prepare the scheme": "اسکیم تیار کرنے کی ہدایت",
    "Approved by the council": "کونسل سے منظور",
    "Approved by the administrator": "ایڈمنسٹریٹر سے منظور",
    "Work order issued": "ورک آرڈر جاری",
}

# The note of a status change the sample data invents without a quote of its own.
ILLUSTRATIVE_STATUS_NOTE = "حیثیت کی یہ تبدیلی نمونے کے ڈیٹا کے لیے فرضی ہے۔"

# Decisions, by slug: (title, summary).
DECISIONS = {
    "committee-to-introduce-file-tracking-in-the-civil-secretariat": (
        "سول سیکرٹریٹ میں فائل ٹریکنگ متعارف کرانے کے لیے کمیٹی",
        "سیکرٹری سائنس و انفارمیشن ٹیکنالوجی کی سربراہی میں کمیٹی کا اعلامیہ، جو سول سیکرٹریٹ کے تمام محکموں میں "
        "الیکٹرانک فائل ٹریکنگ متعارف کرائے گی۔",
    ),
    "allocation-for-the-secretariat-file-tracking-system-adp-2019-20": (
        "سیکرٹریٹ کے فائل ٹریکنگ سسٹم کے لیے رقم مختص، سالانہ ترقیاتی پروگرام 2019-20",
        "سالانہ ترقیاتی پروگرام 2019-20 میں سیکرٹریٹ کے فائل ٹریکنگ سسٹم کے لیے ساڑھے چار کروڑ روپے مختص۔",
    ),
    "cabinet-approves-reopening-of-closed-schools-through-contract-teachers": (
        "کابینہ نے کنٹریکٹ اساتذہ کے ذریعے بند اسکول کھولنے کی منظوری دے دی",
        "صوبائی کابینہ نے بند اسکولوں کے لیے پرائمری اساتذہ کی کنٹریکٹ آسامیوں کی منظوری دی، جن پر اسی یونین "
        "کونسل سے بھرتی ہوگی۔",
    ),
    "allocation-for-the-quetta-bulk-water-supply-scheme": (
        "کوئٹہ بلک واٹر سپلائی اسکیم کے لیے رقم مختص",
        "کوئٹہ کی بلک واٹر سپلائی اسکیم کے لیے پہلے سال کی رقم مختص۔",
    ),
    "administrator-appointed-for-the-metropolitan-corporation-quetta": (
        "میٹروپولیٹن کارپوریشن کوئٹہ کے لیے ایڈمنسٹریٹر مقرر",
        "منتخب کونسل کی مدت ختم ہونے پر کمشنر کوئٹہ ڈویژن کو انتخابات تک میٹروپولیٹن کارپوریشن کا ایڈمنسٹریٹر "
        "مقرر کیا گیا۔",
    ),
    "metropolitan-corporation-lahore-resolution-on-street-lights": (
        "اسٹریٹ لائٹس پر میٹروپولیٹن کارپوریشن لاہور کی قرارداد",
        "کونسل نے قرارداد منظور کی کہ ایک سال کے اندر تمام یونین کونسلوں کی اسٹریٹ لائٹس کی مرمت کی جائے گی۔",
    ),
    "allocation-for-upgrading-primary-schools-budget-2019-20": (
        "پرائمری اسکولوں کی اپ گریڈیشن کے لیے رقم مختص، بجٹ 2019-20",
        "پرائمری اسکولوں کو ایلیمنٹری سطح تک اپ گریڈ کرنے کے لیے فنڈز۔",
    ),
    "health-card-scheme-approved-by-the-cabinet": (
        "کابینہ نے ہیلتھ کارڈ اسکیم کی منظوری دے دی",
        "ہیلتھ انشورنس اسکیم اور صوبائی بجٹ سے ادا کیے جانے والے پریمیم کی منظوری۔",
    ),
    "e-office-made-compulsory-for-federal-ministries": (
        "وفاقی وزارتوں کے لیے ای آفس لازمی قرار",
        "تمام وزارتیں اور ڈویژن اپنی فائلوں کا کام ای آفس نظام پر منتقل کریں گے۔",
    ),
}
