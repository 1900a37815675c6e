"""The first version of the methodology page, created once after migrate, and its Urdu translation,
created when the demo is loaded (`sample_data_loaded`); editors own both afterwards.

The Urdu page is a Wagtail translation of the English one (its own locale, the same translation key),
so the Urdu addresses serve it and editors translate later changes with Wagtail's translation tools.
"""

INTRO = (
    "The tracker follows promises made by governments in Pakistan and names who must answer for each one: "
    "the elected office that made it and the appointed office that must carry it out."
)
STATUSES = (
    "<p>Every commitment has one status. A status changes only with a status change that names its source and "
    "the date it took effect. Delivered, Partially delivered, Broken and Withdrawn are final. A commitment is "
    "<b>overdue</b> when its deadline has passed and its status is not final.</p>"
)
OWNERSHIP = (
    "<p>Owners are offices, not people: a Chief Minister, a Deputy Commissioner, a Mayor. An office's "
    "<b>political</b> owner is elected and answers to voters; its <b>administrative</b> owner is a civil servant "
    "who must implement it; an <b>administrator</b> is an official appointed to run an elected body whose term "
    "lapsed. Who owned a commitment on a date is found from the tenures of its owning offices on that date, "
    "acting and additional charges included. An office nobody held that day is shown as vacant.</p>"
)
SCORECARDS = (
    "<p>A person's scorecard counts the commitments owned by the offices they held, and only for the days they "
    "held them. A commitment counts as <b>owned</b> if it was open on any day of the tenure; as <b>delivered</b> or "
    "<b>broken</b> if its status changed to Delivered or Broken during the tenure; as <b>overdue</b> if it was "
    "overdue on any day of the tenure. Across several tenures each commitment is counted once per column.</p>"
)
SOURCES = (
    "<p>Every status change cites a source: a government notification, an official statement, a budget document "
    "or a news report. We quote the words that support the change and keep an archived copy where we can. Every "
    "published change is kept in the record's public history, which shows exactly what the tracker said on any "
    "day.</p>"
)


def ensure_methodology_page(**kwargs):
    from wagtail.models import Site

    from cms.models import MethodologyPage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or MethodologyPage.objects.exists():
        return
    site.root_page.add_child(
        instance=MethodologyPage(
            title="How we track commitments",
            slug="methodology",
            intro=INTRO,
            statuses=STATUSES,
            ownership=OWNERSHIP,
            scorecards=SCORECARDS,
            sources_policy=SOURCES,
        )
    )


# The first version in Urdu, as Urdu readers write it.
TITLE_UR = "ہم وعدوں کا حساب کیسے رکھتے ہیں"
INTRO_UR = (
    "یہ ٹریکر پاکستان میں حکومتوں کے کیے گئے وعدوں پر نظر رکھتا ہے اور ہر وعدے کے جواب دہ کا نام بتاتا ہے: وہ "
    "منتخب عہدہ جس نے وعدہ کیا، اور وہ سرکاری عہدہ جسے اسے پورا کرنا ہے۔"
)
STATUSES_UR = (
    "<p>ہر وعدے کی ایک حیثیت ہوتی ہے۔ حیثیت صرف اسی وقت بدلتی ہے جب اس تبدیلی کا ذریعہ اور اس کے نافذ ہونے "
    "کی تاریخ درج کی جائے۔ پورا ہونا، جزوی طور پر پورا ہونا، ٹوٹ جانا اور واپس لے لیا جانا حتمی حیثیتیں ہیں۔ "
    "کوئی وعدہ اس وقت <b>تاخیر کا شکار</b> کہلاتا ہے جب اس کی آخری تاریخ گزر چکی ہو اور اس کی حیثیت حتمی نہ ہو۔</p>"
)
OWNERSHIP_UR = (
    "<p>ذمہ دار عہدے ہوتے ہیں، افراد نہیں: وزیرِ اعلیٰ، ڈپٹی کمشنر، میئر۔ کسی وعدے کا <b>سیاسی</b> ذمہ دار "
    "منتخب ہوتا ہے اور ووٹروں کو جواب دہ ہے؛ اس کا <b>انتظامی</b> ذمہ دار سرکاری افسر ہوتا ہے جسے اس پر عمل "
    "کرانا ہے؛ <b>ایڈمنسٹریٹر</b> وہ افسر ہے جسے کسی ایسے منتخب ادارے کو چلانے کے لیے مقرر کیا جائے جس کی مدت "
    "ختم ہو چکی ہو۔ کسی تاریخ کو وعدے کا ذمہ دار کون تھا، یہ اس دن ذمہ دار عہدوں پر فائز افراد سے معلوم کیا "
    "جاتا ہے، قائم مقام اور اضافی چارج سمیت۔ جس عہدے پر اس دن کوئی فائز نہ تھا وہ خالی دکھایا جاتا ہے۔</p>"
)
SCORECARDS_UR = (
    "<p>کسی شخص کے اسکور کارڈ میں ان عہدوں کے وعدے گنے جاتے ہیں جن پر وہ فائز رہا، اور صرف ان دنوں کے لیے جب "
    "وہ فائز تھا۔ کوئی وعدہ اس کی <b>ذمہ داری</b> میں شمار ہوتا ہے اگر وہ تعیناتی کے کسی بھی دن کھلا تھا؛ "
    "<b>پورا</b> یا <b>ٹوٹا</b> ہوا شمار ہوتا ہے اگر تعیناتی کے دوران اس کی حیثیت پورا ہونے یا ٹوٹ جانے میں "
    "بدلی؛ اور <b>تاخیر کا شکار</b> اگر تعیناتی کے کسی بھی دن وہ اپنی آخری تاریخ سے پیچھے تھا۔ کئی تعیناتیوں "
    "میں ہر وعدہ ہر کالم میں ایک ہی بار گنا جاتا ہے۔</p>"
)
SOURCES_UR = (
    "<p>حیثیت کی ہر تبدیلی کا ایک ذریعہ ہوتا ہے: سرکاری اعلامیہ، سرکاری بیان، بجٹ دستاویز یا اخبار کی خبر۔ ہم "
    "وہ الفاظ نقل کرتے ہیں جن سے تبدیلی کی تصدیق ہوتی ہے اور جہاں ممکن ہو اس کی محفوظ نقل رکھتے ہیں۔ ہر شائع "
    "شدہ تبدیلی ریکارڈ کی عوامی تاریخ میں محفوظ رہتی ہے، جس سے معلوم ہوتا ہے کہ ٹریکر نے کسی بھی دن بالکل کیا "
    "کہا تھا۔</p>"
)
URDU = "ur"


def ensure_urdu_methodology(**kwargs):
    """The Urdu translation of the methodology page, made and published once (with the translation of the
    site's home page above it, as Wagtail makes it); an existing one is left to its editors."""
    from wagtail.models import Locale

    from cms.models import MethodologyPage

    english = MethodologyPage.objects.filter(locale=Locale.get_default()).first()
    if english is None:
        return
    locale, _created = Locale.objects.get_or_create(language_code=URDU)
    if english.has_translation(locale):
        return
    urdu = english.copy_for_translation(locale, copy_parents=True)
    urdu.title, urdu.draft_title, urdu.intro = TITLE_UR, TITLE_UR, INTRO_UR
    urdu.statuses, urdu.ownership = STATUSES_UR, OWNERSHIP_UR
    urdu.scorecards, urdu.sources_policy = SCORECARDS_UR, SOURCES_UR
    urdu.save_revision().publish()
