from .commitments import Commitment, CommitmentOwner, CommitmentSource, Movement, StatusChange
from .decisions import Decision, DecisionCommitment, DecisionSource
from .people import Office, Person, Tenure
from .places import Jurisdiction, Organization
from .public_revisions import PublicRevision

__all__ = [
    "Commitment",
    "CommitmentOwner",
    "CommitmentSource",
    "Decision",
    "DecisionCommitment",
    "DecisionSource",
    "Jurisdiction",
    "Movement",
    "Office",
    "Organization",
    "Person",
    "PublicRevision",
    "StatusChange",
    "Tenure",
]
