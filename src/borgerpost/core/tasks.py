from django_tasks import task

from .audit import anchor_chains


@task()
def anchor_audit_chains() -> int:
    return anchor_chains()
