"""Real jurisdictions, organisations and office titles of Pakistan's federal, provincial and local
government (the division and district map as of the early 2020s). Only the holders are invented.

Tehsils and union councils are a sample, not the full list; union councils are named after the
neighbourhood they cover rather than by their official number.
"""

from django.utils.text import slugify

from tracker.demo import publish_if_missing
from tracker.demo import urdu as ur
from tracker.models import Jurisdiction, Organization
from tracker.models.vocabulary import JurisdictionTier as Tier
from tracker.models.vocabulary import OfficeKind as Kind
from tracker.models.vocabulary import OrganizationKind as Org

# province -> [(division, [districts])]
DIVISIONS = {
    "Balochistan": [
        ("Quetta", ["Quetta", "Pishin", "Killa Abdullah", "Chaman"]),
        ("Kalat", ["Kalat", "Mastung", "Khuzdar", "Awaran", "Lasbela", "Hub", "Surab"]),
        ("Makran", ["Kech", "Gwadar", "Panjgur"]),
        ("Naseerabad", ["Naseerabad", "Jaffarabad", "Jhal Magsi", "Kachhi", "Sohbatpur", "Usta Muhammad"]),
        ("Sibi", ["Sibi", "Dera Bugti", "Kohlu", "Harnai"]),
        ("Zhob", ["Zhob", "Sherani", "Killa Saifullah"]),
        ("Loralai", ["Loralai", "Barkhan", "Musakhel", "Duki"]),
        ("Rakhshan", ["Kharan", "Washuk", "Chagai", "Nushki"]),
    ],
    "Punjab": [
        ("Lahore", ["Lahore", "Kasur", "Sheikhupura", "Nankana Sahib"]),
        ("Rawalpindi", ["Rawalpindi", "Attock", "Chakwal", "Jhelum"]),
        ("Multan", ["Multan", "Khanewal", "Lodhran", "Vehari"]),
        ("Faisalabad", ["Faisalabad", "Jhang", "Toba Tek Singh", "Chiniot"]),
        ("Gujranwala", ["Gujranwala", "Gujrat", "Hafizabad", "Mandi Bahauddin", "Narowal", "Sialkot"]),
        ("Sargodha", ["Sargodha", "Khushab", "Mianwali", "Bhakkar"]),
        ("Bahawalpur", ["Bahawalpur", "Bahawalnagar", "Rahim Yar Khan"]),
        ("Dera Ghazi Khan", ["Dera Ghazi Khan", "Layyah", "Muzaffargarh", "Rajanpur"]),
        ("Sahiwal", ["Sahiwal", "Okara", "Pakpattan"]),
    ],
    "Sindh": [
        (
            "Karachi",
            ["Karachi Central", "Karachi East", "Karachi South", "Karachi West", "Korangi", "Malir", "Keamari"],
        ),
        ("Hyderabad", ["Hyderabad", "Jamshoro", "Thatta", "Sujawal", "Badin", "Matiari", "Dadu"]),
        ("Sukkur", ["Sukkur", "Khairpur", "Ghotki"]),
        ("Larkana", ["Larkana", "Shikarpur", "Jacobabad", "Kashmore", "Qambar Shahdadkot"]),
    ],
    "Khyber Pakhtunkhwa": [
        ("Peshawar", ["Peshawar", "Charsadda", "Nowshera", "Khyber", "Mohmand"]),
        ("Mardan", ["Mardan", "Swabi"]),
        ("Hazara", ["Abbottabad", "Haripur", "Mansehra"]),
    ],
    "Islamabad Capital Territory": [],
}

# district -> [(tehsil, [union councils])]
TEHSILS = {
    "Quetta": [
        ("Quetta City", ["Satellite Town", "Jinnah Town", "Sariab", "Kasi Road"]),
        ("Quetta Saddar", ["Kuchlak", "Hanna Urak"]),
    ],
    "Pishin": [("Pishin", ["Pishin Bazaar"]), ("Karezat", []), ("Huramzai", []), ("Barshore", [])],
    "Charsadda": [("Charsadda", ["Rajjar"]), ("Tangi", []), ("Shabqadar", [])],
    "Nowshera": [("Nowshera", []), ("Pabbi", []), ("Jehangira", [])],
    "Lahore": [
        ("Lahore City", ["Ichhra", "Mozang", "Shadman"]),
        ("Lahore Cantonment", []),
        ("Model Town", ["Garden Town", "Faisal Town"]),
        ("Raiwind", ["Raiwind City", "Manga Mandi"]),
        ("Shalimar", []),
    ],
    "Multan": [("Multan City", ["Gulgasht"]), ("Multan Saddar", []), ("Shujabad", []), ("Jalalpur Pirwala", [])],
    "Rawalpindi": [("Rawalpindi", []), ("Gujar Khan", []), ("Taxila", []), ("Kahuta", [])],
    "Faisalabad": [("Faisalabad City", []), ("Faisalabad Saddar", []), ("Jaranwala", []), ("Samundri", [])],
}

# Other spellings and names people use for a place (its `other_names`, which search finds it by).
OTHER_SPELLINGS = {
    "Balochistan": ["Baluchistan", "Biluchistan"],
    "Khyber Pakhtunkhwa": ["Khyber Pakhtoonkhwa", "Pakhtoonkhwa", "Pakhtunkhwa", "Sarhad"],
    "Quetta": ["Kwetta", "Qetta", "Koita"],
    "Peshawar": ["Peshwar", "Pishawar"],
    "Karachi": ["Karanchi"],
    "Lahore": ["Lahor"],
    "Rawalpindi": ["Pindi"],
    "Faisalabad": ["Lyallpur"],
    "Sahiwal": ["Montgomery"],
    "Sindh": ["Sind"],
    "Punjab": ["Panjab"],
    "Islamabad Capital Territory": ["Islamabad"],
    "Hyderabad": ["Haidarabad"],
    "Abbottabad": ["Ebtabad"],
    "Gwadar": ["Gawadar"],
    "Killa Abdullah": ["Qila Abdullah"],
    "Killa Saifullah": ["Qila Saifullah"],
    "Dera Ghazi Khan": ["Dera Ghazi"],
}


def other_names(name):
    """A place's other names: its name with each known word spelt the other ways ("Kwetta District")."""
    return ", ".join(
        name.replace(word, other) for word, others in OTHER_SPELLINGS.items() if word in name for other in others
    )


TIER_SUFFIX = {Tier.DIVISION: "Division", Tier.DISTRICT: "District", Tier.TEHSIL: "Tehsil"}


def _is_district_name(name):
    return any(name in districts for divisions in DIVISIONS.values() for _, districts in divisions)


def place_name(name, tier):
    """'Quetta Division', 'Quetta District', 'Quetta City', 'Pishin Tehsil', 'Union Council Sariab'."""
    if tier in (Tier.DIVISION, Tier.DISTRICT):
        return f"{name} {TIER_SUFFIX[tier]}"
    if tier == Tier.TEHSIL and _is_district_name(name):
        return f"{name} Tehsil"
    if tier == Tier.UNION_COUNCIL:
        return f"Union Council {name}"
    return name


def place_name_ur(name, tier):
    """The Urdu of place_name: 'کوئٹہ ڈویژن', 'کوئٹہ', 'کوئٹہ شہر', 'تحصیل پشین', 'یونین کونسل سریاب'."""
    return ur.place_name_ur(name, tier, tehsil_named_like_district=_is_district_name(name))


def place_slug(name, tier):
    """'quetta-division', 'quetta-district', 'quetta-city', 'pishin-tehsil', 'union-council-sariab'."""
    return slugify(place_name(name, tier))


def jurisdiction_tree():
    """[(slug, name, name_ur, tier, parent slug)] from the top of the tree down."""
    rows = [("pakistan", "Pakistan", place_name_ur("Pakistan", Tier.FEDERAL), Tier.FEDERAL, None)]
    for province, divisions in DIVISIONS.items():
        province_slug = slugify(province)
        rows.append((province_slug, province, place_name_ur(province, Tier.PROVINCE), Tier.PROVINCE, "pakistan"))
        for division, districts in divisions:
            division_slug = place_slug(division, Tier.DIVISION)
            urdu = place_name_ur(division, Tier.DIVISION)
            rows.append((division_slug, place_name(division, Tier.DIVISION), urdu, Tier.DIVISION, province_slug))
            for district in districts:
                district_slug = place_slug(district, Tier.DISTRICT)
                rows.append(
                    (
                        district_slug,
                        place_name(district, Tier.DISTRICT),
                        place_name_ur(district, Tier.DISTRICT),
                        Tier.DISTRICT,
                        division_slug,
                    )
                )
                for tehsil, councils in TEHSILS.get(district, []):
                    tehsil_slug = place_slug(tehsil, Tier.TEHSIL)
                    rows.append(
                        (
                            tehsil_slug,
                            place_name(tehsil, Tier.TEHSIL),
                            place_name_ur(tehsil, Tier.TEHSIL),
                            Tier.TEHSIL,
                            district_slug,
                        )
                    )
                    for council in councils:
                        rows.append(
                            (
                                place_slug(council, Tier.UNION_COUNCIL),
                                place_name(council, Tier.UNION_COUNCIL),
                                place_name_ur(council, Tier.UNION_COUNCIL),
                                Tier.UNION_COUNCIL,
                                tehsil_slug,
                            )
                        )
    return rows


# (slug, name, kind, jurisdiction slug, [(office slug, office title, office kind)])
ORGANISATIONS = [
    # Federal
    (
        "ministry-of-it-and-telecommunication",
        "Ministry of Information Technology and Telecommunication",
        Org.DEPARTMENT,
        "pakistan",
        [
            (
                "federal-minister-for-it-and-telecommunication",
                "Federal Minister for IT and Telecommunication",
                Kind.ELECTED,
            ),
            (
                "secretary-ministry-of-it-and-telecommunication",
                "Secretary, Ministry of IT and Telecommunication",
                Kind.APPOINTED,
            ),
        ],
    ),
    (
        "national-information-technology-board",
        "National Information Technology Board",
        Org.AUTHORITY,
        "pakistan",
        [("chief-executive-nitb", "Chief Executive Officer, National Information Technology Board", Kind.APPOINTED)],
    ),
    # Balochistan
    (
        "cabinet-of-balochistan",
        "Government of Balochistan Cabinet",
        Org.CABINET,
        "balochistan",
        [
            ("chief-minister-balochistan", "Chief Minister Balochistan", Kind.ELECTED),
            ("minister-school-education-balochistan", "Minister for School Education Balochistan", Kind.ELECTED),
            ("minister-health-balochistan", "Minister for Health Balochistan", Kind.ELECTED),
            ("minister-local-government-balochistan", "Minister for Local Government Balochistan", Kind.ELECTED),
        ],
    ),
    (
        "civil-secretariat-balochistan",
        "Civil Secretariat Balochistan (Services and General Administration Department)",
        Org.SECRETARIAT,
        "balochistan",
        [("chief-secretary-balochistan", "Chief Secretary Balochistan", Kind.APPOINTED)],
    ),
    (
        "planning-and-development-department-balochistan",
        "Planning and Development Department Balochistan",
        Org.DEPARTMENT,
        "balochistan",
        [("acs-development-balochistan", "Additional Chief Secretary (Development) Balochistan", Kind.APPOINTED)],
    ),
    (
        "finance-department-balochistan",
        "Finance Department Balochistan",
        Org.DEPARTMENT,
        "balochistan",
        [("secretary-finance-balochistan", "Secretary Finance Department Balochistan", Kind.APPOINTED)],
    ),
    (
        "school-education-department-balochistan",
        "School Education Department Balochistan",
        Org.DEPARTMENT,
        "balochistan",
        [
            (
                "secretary-school-education-balochistan",
                "Secretary School Education Department Balochistan",
                Kind.APPOINTED,
            )
        ],
    ),
    (
        "health-department-balochistan",
        "Health Department Balochistan",
        Org.DEPARTMENT,
        "balochistan",
        [("secretary-health-balochistan", "Secretary Health Department Balochistan", Kind.APPOINTED)],
    ),
    (
        "local-government-rural-development-department-balochistan",
        "Local Government and Rural Development Department Balochistan",
        Org.DEPARTMENT,
        "balochistan",
        [
            (
                "secretary-local-government-balochistan",
                "Secretary Local Government and Rural Development Department Balochistan",
                Kind.APPOINTED,
            )
        ],
    ),
    (
        "public-health-engineering-department-balochistan",
        "Public Health Engineering Department Balochistan",
        Org.DEPARTMENT,
        "balochistan",
        [("secretary-phe-balochistan", "Secretary Public Health Engineering Department Balochistan", Kind.APPOINTED)],
    ),
    (
        "science-and-it-department-balochistan",
        "Science and Information Technology Department Balochistan",
        Org.DEPARTMENT,
        "balochistan",
        [
            (
                "secretary-science-it-balochistan",
                "Secretary Science and Information Technology Department Balochistan",
                Kind.APPOINTED,
            )
        ],
    ),
    (
        "board-of-revenue-balochistan",
        "Board of Revenue Balochistan",
        Org.DEPARTMENT,
        "balochistan",
        [("senior-member-board-of-revenue-balochistan", "Senior Member Board of Revenue Balochistan", Kind.APPOINTED)],
    ),
    (
        "communication-and-works-department-balochistan",
        "Communication and Works Department Balochistan",
        Org.DEPARTMENT,
        "balochistan",
        [("secretary-cw-balochistan", "Secretary Communication and Works Department Balochistan", Kind.APPOINTED)],
    ),
    (
        "metropolitan-corporation-quetta",
        "Metropolitan Corporation Quetta",
        Org.COUNCIL,
        "quetta-district",
        [
            ("mayor-of-quetta", "Mayor of Quetta", Kind.ELECTED),
            (
                "administrator-metropolitan-corporation-quetta",
                "Administrator Metropolitan Corporation Quetta",
                Kind.ADMINISTRATOR,
            ),
        ],
    ),
    (
        "wasa-quetta",
        "Water and Sanitation Authority Quetta",
        Org.AUTHORITY,
        "quetta-district",
        [("managing-director-wasa-quetta", "Managing Director WASA Quetta", Kind.APPOINTED)],
    ),
    (
        "district-council-pishin",
        "District Council Pishin",
        Org.COUNCIL,
        "pishin-district",
        [("chairman-district-council-pishin", "Chairman District Council Pishin", Kind.ELECTED)],
    ),
    (
        "union-council-sariab",
        "Union Council Sariab",
        Org.COUNCIL,
        "union-council-sariab",
        [("chairman-union-council-sariab", "Chairman Union Council Sariab", Kind.ELECTED)],
    ),
    (
        "union-council-kuchlak",
        "Union Council Kuchlak",
        Org.COUNCIL,
        "union-council-kuchlak",
        [("chairman-union-council-kuchlak", "Chairman Union Council Kuchlak", Kind.ELECTED)],
    ),
    # Punjab
    (
        "cabinet-of-punjab",
        "Government of the Punjab Cabinet",
        Org.CABINET,
        "punjab",
        [
            ("chief-minister-punjab", "Chief Minister Punjab", Kind.ELECTED),
            ("minister-school-education-punjab", "Minister for School Education Punjab", Kind.ELECTED),
            ("minister-local-government-punjab", "Minister for Local Government Punjab", Kind.ELECTED),
        ],
    ),
    (
        "civil-secretariat-punjab",
        "Civil Secretariat Punjab (Services and General Administration Department)",
        Org.SECRETARIAT,
        "punjab",
        [("chief-secretary-punjab", "Chief Secretary Punjab", Kind.APPOINTED)],
    ),
    (
        "planning-and-development-board-punjab",
        "Planning and Development Board Punjab",
        Org.DEPARTMENT,
        "punjab",
        [("chairman-pnd-board-punjab", "Chairman Planning and Development Board Punjab", Kind.APPOINTED)],
    ),
    (
        "finance-department-punjab",
        "Finance Department Punjab",
        Org.DEPARTMENT,
        "punjab",
        [("secretary-finance-punjab", "Secretary Finance Department Punjab", Kind.APPOINTED)],
    ),
    (
        "school-education-department-punjab",
        "School Education Department Punjab",
        Org.DEPARTMENT,
        "punjab",
        [("secretary-school-education-punjab", "Secretary School Education Department Punjab", Kind.APPOINTED)],
    ),
    (
        "primary-and-secondary-healthcare-department-punjab",
        "Primary and Secondary Healthcare Department Punjab",
        Org.DEPARTMENT,
        "punjab",
        [
            (
                "secretary-primary-secondary-healthcare-punjab",
                "Secretary Primary and Secondary Healthcare Department Punjab",
                Kind.APPOINTED,
            )
        ],
    ),
    (
        "local-government-community-development-department-punjab",
        "Local Government and Community Development Department Punjab",
        Org.DEPARTMENT,
        "punjab",
        [
            (
                "secretary-local-government-punjab",
                "Secretary Local Government and Community Development Department Punjab",
                Kind.APPOINTED,
            )
        ],
    ),
    (
        "housing-urban-development-phe-department-punjab",
        "Housing, Urban Development and Public Health Engineering Department Punjab",
        Org.DEPARTMENT,
        "punjab",
        [
            (
                "secretary-housing-phe-punjab",
                "Secretary Housing, Urban Development and Public Health Engineering Department Punjab",
                Kind.APPOINTED,
            )
        ],
    ),
    (
        "punjab-information-technology-board",
        "Punjab Information Technology Board",
        Org.AUTHORITY,
        "punjab",
        [("chairman-pitb", "Chairman Punjab Information Technology Board", Kind.APPOINTED)],
    ),
    (
        "metropolitan-corporation-lahore",
        "Metropolitan Corporation Lahore",
        Org.COUNCIL,
        "lahore-district",
        [
            ("lord-mayor-of-lahore", "Lord Mayor of Lahore", Kind.ELECTED),
            (
                "administrator-metropolitan-corporation-lahore",
                "Administrator Metropolitan Corporation Lahore",
                Kind.ADMINISTRATOR,
            ),
        ],
    ),
    (
        "wasa-lahore",
        "Water and Sanitation Agency Lahore",
        Org.AUTHORITY,
        "lahore-district",
        [("managing-director-wasa-lahore", "Managing Director WASA Lahore", Kind.APPOINTED)],
    ),
    (
        "lahore-development-authority",
        "Lahore Development Authority",
        Org.AUTHORITY,
        "lahore-district",
        [("director-general-lda", "Director General Lahore Development Authority", Kind.APPOINTED)],
    ),
    (
        "district-health-authority-lahore",
        "District Health Authority Lahore",
        Org.AUTHORITY,
        "lahore-district",
        [
            (
                "ceo-district-health-authority-lahore",
                "Chief Executive Officer District Health Authority Lahore",
                Kind.APPOINTED,
            )
        ],
    ),
    (
        "municipal-corporation-multan",
        "Municipal Corporation Multan",
        Org.COUNCIL,
        "multan-district",
        [
            ("mayor-of-multan", "Mayor of Multan", Kind.ELECTED),
            (
                "administrator-municipal-corporation-multan",
                "Administrator Municipal Corporation Multan",
                Kind.ADMINISTRATOR,
            ),
        ],
    ),
    (
        "municipal-corporation-rawalpindi",
        "Municipal Corporation Rawalpindi",
        Org.COUNCIL,
        "rawalpindi-district",
        [("mayor-of-rawalpindi", "Mayor of Rawalpindi", Kind.ELECTED)],
    ),
    (
        "union-council-ichhra",
        "Union Council Ichhra",
        Org.COUNCIL,
        "union-council-ichhra",
        [("chairman-union-council-ichhra", "Chairman Union Council Ichhra", Kind.ELECTED)],
    ),
    # Sindh
    (
        "cabinet-of-sindh",
        "Government of Sindh Cabinet",
        Org.CABINET,
        "sindh",
        [("chief-minister-sindh", "Chief Minister Sindh", Kind.ELECTED)],
    ),
    (
        "civil-secretariat-sindh",
        "Sindh Secretariat (Services, General Administration and Coordination Department)",
        Org.SECRETARIAT,
        "sindh",
        [("chief-secretary-sindh", "Chief Secretary Sindh", Kind.APPOINTED)],
    ),
    (
        "school-education-literacy-department-sindh",
        "School Education and Literacy Department Sindh",
        Org.DEPARTMENT,
        "sindh",
        [
            (
                "secretary-school-education-sindh",
                "Secretary School Education and Literacy Department Sindh",
                Kind.APPOINTED,
            )
        ],
    ),
    (
        "health-department-sindh",
        "Health Department Sindh",
        Org.DEPARTMENT,
        "sindh",
        [("secretary-health-sindh", "Secretary Health Department Sindh", Kind.APPOINTED)],
    ),
    (
        "local-government-department-sindh",
        "Local Government Department Sindh",
        Org.DEPARTMENT,
        "sindh",
        [("secretary-local-government-sindh", "Secretary Local Government Department Sindh", Kind.APPOINTED)],
    ),
    (
        "karachi-metropolitan-corporation",
        "Karachi Metropolitan Corporation",
        Org.COUNCIL,
        "karachi-division",
        [
            ("mayor-of-karachi", "Mayor of Karachi", Kind.ELECTED),
            ("administrator-karachi", "Administrator Karachi Metropolitan Corporation", Kind.ADMINISTRATOR),
        ],
    ),
    (
        "karachi-water-and-sewerage-corporation",
        "Karachi Water and Sewerage Corporation",
        Org.AUTHORITY,
        "karachi-division",
        [
            (
                "ceo-karachi-water-and-sewerage-corporation",
                "Chief Executive Officer Karachi Water and Sewerage Corporation",
                Kind.APPOINTED,
            )
        ],
    ),
    # Khyber Pakhtunkhwa
    (
        "cabinet-of-khyber-pakhtunkhwa",
        "Government of Khyber Pakhtunkhwa Cabinet",
        Org.CABINET,
        "khyber-pakhtunkhwa",
        [("chief-minister-khyber-pakhtunkhwa", "Chief Minister Khyber Pakhtunkhwa", Kind.ELECTED)],
    ),
    (
        "civil-secretariat-khyber-pakhtunkhwa",
        "Civil Secretariat Khyber Pakhtunkhwa (Establishment and Administration Department)",
        Org.SECRETARIAT,
        "khyber-pakhtunkhwa",
        [("chief-secretary-khyber-pakhtunkhwa", "Chief Secretary Khyber Pakhtunkhwa", Kind.APPOINTED)],
    ),
    (
        "elementary-secondary-education-department-kp",
        "Elementary and Secondary Education Department Khyber Pakhtunkhwa",
        Org.DEPARTMENT,
        "khyber-pakhtunkhwa",
        [
            (
                "secretary-elementary-secondary-education-kp",
                "Secretary Elementary and Secondary Education Department Khyber Pakhtunkhwa",
                Kind.APPOINTED,
            )
        ],
    ),
    (
        "local-government-department-kp",
        "Local Government, Elections and Rural Development Department Khyber Pakhtunkhwa",
        Org.DEPARTMENT,
        "khyber-pakhtunkhwa",
        [("secretary-local-government-kp", "Secretary Local Government Khyber Pakhtunkhwa", Kind.APPOINTED)],
    ),
    (
        "city-local-government-peshawar",
        "City Local Government Peshawar",
        Org.COUNCIL,
        "peshawar-district",
        [
            ("mayor-of-peshawar", "Mayor of Peshawar", Kind.ELECTED),
            (
                "administrator-city-local-government-peshawar",
                "Administrator City Local Government Peshawar",
                Kind.ADMINISTRATOR,
            ),
        ],
    ),
    (
        "water-and-sanitation-services-peshawar",
        "Water and Sanitation Services Peshawar",
        Org.AUTHORITY,
        "peshawar-district",
        [("ceo-wssp", "Chief Executive Officer Water and Sanitation Services Peshawar", Kind.APPOINTED)],
    ),
    (
        "tehsil-local-government-charsadda",
        "Tehsil Local Government Charsadda",
        Org.COUNCIL,
        "charsadda-tehsil",
        [("tehsil-chairman-charsadda", "Tehsil Chairman Charsadda", Kind.ELECTED)],
    ),
    (
        "tehsil-local-government-nowshera",
        "Tehsil Local Government Nowshera",
        Org.COUNCIL,
        "nowshera-tehsil",
        [("tehsil-chairman-nowshera", "Tehsil Chairman Nowshera", Kind.ELECTED)],
    ),
    # Islamabad Capital Territory
    (
        "ict-administration",
        "Islamabad Capital Territory Administration",
        Org.DISTRICT_ADMINISTRATION,
        "islamabad-capital-territory",
        [
            ("chief-commissioner-islamabad", "Chief Commissioner Islamabad", Kind.APPOINTED),
            ("deputy-commissioner-islamabad", "Deputy Commissioner Islamabad", Kind.APPOINTED),
        ],
    ),
    (
        "metropolitan-corporation-islamabad",
        "Metropolitan Corporation Islamabad",
        Org.COUNCIL,
        "islamabad-capital-territory",
        [
            ("mayor-of-islamabad", "Mayor of Islamabad", Kind.ELECTED),
            (
                "administrator-metropolitan-corporation-islamabad",
                "Administrator Metropolitan Corporation Islamabad",
                Kind.ADMINISTRATOR,
            ),
        ],
    ),
    (
        "capital-development-authority",
        "Capital Development Authority",
        Org.AUTHORITY,
        "islamabad-capital-territory",
        [("chairman-cda", "Chairman Capital Development Authority", Kind.APPOINTED)],
    ),
]

# Districts with a Deputy Commissioner office in the demo; divisions with a Commissioner.
DEPUTY_COMMISSIONERS = {
    "Balochistan": [
        "Quetta", "Pishin", "Killa Abdullah", "Chaman", "Kalat", "Mastung", "Khuzdar", "Gwadar", "Kech",
        "Sibi", "Zhob", "Loralai", "Naseerabad", "Kharan",
    ],
    "Punjab": [
        "Lahore", "Kasur", "Sheikhupura", "Rawalpindi", "Multan", "Faisalabad", "Gujranwala", "Sialkot",
        "Sargodha", "Bahawalpur", "Dera Ghazi Khan", "Rajanpur", "Sahiwal",
    ],
    "Sindh": ["Karachi South", "Karachi East", "Hyderabad", "Sukkur", "Larkana"],
    "Khyber Pakhtunkhwa": ["Peshawar", "Charsadda", "Mardan", "Abbottabad"],
}  # fmt: skip
COMMISSIONERS = ["Quetta", "Makran", "Lahore", "Multan", "Rawalpindi", "Karachi", "Peshawar"]
# Tehsils (sub-divisions) with an Assistant Commissioner office in the demo.
ASSISTANT_COMMISSIONERS = ["Quetta City", "Quetta Saddar", "Lahore City", "Model Town", "Raiwind", "Multan City"]


def district_administrations():
    """Organisations and offices of the district and divisional administration."""
    rows = []
    for district in [d for districts in DEPUTY_COMMISSIONERS.values() for d in districts]:
        district_slug = place_slug(district, Tier.DISTRICT)
        rows.append(
            (
                slugify(f"district administration {district}"),
                f"District Administration {district}",
                Org.DISTRICT_ADMINISTRATION,
                district_slug,
                [(slugify(f"deputy commissioner {district}"), f"Deputy Commissioner {district}", Kind.APPOINTED)],
            )
        )
    for division in COMMISSIONERS:
        rows.append(
            (
                slugify(f"office of the commissioner {division} division"),
                f"Office of the Commissioner {division} Division",
                Org.DISTRICT_ADMINISTRATION,
                place_slug(division, Tier.DIVISION),
                [(slugify(f"commissioner {division} division"), f"Commissioner {division} Division", Kind.APPOINTED)],
            )
        )
    for tehsil in ASSISTANT_COMMISSIONERS:
        rows.append(
            (
                slugify(f"office of the assistant commissioner {tehsil}"),
                f"Office of the Assistant Commissioner {tehsil}",
                Org.DISTRICT_ADMINISTRATION,
                place_slug(tehsil, Tier.TEHSIL),
                [(slugify(f"assistant commissioner {tehsil}"), f"Assistant Commissioner {tehsil}", Kind.APPOINTED)],
            )
        )
    return rows


def all_organisations():
    return ORGANISATIONS + district_administrations()


def urdu_names():
    """({organisation slug: name in Urdu}, {office slug: title in Urdu}) for every curated one (the slugs
    of the district administrations as district_administrations makes them)."""
    organisations, offices = dict(ur.ORGANISATIONS), dict(ur.OFFICES)
    for district in [d for districts in DEPUTY_COMMISSIONERS.values() for d in districts]:
        org, office = ur.district_administration_ur(district)
        organisations[slugify(f"district administration {district}")] = org
        offices[slugify(f"deputy commissioner {district}")] = office
    for division in COMMISSIONERS:
        org, office = ur.commissioner_ur(division)
        organisations[slugify(f"office of the commissioner {division} division")] = org
        offices[slugify(f"commissioner {division} division")] = office
    for tehsil in ASSISTANT_COMMISSIONERS:
        org, office = ur.assistant_commissioner_ur(tehsil)
        organisations[slugify(f"office of the assistant commissioner {tehsil}")] = org
        offices[slugify(f"assistant commissioner {tehsil}")] = office
    return organisations, offices


def load_places(user, report):
    """Publish the jurisdiction tree and the organisations (offices come with their tenures, later)."""
    places = {}
    for slug, name, name_ur, tier, parent in jurisdiction_tree():
        places[slug] = publish_if_missing(
            Jurisdiction,
            slug,
            lambda slug=slug, name=name, name_ur=name_ur, tier=tier, parent=parent: Jurisdiction(
                slug=slug,
                name=name,
                name_ur=name_ur,
                other_names=other_names(name),
                tier=tier,
                parent=places[parent] if parent else None,
            ),
            user=user,
            summary=f"Sample data: add {name}",
            report=report,
        )
    organisations = {}
    names_ur, _titles_ur = urdu_names()
    for slug, name, kind, place, _offices in all_organisations():
        organisations[slug] = publish_if_missing(
            Organization,
            slug,
            lambda slug=slug, name=name, kind=kind, place=place: Organization(
                slug=slug, name=name, name_ur=names_ur[slug], classification=kind, jurisdiction=places[place]
            ),
            user=user,
            summary=f"Sample data: add {name}",
            report=report,
        )
    return places, organisations


def office_rows():
    """[(office slug, title, kind, organisation slug)] for every curated office."""
    return [
        (slug, title, kind, org_slug)
        for org_slug, _name, _kind, _place, offices in all_organisations()
        for slug, title, kind in offices
    ]
