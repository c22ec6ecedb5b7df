from django.contrib import admin

from rights.models import DisputeCase, Lawyer, LegalAidCase, Ticket


class ReadOnlyAdmin(admin.ModelAdmin):
    """Changes go through the actions (state machine, audit); the admin only reads."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Ticket)
class TicketAdmin(ReadOnlyAdmin):
    list_display = ("id", "subject", "org", "kind", "category", "status", "due_on")
    list_filter = ("status", "kind", "category", "is_group")


@admin.register(LegalAidCase)
class LegalAidCaseAdmin(ReadOnlyAdmin):
    list_display = ("id", "caller_name", "org", "category", "status", "submitted_on")
    list_filter = ("status", "category")


@admin.register(DisputeCase)
class DisputeCaseAdmin(ReadOnlyAdmin):
    list_display = ("id", "workers", "org", "category", "status", "registered_on")
    list_filter = ("status", "outcome")


@admin.register(Lawyer)
class LawyerAdmin(ReadOnlyAdmin):
    list_display = ("name", "firm", "org", "kind", "is_active")
