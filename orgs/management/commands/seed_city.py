"""``manage.py seed_city``: generate a deterministic synthetic city for demos and load tests."""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.seeding import SeedContext, flush_seeded_data, generators, run_generators
from orgs.models import Org


class Command(BaseCommand):
    help = (
        "Generate a synthetic city (org tree, enterprises, unions, demo users, and whatever "
        "other apps contribute in their seed.py). The same --seed gives the same data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--members",
            type=int,
            default=20000,
            help="Target number of members; sizes the data (enterprises = max(2000, N // 8)).",
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (successfully) when any organisation already exists.",
        )
        parser.add_argument(
            "--flush",
            action="store_true",
            help="Delete all organisations, everything that depends on them and the demo "
            "users before seeding.",
        )

    def handle(self, *args, members, seed, if_empty, flush, **options):
        if members < 0:
            raise CommandError("--members must not be negative.")
        existing = Org.objects.count()
        if existing and if_empty:
            self.stdout.write(
                f"{existing} organisations already exist; skipping seed_city (--if-empty)."
            )
            return
        if existing and not flush:
            raise CommandError(
                f"The database already has {existing} organisations. Use --flush to replace "
                "them with a fresh synthetic city, or --if-empty to skip seeding."
            )
        names = ", ".join(g.name for g in generators())
        self.stdout.write(f"Seeding city: members={members} seed={seed}; generators: {names}")
        ctx = SeedContext(rng=random.Random(seed), members=members, seed=seed, stdout=self.stdout)
        started = time.perf_counter()
        with transaction.atomic():
            if flush:
                self.stdout.write("Flushing existing data …")
                flush_seeded_data(ctx)
            run_generators(ctx)
        self.stdout.write(self.style.SUCCESS(f"Seeded in {time.perf_counter() - started:.1f}s."))
        logins = ctx.data.get("demo_logins")
        if logins:
            from orgs.seed import format_logins

            self.stdout.write("\nDemo logins:\n" + format_logins(logins))
