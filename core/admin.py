from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import AuditEntry, CalendarDay, RoleAssignment
from core.workdays import uncovered_years


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ("date", "is_workday", "name")
    list_filter = ("is_workday",)
    date_hierarchy = "date"
    search_fields = ("name",)

    def changelist_view(self, request, extra_context=None):
        # Warn while the installed holiday library lags behind the calendar: for such years
        # only this table tells weekends and holidays apart from the weekday rule.
        this_year = timezone.localdate().year
        for year in uncovered_years([this_year, this_year + 1]):
            messages.warning(
                request,
                _(
                    "The holiday library does not know the year %(year)s: working days in "
                    "that year follow the weekday rule (Monday to Friday) plus this table. "
                    "Add that year's holidays and adjusted working days here."
                )
                % {"year": str(year)},
            )
        return super().changelist_view(request, extra_context)


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "org", "role", "created_at")
    list_filter = ("role",)
    list_select_related = ("user", "org")
    raw_id_fields = ("org", "user")
    search_fields = ("user__username", "org__name")


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log is append-only: the admin may read it, never write to it."""

    list_display = ("at", "actor_name", "action", "object_repr")
    list_filter = ("action",)
    search_fields = ("object_repr", "actor_name")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
