"""Debian's headless Chromium, driven by selenium, as a phone's browser on 127.0.0.1.

Without chromium and chromedriver the browser tests skip, saying why; under CI (CI=true) they
fail instead, since `.ci/run` installs both.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

CHROMIUM = ("chromium", "chromium-browser")
WAIT_SECONDS = 10.0


def chromium_paths() -> tuple[str, str] | None:
    """Where chromium and chromedriver are, when both are installed."""
    browser = next((path for name in CHROMIUM if (path := shutil.which(name))), None)
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def chrome() -> Iterator[webdriver.Chrome]:
    """One headless Chromium with a phone-sized window for the module's tests."""
    paths = chromium_paths()
    if paths is None:
        reason = "Debian's chromium and chromium-driver are not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; .ci/run installs them with apt")
        pytest.skip(f"{reason} (apt-get install -y chromium chromium-driver)")
    options = Options()
    options.binary_location = paths[0]
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=412,900",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=paths[1]))
    driver.set_page_load_timeout(WAIT_SECONDS * 2)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver: webdriver.Chrome, condition: Callable[[webdriver.Chrome], object]) -> object:
    """Wait until `condition` gives something true (bounded)."""
    return WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.05).until(condition)


def by_id(driver: webdriver.Chrome, element_id: str) -> WebElement:
    return driver.find_element(By.ID, element_id)


def text_of(driver: webdriver.Chrome, element_id: str) -> str:
    return str(by_id(driver, element_id).text)


def row(driver: webdriver.Chrome, request_id: str) -> WebElement:
    return driver.find_element(By.CSS_SELECTOR, f'li[data-id="{request_id}"]')


def mine(driver: webdriver.Chrome, request_id: str) -> str:
    return str(row(driver, request_id).find_element(By.CLASS_NAME, "mine").text)


def press(driver: webdriver.Chrome, request_id: str, kind: str) -> None:
    """Tap + (give) or − (take) on a request's row."""
    row(driver, request_id).find_element(By.CLASS_NAME, kind).click()


def join_with_code(driver: webdriver.Chrome, url: str, department: str, code: str) -> None:
    """Open the room's address, pick a department and type its code."""
    driver.get(url)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#departments button"))
    driver.find_element(
        By.CSS_SELECTOR, f'#departments button[data-department="{department}"]'
    ).click()
    field = by_id(driver, "code")
    field.send_keys(code)
    by_id(driver, "join-button").click()
    wait_for(driver, lambda d: by_id(d, "vote").is_displayed())
