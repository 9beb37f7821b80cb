from django_tasks import task

from .reminders import send_deadline_reminders


@task()
def deadline_reminders() -> int:
    return send_deadline_reminders()
