from .commitments import commitment_detail, commitment_list
from .dashboard import dashboard
from .decisions import decision_detail, decision_list
from .jurisdictions import jurisdiction_detail
from .offices import office_detail
from .people import person_detail

__all__ = [
    "commitment_detail",
    "commitment_list",
    "dashboard",
    "decision_detail",
    "decision_list",
    "jurisdiction_detail",
    "office_detail",
    "person_detail",
]
