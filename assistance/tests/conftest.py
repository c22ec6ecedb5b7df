import pytest

from assistance.tests.helpers import TODAY


@pytest.fixture
def today(time_machine):
    """A fixed working Monday, so notice periods are predictable."""
    time_machine.move_to(TODAY)
    return TODAY
