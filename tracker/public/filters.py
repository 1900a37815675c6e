"""The filters of the commitment list (the same names as the search URL of docs/reference.md)."""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.models.querysets import descendant_ids
from tracker.models.vocabulary import CommitmentStatus, JurisdictionTier, OfficeKind, OwnershipRole, Sector


def _with_any(choices):
    return [("", _("Any")), *choices]


class CommitmentFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=_with_any(CommitmentStatus.choices), required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=_with_any(Sector.choices), required=False)
    jurisdiction = forms.CharField(label=_("Place"), required=False, max_length=120)
    office_kind = forms.ChoiceField(label=_("Owner kind"), choices=_with_any(OfficeKind.choices), required=False)
    owner = forms.CharField(label=_("Owner office"), required=False, max_length=120)
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)
    # The filters the accountability page links with (see tracker/public/delivery.py): each figure
    # there lists exactly the commitments it counts.
    owner_role = forms.ChoiceField(
        label=_("Owner role (with the owner kind: the same owner)"),
        choices=_with_any(OwnershipRole.choices),
        required=False,
    )
    made_by_kind = forms.ChoiceField(
        label=_("Made by"), choices=_with_any([*OfficeKind.choices, ("none", _("Not recorded"))]), required=False
    )
    due_from = forms.DateField(label=_("Due from"), required=False)
    due_to = forms.DateField(label=_("Due until"), required=False)
    council = forms.ChoiceField(
        label=_("Due while the council was"),
        choices=_with_any([("elected", _("Elected")), ("administrator", _("Run by an administrator"))]),
        required=False,
    )
    moved_to_kind = forms.ChoiceField(
        label=_("Next step went to"), choices=_with_any(OfficeKind.choices), required=False
    )
    counted = forms.BooleanField(label=_("Leave out withdrawn"), required=False)
    open = forms.BooleanField(label=_("Only not started or in progress"), required=False)
    delay = forms.BooleanField(label=_("Only those with a delay measured"), required=False)
    # The filters of the office and person pages' comparisons (tracker/public/peers.py).
    owner_tier = forms.ChoiceField(
        label=_("Owner's tier (with the owner kind: the same owner)"),
        choices=_with_any(JurisdictionTier.choices),
        required=False,
    )
    held_by = forms.CharField(label=_("Owned while this person held the office"), required=False, max_length=120)
    held_kind = forms.ChoiceField(
        label=_("Owned during a tenure of an office of kind"), choices=_with_any(OfficeKind.choices), required=False
    )
    held_tier = forms.ChoiceField(
        label=_("Owned during a tenure of an office at tier"),
        choices=_with_any(JurisdictionTier.choices),
        required=False,
    )
    during = forms.ChoiceField(
        label=_("What happened during the tenures"),
        choices=_with_any(
            [
                ("owned", _("Owned (withdrawn left out)")),
                ("delivered", _("Delivered")),
                ("broken", _("Broken")),
                ("overdue", _("Overdue")),
                ("withdrawn", _("Withdrawn")),
            ]
        ),
        required=False,
    )

    def clean_jurisdiction(self):
        from tracker.models import Jurisdiction

        slug = self.cleaned_data["jurisdiction"]
        if not slug:
            return None
        place = Jurisdiction.objects.published().filter(slug=slug).first()
        if place is None:
            raise forms.ValidationError(_("No place called “%(slug)s” is tracked.") % {"slug": slug})
        return place

    def clean_held_by(self):
        from tracker.models import Person

        slug = self.cleaned_data["held_by"]
        if not slug:
            return None
        person = Person.objects.published().filter(slug=slug).first()
        if person is None:
            raise forms.ValidationError(_("No person called “%(slug)s” is tracked.") % {"slug": slug})
        return person

    def clean_owner(self):
        from tracker.models import Office

        slug = self.cleaned_data["owner"]
        if not slug:
            return None
        office = Office.objects.published().filter(slug=slug).first()
        if office is None:
            raise forms.ValidationError(_("No office called “%(slug)s” is tracked.") % {"slug": slug})
        return office

    def filter(self, commitments):
        data = self.cleaned_data if self.is_bound else {}
        if data.get("status"):
            commitments = commitments.filter(status=data["status"])
        if data.get("sector"):
            commitments = commitments.filter(sector=data["sector"])
        if data.get("jurisdiction"):
            commitments = commitments.filter(jurisdiction_id__in=descendant_ids(data["jurisdiction"]))
        # EXISTS, not a join: a join repeats a commitment per owner, and .distinct() would make the list
        # sort and count every matching row instead of walking the deadline index.
        if data.get("owner_role") or data.get("owner_tier") or data.get("office_kind"):
            owners = owners_matching(data.get("owner_role"), data.get("office_kind"), data.get("owner_tier"))
            commitments = commitments.filter(Exists(owners.filter(commitment=OuterRef("pk"))))
        if data.get("owner"):
            owners = owners_matching().filter(office=data["owner"], commitment=OuterRef("pk"))
            commitments = commitments.filter(Exists(owners))
        if data.get("overdue"):
            commitments = commitments.overdue(timezone.localdate())
        return accountability_filters(commitments, data)


def owners_matching(role=None, kind=None, tier=None):
    """The owners in `role` (of `kind`, in an organisation of a jurisdiction of `tier`; each when given)
    whose office the public may see."""
    from tracker.models import CommitmentOwner, Office

    offices = Office.objects.published()
    if kind:
        offices = offices.filter(kind=kind)
    if tier:
        offices = offices.filter(organization__jurisdiction__tier=tier)
    owners = CommitmentOwner.objects.filter(office__in=offices)
    return owners.filter(role=role) if role else owners


def accountability_filters(commitments, data):
    """The filters of the accountability page's links, as tracker/public/delivery.py counts."""
    from tracker.models import Movement, Office, StatusChange
    from tracker.public import council_periods

    S = CommitmentStatus
    today = timezone.localdate()
    if data.get("made_by_kind") == "none":
        commitments = commitments.exclude(made_by_office__in=Office.objects.published())
    elif data.get("made_by_kind"):
        commitments = commitments.filter(
            made_by_office__in=Office.objects.published().filter(kind=data["made_by_kind"])
        )
    if data.get("due_from"):
        commitments = commitments.filter(deadline__gte=data["due_from"])
    if data.get("due_to"):
        commitments = commitments.filter(deadline__lte=data["due_to"])
    if data.get("council"):
        found = council_periods.councils(today)
        tree = council_periods.place_tree()
        subtrees = {c.jurisdiction_id: council_periods.under(tree, c.jurisdiction_id) for c in found}
        commitments = commitments.filter(council_periods.period_q(data["council"], found, subtrees))
    if data.get("moved_to_kind"):
        moved = Movement.objects.filter(office__in=Office.objects.published().filter(kind=data["moved_to_kind"]))
        commitments = commitments.filter(pk__in=moved.values("commitment_id"))
    if data.get("held_by") or data.get("held_kind") or data.get("held_tier") or data.get("during"):
        from tracker.public.peers import held_commitments

        ids = held_commitments(
            data.get("during") or "owned",
            today,
            kind=data.get("held_kind"),
            tier=data.get("held_tier"),
            person=data.get("held_by"),
        )
        commitments = commitments.filter(pk__in=sorted(ids))
    if data.get("counted"):
        commitments = commitments.exclude(status=S.WITHDRAWN)
    if data.get("open"):
        commitments = commitments.filter(status__in=[S.NOT_STARTED, S.IN_PROGRESS])
    if data.get("delay"):
        closed = StatusChange.objects.filter(to_status__in=S.terminal()).values("commitment_id")
        commitments = commitments.filter(deadline__isnull=False).filter(
            Q(status__in=[S.DELIVERED, S.PARTIALLY_DELIVERED], pk__in=closed)
            | (Q(deadline__lt=today) & ~Q(status__in=S.terminal()))
        )
    return commitments
