#!/usr/bin/env python3
"""The browser of tsheet's sign-in tests, run by `tsheet mail login` as $BROWSER with the authorization URL.

--approve (the default) drives headless Chromium through Selenium and chromedriver: it loads the consent page of
Tests/Support/oauth_server.py, clicks "Approve", and waits for tsheet's loopback page to say it has the answer.
--wrong-state first sends tsheet's loopback redirect a code and a state tsheet did not send (a forged or stale
page), then approves as --direct does. --direct approves without a browser (a POST to the consent page, then the redirect), for tests
that need a signed-in user rather than the browser step. What it did goes to --log.
"""
import argparse
import sys
import urllib.error
import urllib.parse
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("url")
parser.add_argument("--wrong-state", action="store_true")
parser.add_argument("--direct", action="store_true")
parser.add_argument("--log", required=True)
args = parser.parse_args()


def log(text):
    with open(args.log, "a") as handle:
        handle.write(text + "\n")


query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(args.url).query))
if args.wrong_state:
    target = query["redirect_uri"] + "?" + urllib.parse.urlencode({"code": "forged", "state": "not-" + query["state"]})
    try:
        with urllib.request.urlopen(target, timeout=10) as answer:
            log(f"wrong-state {answer.status}")
    except urllib.error.HTTPError as refusal:
        log(f"wrong-state {refusal.code}")

if args.direct or args.wrong_state:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *arguments):
            return None
    try:
        urllib.request.build_opener(NoRedirect).open(urllib.request.Request(args.url, data=b"", method="POST"), timeout=10)
        sys.exit("the consent page did not redirect")
    except urllib.error.HTTPError as redirect:
        location = redirect.headers["Location"]
    with urllib.request.urlopen(location, timeout=10) as answer:
        log(f"direct {answer.status}")
    sys.exit(0)

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.set_page_load_timeout(30)
    driver.get(args.url)
    driver.find_element(By.ID, "approve").click()
    WebDriverWait(driver, 30).until(lambda d: "tsheet has the answer" in d.page_source)
    log("approved " + driver.current_url.split("?")[0])
finally:
    driver.quit()
