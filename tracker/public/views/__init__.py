from tracker.public.views.accountability import accountability, accountability_csv
from tracker.public.views.archives import archived_content, archived_copy, archived_warc
from tracker.public.views.browse import jurisdiction_list, office_list, person_list
from tracker.public.views.changes import changes
from tracker.public.views.commitments import commitment_detail, commitment_list, filter_names
from tracker.public.views.dashboard import dashboard
from tracker.public.views.decisions import decision_detail, decision_list
from tracker.public.views.districts import district, my_district
from tracker.public.views.jurisdictions import jurisdiction_detail
from tracker.public.views.offices import office_comparison_csv, office_detail
from tracker.public.views.people import person_comparison_csv, person_detail

__all__ = [
    "accountability",
    "accountability_csv",
    "archived_content",
    "archived_copy",
    "archived_warc",
    "changes",
    "commitment_detail",
    "commitment_list",
    "filter_names",
    "dashboard",
    "decision_detail",
    "decision_list",
    "district",
    "jurisdiction_detail",
    "jurisdiction_list",
    "my_district",
    "office_list",
    "office_comparison_csv",
    "office_detail",
    "person_comparison_csv",
    "person_list",
    "person_detail",
]
