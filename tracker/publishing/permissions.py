"""Who may do what to the tracker's records in the admin.

- An editor belongs to one editing organisation and lists, adds, edits, previews and submits only
  the records that organisation maintains. An editor with no organisation edits nothing.
- A moderator (anyone allowed to publish records of a kind) reviews, publishes and unpublishes every
  record of that kind, and may choose the maintaining organisation.
- An administrator (superuser) does everything, including managing the editing organisations.

Wagtail's generic admin views check model permissions only, so `RecordPermissionPolicy` is also
asked per record by `guard_record_view`, which wraps every admin URL that names one record.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import URLPattern
from wagtail.permission_policies import ModelPermissionPolicy

# Every per-record admin view (edit, preview, lock, history, workflow actions...) needs at least this.
RECORD_ACTION = "change"


def editing_organisation_id(user):
    """The id of the organisation `user` edits for, or None."""
    if not user.is_authenticated:
        return None
    membership = getattr(user, "editing_membership", None)
    return membership.organisation_id if membership is not None else None


def can_import(user):
    """Imports create and publish many records at once, so only moderators and administrators may
    run them (the admin import view and anything else that applies a spreadsheet call this)."""
    return bool(user.is_authenticated and user.is_active and user.has_perm("tracker.publish_commitment"))


class RecordPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, narrowed for editors to their organisation's records."""

    def reaches_every_record(self, user):
        return user.is_active and (user.is_superuser or user.has_perm(self._get_permission_name("publish")))

    def user_has_permission(self, user, action):
        if not super().user_has_permission(user, action):
            return False
        if action in ("add", "change") and not self.reaches_every_record(user):
            # Whatever an editor without an organisation made would belong to nobody.
            return editing_organisation_id(user) is not None
        return True

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        if self.reaches_every_record(user):
            return True
        organisation = editing_organisation_id(user)
        return organisation is not None and instance.maintained_by_id == organisation

    def instances_user_has_any_permission_for(self, user, actions):
        records = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return records.none()
        if self.reaches_every_record(user):
            return records
        organisation = editing_organisation_id(user)
        return records.filter(maintained_by_id=organisation) if organisation else records.none()


# People named in a refusal, of each kind (the keeping organisation's editors, the moderators).
NAMED = 3


def _people(users):
    named = [f"{u.get_full_name() or u.username}{f' <{u.email}>' if u.email else ''}" for u in users[:NAMED]]
    return ", ".join(named)


def moderators_of(model):
    """Active users who may publish records of `model` (the Moderators group), or failing any, the
    administrators: whom an editor asks about a record they may not change."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    users = get_user_model().objects.filter(is_active=True)
    codename = f"publish_{model._meta.model_name}"
    moderators = users.filter(
        Q(groups__permissions__codename=codename) | Q(user_permissions__codename=codename), is_superuser=False
    )
    found = list(moderators.distinct().order_by("username")[:NAMED])
    return found or list(users.filter(is_superuser=True).order_by("username")[:NAMED])


def refusal(user, record):
    """Why `user` (an editor) may not change `record`, and whom to ask, in plain words."""
    from tracker.models import Membership

    moderators = _people(moderators_of(type(record)))
    ask_moderator = f"a moderator ({moderators})" if moderators else "a moderator"
    if editing_organisation_id(user) is None:
        return (
            f"You do not belong to an editing organisation yet, so you cannot change “{record}”. "
            f"Ask an administrator to add you to one, or ask {ask_moderator}."
        )
    keeper = record.maintained_by
    if keeper is None:
        return (
            f"“{record}” is not kept by any editing organisation, so only moderators change it. Ask "
            f"{ask_moderator} to make the change, or to hand the record over to your organisation."
        )
    members = Membership.objects.filter(organisation=keeper, user__is_active=True).select_related("user")
    editors = _people([m.user for m in members.order_by("user__username")])
    ask_editors = f"one of its editors ({editors}) or " if editors else ""
    return (
        f"“{record}” is kept by {keeper}, not by your organisation, so you cannot open or change it. Ask "
        f"{ask_editors}{ask_moderator} to make the change, or to hand the record over to your organisation."
    )


def guard_record_view(view, policy, model):
    """Refuse a per-record admin view to a user who may not change that record: an editor is told which
    organisation keeps it and whom to ask, on the list of the records they may change."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and request.user.is_authenticated:
            record = get_object_or_404(model._default_manager.only("pk", "maintained_by"), pk=unquote(str(pk)))
            if not policy.user_has_permission_for_instance(request.user, RECORD_ACTION, record):
                editor = request.user.has_perm(f"{model._meta.app_label}.{RECORD_ACTION}_{model._meta.model_name}")
                if not editor or request.headers.get("x-requested-with") == "XMLHttpRequest":
                    raise PermissionDenied
                record = model._default_manager.select_related("maintained_by").get(pk=record.pk)
                messages.error(request, refusal(request.user, record))
                return redirect(model.snippet_viewset.get_url_name("list"))
        return view(request, *args, **kwargs)

    return guarded


def guard_urlpatterns(patterns, policy, model):
    return [
        URLPattern(p.pattern, guard_record_view(p.callback, policy, model), p.default_args, p.name)
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]


def register_record_policies(models):
    """Called before the record viewsets are registered, so that Wagtail uses these policies."""
    from wagtail.permissions import register_permission_policy

    for model in models:
        register_permission_policy(model, RecordPermissionPolicy(model), exact_class=True)
