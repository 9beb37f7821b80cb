from django_tasks import task

from .rules import run_all


@task()
def daily_retention() -> int:
    return run_all()
