#!/usr/bin/env python3
"""The browser of `tsheet serve`'s tests: headless Chromium, driven through Selenium and chromedriver, opens the
sign-in address the server printed, then lays the week out at each width given (375 and 1280 px by default) and
prints one JSON object: where the sign-in landed, the session cookie's flags, and for each width the page's and
the grid's widths, the grid's row names and totals, and anything the console reported (a CSP refusal among them).
The text of the first email frame (iframe.phone) is kept as "frame". --path PATH lays out that page instead of the one the sign-in lands on; --screenshots DIR keeps a PNG per width.
--note TEXT then types TEXT into the first card's note and presses "Show with the note", as a lead does: the
page's title and the first frame's text after it are kept as "submitted". --press VALUE (repeatable) then presses
the button of that value (`send-1`: the second card's Send), each on the page the last press left, and keeps what
the page says after each as "pressed": its title and the Send results (each item's class and text).
"""
import argparse
import json

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

parser = argparse.ArgumentParser()
parser.add_argument("url")
parser.add_argument("--widths", default="375,1280")
parser.add_argument("--screenshots")
parser.add_argument("--path", help="a page of the server to lay out after signing in (default: where it lands)")
parser.add_argument("--note", help="a note to type into the first email card and show in the frames")
parser.add_argument("--press", action="append", default=[], help="a button's value to press, in turn")
args = parser.parse_args()

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
MEASURE = """
const grid = document.querySelector('.grid'), table = document.querySelector('.grid table');
const widest = Math.max(...[...document.body.querySelectorAll('*')].map(e => e.getBoundingClientRect().right));
return {
  viewport: window.innerWidth, page: document.documentElement.scrollWidth, widest: Math.round(widest),
  gridBox: grid ? grid.clientWidth : null, gridRight: grid ? Math.round(grid.getBoundingClientRect().right) : null,
  table: table ? table.scrollWidth : null,
  rows: [...document.querySelectorAll('tbody th[scope=row]')].map(th => th.textContent),
  totals: [...document.querySelectorAll('tfoot td')].map(td => td.textContent),
  chart: document.querySelectorAll('svg.chart rect').length,
};
"""


def press(button):
    """Clicks `button` and waits until the page it submits to has replaced this one and loaded."""
    button.click()
    WebDriverWait(driver, 60).until(expected_conditions.staleness_of(button))
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")


try:
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(10)
    driver.get(args.url)
    result = {"landed": driver.current_url, "cookies": driver.get_cookies(), "widths": {}}
    if args.path:
        driver.get(args.url.split("/sign-in")[0] + args.path)
    for width in [int(w) for w in args.widths.split(",")]:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600})
        driver.refresh()
        # Elements outside the grid's scrolling box must fit the viewport; the grid's own table may not.
        measured = driver.execute_script(MEASURE.replace("document.body.querySelectorAll('*')",
                                                         "document.body.querySelectorAll('body > *, header *, nav *, main > *:not(.grid), .gaps *, .options *, .card > *:not(.frames), .frames > *:not(.scroll)')"))
        measured["console"] = [entry["message"] for entry in driver.get_log("browser")]
        frames = driver.find_elements("css selector", "iframe.phone")
        if frames:
            driver.switch_to.frame(frames[0])
            measured["frame"] = driver.find_element("tag name", "body").text
            driver.switch_to.default_content()
        result["widths"][str(width)] = measured
        if args.screenshots:
            driver.save_screenshot(f"{args.screenshots}/page-{width}.png")
    if args.note is not None:
        driver.find_element("css selector", "textarea[name=note-0]").send_keys(args.note)
        press(driver.find_element("css selector", "button[value=preview]"))
        submitted = {"title": driver.title, "frame": None}
        frames = driver.find_elements("css selector", "iframe.phone")
        if frames:
            driver.switch_to.frame(frames[0])
            submitted["frame"] = driver.find_element("tag name", "body").text
            driver.switch_to.default_content()
        result["submitted"] = submitted
    result["pressed"] = []
    for value in args.press:
        press(driver.find_element("css selector", f"button[value='{value}']"))
        items = driver.find_elements("css selector", "section.results li")
        result["pressed"].append({"title": driver.title,
                                  "results": [{"class": i.get_attribute("class"), "text": i.text} for i in items]})
    print(json.dumps(result))
finally:
    driver.quit()
