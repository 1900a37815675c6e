"""One moderation workflow instead of two. Wagtail makes "Moderators approval" for pages when it is
installed, and tracker/admin/moderation.py makes "Moderation" for the records; editors saw both and
wondered which applied. Wagtail's is merged into ours: its pages, content types and every workflow and
task state (in progress, waiting for changes or finished) move to "Moderation" and its review task,
so nothing waiting for a moderator is lost; then it is deleted. On a new database, where "Moderation"
does not exist yet, Wagtail's is renamed to it (migrate then adds the records to it)."""

from django.db import migrations

WAGTAILS = "Moderators approval"
OURS = "Moderation"
OUR_TASK = "Review by a moderator"


def merge_workflows(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    theirs = Workflow.objects.filter(name=WAGTAILS).first()
    if theirs is None:
        return
    ours = Workflow.objects.filter(name=OURS).first()
    if ours is None:
        _rename(apps, theirs)
        return
    our_tasks = [link.task_id for link in WorkflowTask.objects.filter(workflow=ours).order_by("sort_order")]
    their_tasks = [link.task_id for link in WorkflowTask.objects.filter(workflow=theirs).order_by("sort_order")]
    if not our_tasks:
        for link in WorkflowTask.objects.filter(workflow=theirs):
            link.workflow = ours
            link.save(update_fields=["workflow"])
        our_tasks = their_tasks
    moved = {task: our_tasks[min(i, len(our_tasks) - 1)] for i, task in enumerate(their_tasks)}
    states = apps.get_model("wagtailcore", "WorkflowState").objects.filter(workflow=theirs)
    task_states = apps.get_model("wagtailcore", "TaskState").objects.filter(workflow_state__in=states)
    for old, new in moved.items():
        if old != new:
            task_states.filter(task_id=old).update(task_id=new)
    states.update(workflow=ours)
    apps.get_model("wagtailcore", "WorkflowPage").objects.filter(workflow=theirs).update(workflow=ours)
    apps.get_model("wagtailcore", "WorkflowContentType").objects.filter(workflow=theirs).update(workflow=ours)
    WorkflowTask.objects.filter(workflow=theirs).delete()
    theirs.delete()
    _delete_unused_tasks(apps, [task for task in their_tasks if task not in our_tasks])


def _rename(apps, workflow):
    workflow.name = OURS
    workflow.save(update_fields=["name"])
    links = apps.get_model("wagtailcore", "WorkflowTask").objects.filter(workflow=workflow)
    Task = apps.get_model("wagtailcore", "Task")
    tasks = Task.objects.filter(pk__in=links.values("task_id"))
    if tasks.count() == 1 and not Task.objects.filter(name=OUR_TASK).exists():
        tasks.update(name=OUR_TASK)


def _delete_unused_tasks(apps, task_ids):
    """Wagtail's review task, once no workflow and no task state uses it."""
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for task in Task.objects.filter(pk__in=task_ids):
        if task.workflow_tasks.exists() or task.task_states.exists():
            continue
        GroupApprovalTask.objects.filter(task_ptr_id=task.pk).delete()
        Task.objects.filter(pk=task.pk).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0007_signed_digests"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(merge_workflows, migrations.RunPython.noop)]
