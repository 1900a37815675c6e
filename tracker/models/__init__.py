from .commitments import Commitment, CommitmentOwner, CommitmentSource, Movement, StatusChange
from .decisions import Decision, DecisionCommitment, DecisionSource
from .editors import EditingOrganisation, Membership
from .people import Office, Person, Tenure
from .places import Jurisdiction, Organization
from .public_revisions import PublicRevision
from .tips import Tip, TipKind, TipStatus

__all__ = [
    "Commitment",
    "CommitmentOwner",
    "CommitmentSource",
    "Decision",
    "DecisionCommitment",
    "DecisionSource",
    "EditingOrganisation",
    "Jurisdiction",
    "Membership",
    "Movement",
    "Office",
    "Organization",
    "Person",
    "PublicRevision",
    "StatusChange",
    "Tenure",
    "Tip",
    "TipKind",
    "TipStatus",
]
