"""Background task: the daily reminder and escalation run (``rights_deadlines`` does the
same from cron)."""

from django_tasks import task

from rights import actions


@task()
def remind_and_escalate_tickets() -> dict:
    return actions.tickets_remind_and_escalate()
