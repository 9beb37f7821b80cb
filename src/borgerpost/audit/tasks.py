from django_tasks import task

from .log import anchor_chains


@task()
def anchor_audit_chains() -> int:
    return anchor_chains()
