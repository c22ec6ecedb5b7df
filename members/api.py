from rest_framework import serializers

from api.viewsets import ScopedSerializerMixin, ScopedWritableViewSet
from members import actions
from members.filtersets import MemberFilterSet
from members.models import Member
from orgs.models import Enterprise, Org


class MemberSerializer(ScopedSerializerMixin, serializers.ModelSerializer):
    """Personal data is masked in every response; the plain values are write-only."""

    id_number = serializers.CharField(write_only=True, required=False, allow_blank=True)
    phone = serializers.CharField(write_only=True, required=False, allow_blank=True)
    org = serializers.PrimaryKeyRelatedField(queryset=Org.objects.all())
    enterprise = serializers.PrimaryKeyRelatedField(
        queryset=Enterprise.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Member
        fields = [
            "id",
            "name",
            "id_number",
            "id_number_masked",
            "phone",
            "phone_masked",
            "gender",
            "birth_date",
            "ethnicity",
            "education",
            "political_status",
            "household_type",
            "is_migrant_worker",
            "employment_form",
            "employment_status",
            "skill_level",
            "org",
            "enterprise",
            "joined_on",
            "card_number",
            "status",
        ]
        read_only_fields = [
            "id_number_masked",
            "phone_masked",
            "gender",
            "birth_date",
            "is_migrant_worker",
            "status",
        ]
        extra_kwargs = {"card_number": {"required": False, "allow_blank": True, "validators": []}}


class MemberViewSet(ScopedWritableViewSet):
    queryset = Member.objects.select_related("org", "enterprise")
    serializer_class = MemberSerializer
    filterset_class = MemberFilterSet
    ordering_fields = ["name_pinyin", "joined_on", "card_number"]
    ordering = ["name_pinyin", "id"]

    def perform_create(self, serializer):
        serializer.instance = actions.member_create(
            actor=self.request.user, data=dict(serializer.validated_data)
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("org", None)
        serializer.instance = actions.member_update(
            actor=self.request.user, member=serializer.instance, data=data
        )
