from tracker.models.archives import ArchivedCopy
from tracker.models.commitments import Commitment, CommitmentOwner, CommitmentSource, Movement, StatusChange
from tracker.models.decisions import Decision, DecisionCommitment, DecisionSource
from tracker.models.digests import SignedDigest
from tracker.models.editors import EditingOrganisation, Membership
from tracker.models.following import DigestRun, Follow, Follower, SendCursor, Webhook, WebhookDelivery
from tracker.models.people import Office, Person, Tenure
from tracker.models.places import Jurisdiction, Organization
from tracker.models.public_revisions import PublicRevision
from tracker.models.purges import PurgeRequest
from tracker.models.summaries import PublicSummary
from tracker.models.tips import Tip, TipKind, TipStatus
from tracker.models.transparency_log import (
    Checkpoint,
    CheckpointTimestamp,
    LogNode,
    TimestampAuthorityState,
    WitnessCosignature,
    WitnessState,
)

__all__ = [
    "ArchivedCopy",
    "Checkpoint",
    "CheckpointTimestamp",
    "LogNode",
    "TimestampAuthorityState",
    "Commitment",
    "CommitmentOwner",
    "CommitmentSource",
    "Decision",
    "DigestRun",
    "DecisionCommitment",
    "DecisionSource",
    "EditingOrganisation",
    "Follow",
    "Follower",
    "Jurisdiction",
    "Membership",
    "Movement",
    "Office",
    "Organization",
    "Person",
    "PublicRevision",
    "PublicSummary",
    "PurgeRequest",
    "SignedDigest",
    "StatusChange",
    "Tenure",
    "SendCursor",
    "Tip",
    "TipKind",
    "TipStatus",
    "Webhook",
    "WebhookDelivery",
    "WitnessCosignature",
    "WitnessState",
]
