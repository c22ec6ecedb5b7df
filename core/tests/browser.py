"""Shared pieces of the Playwright journeys (Debian chromium, headless): the ``browser``
fixture (skipped locally without chromium, a failure under CI) and ``login``."""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(os.environ.get("GONGHUI_SHOTS", Path(__file__).resolve().parents[2] / "test-results"))


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian chromium is required in CI (/usr/bin/chromium)")
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls in the test
    # body are ordinary synchronous calls against the live server's database.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


# The phone viewport of the journeys a worker or a cadre makes on a phone.
PHONE = {"width": 375, "height": 812}


def no_sideways_scroll(page) -> bool:
    """The page fits the viewport's width (nothing to scroll sideways on a phone)."""
    # Measured once the web fonts are in: a line laid out in a fallback font is wider.
    return page.evaluate(
        "document.fonts.ready.then(() => document.documentElement.scrollWidth <= window.innerWidth)"
    )


def login(browser, live_server, username, viewport=None, landing="/"):
    """Sign ``username`` in through the form; waits for the page the account lands on (the
    workbench, or e.g. ``/judging/`` for a judge without a cadre role)."""
    context = browser.new_context(
        locale="zh-CN", viewport=viewport or {"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-12345678")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}{landing}")
    return page


def menu(page, name):
    """Follow the menu entry ``name``, opening its drop-down group first if it has one."""
    text = re.compile(f"^\\s*{re.escape(name)}\\s*$")
    group = page.locator("#gh-menu .dropdown").filter(
        has=page.locator("a.dropdown-item").filter(has_text=text)
    )
    if group.count():
        group.locator(".dropdown-toggle").click()
        group.locator("a.dropdown-item").filter(has_text=text).click()
    else:
        page.locator("#gh-menu a.nav-link").filter(has_text=text).first.click()


def pick(page, field_id, text):
    """Search in the search-select ``field_id`` and choose the first option showing ``text``.

    The search box sends its query through htmx, which binds it only once the page's
    deferred scripts have run: typing earlier would send nothing, so wait for the binding."""
    from playwright.sync_api import expect

    picker = page.locator(".gh-search-select", has=page.locator(f"#{field_id}"))
    box = picker.get_by_role("searchbox")
    page.wait_for_function(
        "box => box['htmx-internal-data'] !== undefined", arg=box.element_handle()
    )
    box.fill(text)
    option = page.locator(f"#{field_id} option", has_text=text).first
    expect(option).to_have_count(1)
    page.select_option(f"#{field_id}", value=option.get_attribute("value"))
