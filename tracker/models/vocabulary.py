"""The vocabulary of docs/reference.md: values are stable public identifiers, labels are what users read."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CommitmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    STALLED = "stalled", _("Stalled")
    PARTIALLY_DELIVERED = "partially_delivered", _("Partially delivered")
    DELIVERED = "delivered", _("Delivered")
    BROKEN = "broken", _("Broken")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @classmethod
    def terminal(cls):
        """Statuses after which a commitment can no longer be overdue."""
        return {cls.DELIVERED, cls.PARTIALLY_DELIVERED, cls.BROKEN, cls.WITHDRAWN}


class OfficeKind(models.TextChoices):
    ELECTED = "elected", _("Elected")
    APPOINTED = "appointed", _("Appointed")
    ADMINISTRATOR = "administrator", _("Administrator")


class OwnershipRole(models.TextChoices):
    POLITICAL = "political", _("Political owner")
    ADMINISTRATIVE = "administrative", _("Administrative owner")
    SUPPORTING = "supporting", _("Supporting")


class JurisdictionTier(models.TextChoices):
    FEDERAL = "federal", _("Federal")
    PROVINCE = "province", _("Province")
    DIVISION = "division", _("Division")
    DISTRICT = "district", _("District")
    TEHSIL = "tehsil", _("Tehsil")
    UNION_COUNCIL = "union_council", _("Union council")


class OrganizationKind(models.TextChoices):
    DEPARTMENT = "department", _("Department")
    SECRETARIAT = "secretariat", _("Secretariat")
    ASSEMBLY = "assembly", _("Assembly")
    CABINET = "cabinet", _("Cabinet")
    COUNCIL = "council", _("Local council")
    DISTRICT_ADMINISTRATION = "district_administration", _("District administration")
    AUTHORITY = "authority", _("Authority or company")


class TenureStart(models.TextChoices):
    """How a person came to hold an office."""

    ELECTED = "elected", _("Elected")
    BY_ELECTION = "by_election", _("By-election")
    POSTED = "posted", _("Posted")
    TRANSFERRED = "transferred", _("Transferred in")
    ADDITIONAL_CHARGE = "additional_charge", _("Additional charge")
    ACTING = "acting", _("Acting")
    APPOINTED_ADMINISTRATOR = "appointed_administrator", _("Appointed administrator")

    @classmethod
    def temporary(cls):
        """Ways of holding an office that may overlap another holder's tenure."""
        return {cls.ADDITIONAL_CHARGE, cls.ACTING}


class TenureEnd(models.TextChoices):
    TERM_ENDED = "term_ended", _("Term ended")
    TRANSFERRED = "transferred", _("Transferred out")
    RESIGNED = "resigned", _("Resigned")
    REMOVED = "removed", _("Removed")
    RETIRED = "retired", _("Retired")
    DIED = "died", _("Died")
    COUNCIL_LAPSED = "council_lapsed", _("Council lapsed")
    CHARGE_ENDED = "charge_ended", _("Charge ended")


class Sector(models.TextChoices):
    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health")
    WATER_SANITATION = "water_sanitation", _("Water and sanitation")
    E_GOVERNANCE = "e_governance", _("E-governance")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    ROADS_TRANSPORT = "roads_transport", _("Roads and transport")
    FINANCE = "finance", _("Public finance")


class DecisionKind(models.TextChoices):
    NOTIFICATION = "notification", _("Notification")
    CABINET_DECISION = "cabinet_decision", _("Cabinet decision")
    COUNCIL_RESOLUTION = "council_resolution", _("Council resolution")
    BUDGET_ALLOCATION = "budget_allocation", _("Budget allocation")
    COURT_ORDER = "court_order", _("Court order")


class TakedownReason(models.TextChoices):
    """Why a record was taken down, shown with its public notice wherever it is withheld (its pages' 410, other
    records' revisions naming it, the log's tombstones, the API). Empty on takedowns made before categories."""

    COURT_ORDER = "court_order", _("Court order")
    PRIVATE_PERSON = "private_person", _("Privacy of a private person")
    PERSONAL_SAFETY = "personal_safety", _("Personal safety")
    DEFAMATION = "defamation", _("Defamation ruling")
    COPYRIGHT = "copyright", _("Copyright")
    MISTAKEN_IDENTITY = "mistaken_identity", _("Error of identity")


class SourceKind(models.TextChoices):
    """What a source is, in the order of the methodology's ranking (tracker/models/evidence.py ranks them and
    says which can prove delivery). Empty on sources entered before kinds existed: "not graded"."""

    NOTIFICATION = "notification", _("Official notification or gazette")
    AUDIT_REPORT = "audit_report", _("Audit report (Auditor-General of Pakistan)")
    COURT_ORDER = "court_order", _("Court order")
    FINANCE_ACCOUNTS = "finance_accounts", _("Finance accounts")
    RTI_REPLY = "rti_reply", _("Reply under a right-to-information law")
    DEPARTMENT_WEBSITE = "department_website", _("Department's own website or dashboard")
    NEWS_REPORT = "news_report", _("News report")
    CITIZEN_TIP = "citizen_tip", _("Verified citizen tip")
    PLAN_OR_BUDGET = "plan_or_budget", _("Planning or budget document (PC-1, ADP, budget book)")
    PRESS_RELEASE = "press_release", _("Press release")
    ANNOUNCEMENT = "announcement", _("Announcement or speech")
    INAUGURATION = "inauguration", _("Inauguration or foundation stone")
