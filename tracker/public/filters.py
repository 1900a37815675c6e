"""The filters of the commitment list (the same names as the search URL of docs/reference.md)."""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tracker.models.querysets import descendant_ids
from tracker.models.vocabulary import CommitmentStatus, JurisdictionTier, OfficeKind, OwnershipRole, Sector
from tracker.public import names


def _with_any(choices):
    return [("", _("Any")), *choices]


# The filters a reader looks for first: shown at once; the others sit under "More filters".
COMMON_FILTERS = ("jurisdiction", "status", "sector", "owner")


# The filters' fields as a list with no filter filled in shows them, {(part, language): HTML}: the same on
# every such page (choices from the vocabulary, labels from the catalogue), and 23 fields through Django's
# widget templates were a third of the list's time. Never anything a reader typed.
_UNFILLED_FIELDS = {}

# A date picker on phones and in every current browser; the value is YYYY-MM-DD either way. Each form
# field gets its own copy of the widget (Django's Field copies it). Who delivers' form uses it too.
DATE_PICKER = forms.DateInput(attrs={"type": "date"})


class CommitmentFilterForm(forms.Form):
    field_order = [*COMMON_FILTERS, "overdue", "office_kind"]
    status = forms.ChoiceField(label=_("Status"), choices=_with_any(CommitmentStatus.choices), required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=_with_any(Sector.choices), required=False)
    jurisdiction = forms.CharField(label=_("Place"), required=False, max_length=120)
    office_kind = forms.ChoiceField(
        label=_("Kind of office that owns it"), choices=_with_any(OfficeKind.choices), required=False
    )
    owner = forms.CharField(label=_("Office that owns it"), required=False, max_length=120)
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)
    # The filters the accountability page links with (see tracker/public/delivery.py): each figure
    # there lists exactly the commitments it counts.
    owner_role = forms.ChoiceField(
        label=_("Role of that owner"),
        choices=_with_any(OwnershipRole.choices),
        required=False,
    )
    made_by_kind = forms.ChoiceField(
        label=_("Promised by"), choices=_with_any([*OfficeKind.choices, ("none", _("Not recorded"))]), required=False
    )
    due_from = forms.DateField(label=_("Due on or after"), required=False, widget=DATE_PICKER)
    due_to = forms.DateField(label=_("Due on or before"), required=False, widget=DATE_PICKER)
    council = forms.ChoiceField(
        label=_("Due while the council was"),
        choices=_with_any([("elected", _("Elected")), ("administrator", _("Run by an administrator"))]),
        required=False,
    )
    moved_to_kind = forms.ChoiceField(
        label=_("Passed at some point to an office of kind"), choices=_with_any(OfficeKind.choices), required=False
    )
    counted = forms.BooleanField(label=_("Leave out withdrawn"), required=False)
    open = forms.BooleanField(label=_("Only not started or in progress"), required=False)
    delay = forms.BooleanField(label=_("Only finished ones and those still open after their deadline"), required=False)
    # The filters of the office and person pages' comparisons (tracker/public/peers.py).
    owner_tier = forms.ChoiceField(
        label=_("Level of government of that owner"),
        choices=_with_any(JurisdictionTier.choices),
        required=False,
    )
    held_by = forms.CharField(label=_("Owned while this person held its office"), required=False, max_length=120)
    held_kind = forms.ChoiceField(
        label=_("Owned by offices of kind (while held)"), choices=_with_any(OfficeKind.choices), required=False
    )
    held_tier = forms.ChoiceField(
        label=_("Owned by offices at level (while held)"),
        choices=_with_any(JurisdictionTier.choices),
        required=False,
    )
    during = forms.ChoiceField(
        label=_("What happened while it was held"),
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

    # The figures of a person's scorecard (tracker/public/scorecards.py): the person, one of their
    # tenures (or all of them), and the column.
    scorecard = forms.CharField(label=_("Counted in the scorecard of (a person)"), required=False, max_length=120)
    tenure = forms.IntegerField(label=_("Which of their postings (1 for the first)"), required=False, min_value=1)
    scored = forms.ChoiceField(
        label=_("Scorecard figure"),
        choices=_with_any(
            [
                ("owned", _("Owned")),
                ("delivered", _("Delivered")),
                ("broken", _("Broken")),
                ("overdue", _("Overdue")),
                ("inherited", _("Inherited overdue")),
            ]
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Field name -> [(name, link)]: the "did you mean" choices for a name that matched nothing.
        self.suggestions = {}
        for name, placeholder in (("jurisdiction", _("A place, e.g. Quetta")), ("owner", _("An office's name"))):
            self.fields[name].widget.attrs.update(
                {"list": f"{name}-names", "autocomplete": "off", "placeholder": placeholder}
            )

    def _named(self, field_name, kind):
        """The published record that the field's name or slug names, or a clear error with the closest names."""
        value = self.cleaned_data[field_name]
        if not value:
            return None
        found = names.find(kind, value)
        if found.record is None:
            links = [(name, self.link_with(field_name, slug)) for name, slug in found.suggestions]
            self.suggestions[field_name] = links
            raise forms.ValidationError(found.message)
        return found.record

    def did_you_mean(self):
        """[(field label, [(name, link)])] for the fields whose names matched nothing."""
        return [(self[name].label, choices) for name, choices in self.suggestions.items() if choices]

    def common_fields(self):
        return [self[name] for name in COMMON_FILTERS]

    def more_fields(self):
        return [field for field in self if field.name not in COMMON_FILTERS]

    def common_fields_html(self):
        return self._fields_html("common", self.common_fields)

    def more_fields_html(self):
        return self._fields_html("more", self.more_fields)

    def _fields_html(self, part, fields):
        """The fields, each as components/filter_field.html shows it; made once per language while no
        filter is filled in (the list unfiltered, or another page of it)."""
        if any(name in self.data for name in self.fields):
            return _fields_rendered(fields())
        key = (part, get_language())
        if key not in _UNFILLED_FIELDS:
            _UNFILLED_FIELDS[key] = _fields_rendered(fields())
        return _UNFILLED_FIELDS[key]

    def more_in_use(self):
        """Whether a filter under "More filters" has a value (it is then shown open)."""
        return any(self.data.get(field.name) for field in self.more_fields())

    def link_without(self, field_name):
        """This list's address without one filter (back to page 1)."""
        params = self._kept_params()
        params.pop(field_name, None)
        return "?" + params.urlencode() if params else "?"

    def _kept_params(self):
        params = self.data.copy()
        for key in list(params):
            if key == "page" or not any(params.getlist(key)):
                del params[key]  # the empty fields a submitted form sends, and the page
        return params

    def link_with(self, field_name, value):
        """This list's address with one filter set to `value` (back to page 1)."""
        params = self._kept_params()
        params[field_name] = value
        return "?" + params.urlencode()

    def clean_jurisdiction(self):
        return self._named("jurisdiction", "place")

    def clean_held_by(self):
        return self._named("held_by", "person")

    def clean_owner(self):
        return self._named("owner", "office")

    def clean_scorecard(self):
        return self._named("scorecard", "person")

    def clean(self):
        data = super().clean()
        if (data.get("tenure") or data.get("scored")) and not data.get("scorecard") and "scorecard" not in self.errors:
            self.add_error("scorecard", _("Say whose scorecard: a person's name."))
        return data

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
    if data.get("scorecard"):
        from tracker.public.scorecards import scored_commitments

        ids = scored_commitments(data["scorecard"], data.get("scored") or "owned", today, data.get("tenure"))
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


def _fields_rendered(fields):
    field_template = get_template("components/filter_field.html")
    return mark_safe("".join(field_template.render({"field": field}) for field in fields))  # noqa: S308
