"""The moderation workflow every tracker record goes through (submit -> review -> publish) and the
permissions of the Editors and Moderators groups. Idempotent: runs after every migrate."""

from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from tracker.models.kinds import record_models

WORKFLOW_NAME = "Moderation"
TASK_NAME = "Review by a moderator"
# Editors lock a record while they work on it; they may unlock their own locks only.
EDITOR_ACTIONS = ("add", "change", "view", "lock")
MODERATOR_ACTIONS = ("add", "change", "view", "delete", "publish", "lock", "unlock")
# Citizen tips: moderators review them and see the sender's contact; editors may read the queue.
EDITOR_TIP_PERMISSIONS = ("view_tip",)
MODERATOR_TIP_PERMISSIONS = ("view_tip", "change_tip", "delete_tip", "see_tip_contact")


def record_content_types():
    return [ContentType.objects.get_for_model(model) for model in record_models()]


def ensure_moderation(**kwargs):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

    # After a flush the cached content types point at rows that no longer exist.
    ContentType.objects.clear_cache()
    editors, _ = Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    editors.permissions.add(*admin_access)
    moderators.permissions.add(*admin_access)

    content_types = record_content_types()
    for content_type in content_types:
        model = content_type.model
        editors.permissions.add(*_permissions(content_type, model, EDITOR_ACTIONS))
        moderators.permissions.add(*_permissions(content_type, model, MODERATOR_ACTIONS))

    editors.permissions.add(*_tracker_permissions(EDITOR_TIP_PERMISSIONS))
    moderators.permissions.add(*_tracker_permissions(MODERATOR_TIP_PERMISSIONS))
    # Moderators may hand a record over to another editing organisation (tracker/publishing/permissions.py).
    moderators.permissions.add(*_tracker_permissions(("assign_records",)))

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=TASK_NAME)
            task.groups.set([moderators])
        # Saved directly: the cluster manager of `workflow.workflow_tasks` would only hold it in memory.
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for content_type in content_types:
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})


def _permissions(content_type, model, actions):
    # Created here when missing: Wagtail adds the publish/lock ones after every app has migrated,
    # which is later than this runs on a fresh database.
    verbose = content_type.model_class()._meta.verbose_name_raw
    return [
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {verbose}"}
        )[0]
        for action in actions
    ]


# Permissions of models that are not records: created here when missing, for the same reason as above.
TRACKER_PERMISSION_MODELS = {
    "view_tip": ("tip", "Can view citizen tip"),
    "change_tip": ("tip", "Can change citizen tip"),
    "delete_tip": ("tip", "Can delete citizen tip"),
    "see_tip_contact": ("tip", "Can see the contact e-mail of a citizen tip"),
    "assign_records": ("editingorganisation", "Can choose which editing organisation maintains a record"),
}


def _tracker_permissions(codenames):
    permissions = []
    for codename in codenames:
        model, name = TRACKER_PERMISSION_MODELS[codename]
        content_type = ContentType.objects.get_for_model(global_apps.get_model("tracker", model))
        permissions.append(
            Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]
        )
    return permissions
