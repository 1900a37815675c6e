from django.urls import include, path
from django.views.generic import TemplateView

from tracker.history.gone import answers_gone
from tracker.models import Commitment, Decision, Jurisdiction, Office, Person
from tracker.public import views
from tracker.public.tips import views as tips

app_name = "tracker"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("commitments/", views.commitment_list, name="commitment_list"),
    path("filter-names/", views.filter_names, name="filter_names"),
    path("commitments/<str:slug>/", answers_gone(Commitment)(views.commitment_detail), name="commitment"),
    path("decisions/", views.decision_list, name="decision_list"),
    path("decisions/<str:slug>/", answers_gone(Decision)(views.decision_detail), name="decision"),
    # Browsing: every person, office and place A to Z or by province, and a citizen's own district.
    path("people/", views.person_list, name="person_list"),
    path("offices/", views.office_list, name="office_list"),
    path("jurisdictions/", views.jurisdiction_list, name="jurisdiction_list"),
    path("my-district/", views.my_district, name="my_district"),
    path("my-district/<str:slug>/", answers_gone(Jurisdiction)(views.district), name="district"),
    # The latest published changes of the whole site, as a page (the changes feed is its Atom twin).
    path("changes/", views.changes, name="changes"),
    path("people/<str:slug>/", answers_gone(Person)(views.person_detail), name="person"),
    path(
        "people/<str:slug>/comparison.csv",
        answers_gone(Person)(views.person_comparison_csv),
        name="person_comparison_csv",
    ),
    path("offices/<str:slug>/", answers_gone(Office)(views.office_detail), name="office"),
    path(
        "offices/<str:slug>/comparison.csv",
        answers_gone(Office)(views.office_comparison_csv),
        name="office_comparison_csv",
    ),
    # Who delivers: elected and appointed offices compared (tracker/public/delivery.py).
    path("accountability/", views.accountability, name="accountability"),
    path("accountability/csv/", views.accountability_csv, name="accountability_csv"),
    path(
        "local-government/",
        TemplateView.as_view(template_name="tracker/local_government.html"),
        name="local_government",
    ),
    path("jurisdictions/<str:slug>/", answers_gone(Jurisdiction)(views.jurisdiction_detail), name="jurisdiction"),
    # The archived copies of the pages published records cite (tracker/public/views/archives.py).
    path("sources/archived/<int:pk>/", views.archived_copy, name="archived_copy"),
    path("sources/archived/<int:pk>/content/", views.archived_content, name="archived_content"),
    path("sources/archived/<int:pk>/warc/", views.archived_warc, name="archived_warc"),
    # Citizens' tips go to the moderators' review queue, never straight to a page.
    path("tips/", tips.send_tip, name="send_tip"),
    path("tips/thanks/", tips.tip_thanks, name="tip_thanks"),
    # Following without an account: the form, the signed links of its e-mails, the feeds of what one follows.
    path("", include("tracker.following.urls")),
    # Public history (revisions, compares, citations, feeds) lives in its own package.
    path("", include("tracker.history.urls")),
]
