from io import StringIO

import pytest
from django.core.management import call_command

from orgs.choices import OrgLevel
from orgs.models import Org
from petitions.choices import PetitionStatus
from petitions.models import Petition, PetitionEvent
from petitions.seed import PER_DISTRICT

pytestmark = pytest.mark.django_db


def test_seed_city_adds_petitions_in_every_state_per_district():
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    districts = Org.objects.filter(level=OrgLevel.DISTRICT)
    assert Petition.objects.count() == PER_DISTRICT * districts.count()
    for district in districts:
        states = set(
            Petition.objects.filter(org=district).values_list("status", flat=True).distinct()
        )
        assert states == set(PetitionStatus.values)
    assert PetitionEvent.objects.filter(kind="registered").count() == Petition.objects.count()
    for p in Petition.objects.select_related("org", "handed_to"):
        assert p.caller_phone_masked.startswith("139****")
        assert p.accept_due_on > p.received_on
        if p.handed_to_id:
            assert p.handed_to.path.startswith(p.org.path)
    first = list(Petition.objects.order_by("pk").values_list("subject", "received_on"))
    call_command("seed_city", members=3000, seed=3, flush=True, stdout=StringIO())
    assert list(Petition.objects.order_by("pk").values_list("subject", "received_on")) == first
