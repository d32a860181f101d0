// One application from upload to approval, through the pages, in Debian's Chromium.
// run.sh starts the service and passes where it is and who may sign in (environment below);
// every page visited is saved as a PNG under MKRP_SCREENSHOTS.
import { chromium } from "playwright-core";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run this through run.sh)`);
  return value;
};
const base = env("MKRP_URL");
const directive = env("MKRP_DIRECTIVE");
const corrected = env("MKRP_CORRECTED"); // adds the supervisor's notification (LE-17)
const shots = env("MKRP_SCREENSHOTS");
const agency = { email: env("MKRP_AGENCY_EMAIL"), password: env("MKRP_PASSWORD") };
const reviewer = { email: env("MKRP_REVIEWER_EMAIL"), password: env("MKRP_PASSWORD") };
const agencyName = env("MKRP_AGENCY_NAME");
const checkTimeout = 60_000; // reading and pre-checking one directive in the sandbox

mkdirSync(shots, { recursive: true });

// Two training rosters, written here: one with mistakes (every one must be listed by row and
// column, nothing stored), and a good one whose deputy on row 3 lacks MECPAT.
const rosters = mkdtempSync(path.join(os.tmpdir(), "mkrp-roster-"));
const badRoster = path.join(rosters, "roster-with-mistakes.csv");
writeFileSync(badRoster, "name,position,assigned,MECINTRO,MECPAT\n" +
  "Ann Able,janitor,,2021-01-04,\n" +
  "Bob Baker,deputy,2021-02-30,,\n");
const goodRoster = path.join(rosters, "training-roster.csv");
writeFileSync(goodRoster, "name;position;assigned;MECINTRO;MECPAT;CEOMEC\n" +
  "Dana Chief;Sheriff;2015-01-05;;;2016-03-01\n" +
  "Officer Partway;Deputy;2021-05-01;2021-06-01;;\n");
const started = Date.now();
const problems = [];

function step(name) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${name}`);
}

function expect(condition, message) {
  if (!condition) throw new Error(`expectation failed: ${message}`);
}

// Every form control a person can reach has a label (or an aria-label) naming it.
async function checkLabels(page, name) {
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea, button, progress")]
      .filter((control) => control.type !== "hidden" && !control.hidden)
      .filter((control) => !(control.labels && control.labels.length) &&
                           !control.getAttribute("aria-label") && !control.textContent.trim())
      .map((control) => control.outerHTML.slice(0, 80)));
  for (const control of unlabelled) problems.push(`${name}: no label for ${control}`);
}

async function shot(page, name) {
  await checkLabels(page, name);
  const file = path.join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  screenshot ${file}`);
}

async function text(page, selector) {
  return (await page.locator(selector).first().innerText()).trim();
}

// Clicks something whose action reloads or leaves the page, and waits for the new page.
async function clickAndLoad(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function newPage(browser, who) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  // Console errors (a CSP refusal shows here) and failed page resources; an error status of a
  // page itself is expected where the test asks for one, and the API's are checked by the flow.
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.push(`${who}: console error: ${message.text()}`);
    }
  });
  page.on("response", (response) => {
    const type = response.request().resourceType();
    if (response.status() >= 400 && type !== "document" && type !== "fetch" && type !== "xhr") {
      problems.push(`${who}: ${response.status()} for ${response.url()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`${who}: script error: ${error.message}`));
  return page;
}

async function signIn(page, who) {
  await page.goto(base + "/");
  expect(page.url().startsWith(base + "/sign-in"), `a visitor lands on the sign-in page, not ${page.url()}`);
  await page.fill("#email", who.email);
  await page.fill("#password", who.password);
  await clickAndLoad(page, "#sign-in-form button[type=submit]");
}

async function waitUntilChecked(page) {
  await page.locator("#submit-application").waitFor({ timeout: checkTimeout });
  expect(await page.locator("#checklist .item").count() > 0, "the pre-check lists checklist items");
}

async function applicationStatus(page) {
  return text(page, "#application-status");
}

async function run(browser) {
  const a = await newPage(browser, "agency");
  const r = await newPage(browser, "reviewer");

  step("agency signs in");
  await a.goto(base + "/");
  await a.keyboard.press("Tab");
  expect(await a.evaluate(() => document.activeElement.className) === "skip-link",
         "the first Tab reaches the skip link");
  await shot(a, "01-sign-in");
  await signIn(a, agency);
  expect(a.url() === base + "/agency", `agency staff start at /agency, not ${a.url()}`);
  await shot(a, "02-agency-home");

  step("agency starts an application and uploads a directive");
  await clickAndLoad(a, "#start-form button[type=submit]");
  expect(/\/agency\/applications\/\d+$/.test(a.url()), `a new application opens, not ${a.url()}`);
  await a.setInputFiles("#file", directive);
  await clickAndLoad(a, "#upload-form button[type=submit]");
  await waitUntilChecked(a);
  const marks = await a.locator("#checklist .passage .hl").count();
  expect(marks > 0, "the checklist shows highlighted passages");
  await a.locator("#checklist details.passages").first().evaluate((d) => { d.open = true; });
  await shot(a, "03-agency-findings");
  step(`  ${await a.locator("#checklist .item").count()} items, ${marks} highlighted passages`);

  step("agency uploads a training roster: a bad one is refused row by row, a good one is stored");
  expect(await a.locator("#item-TRN-LE-01.status-missing").count() === 1,
         "without a roster the training items are not found");
  await a.setInputFiles("#roster-input", badRoster);
  await a.click("#roster-form button[type=submit]");
  await a.locator("#roster-problems:not([hidden])").waitFor();
  const listed = await text(a, "#roster-problem-list");
  expect(listed.includes("row 2, column position: unknown role 'janitor'"),
         `the refused roster names row 2's position, not: ${listed}`);
  expect(listed.includes("row 3, column assigned: bad date '2021-02-30'"),
         `the refused roster names row 3's date, not: ${listed}`);
  expect(await a.locator("#roster-file").count() === 0, "a refused roster is not stored");
  await shot(a, "03a-agency-roster-refused");
  await a.setInputFiles("#roster-input", goodRoster);
  await clickAndLoad(a, "#roster-form button[type=submit]");
  expect((await text(a, "#roster-file")).includes("training-roster.csv"), "the roster is stored");
  const training = a.locator("#item-TRN-LE-01");
  expect(await training.locator(".badge").count() === 1, "the training item has a status badge");
  expect((await training.evaluate((item) => item.textContent)).includes("Officer Partway"),
         "the training item names the roster row concerned");
  await shot(a, "03b-agency-roster");

  step("agency submits");
  await clickAndLoad(a, "#submit-application");
  expect((await applicationStatus(a)).startsWith("Submitted"), "the application is submitted");
  await shot(a, "04-agency-submitted");

  step("reviewer signs in and opens the queue");
  await signIn(r, reviewer);
  expect(r.url() === base + "/review", `reviewers start at /review, not ${r.url()}`);
  await shot(r, "05-queue");
  await clickAndLoad(r, `#queue a:text("${agencyName}")`);
  await shot(r, "06-review-unclaimed");

  step("reviewer claims it and follows an item to its passage");
  await clickAndLoad(r, "#claim");
  const jump = r.locator("a.jump").first();
  const target = (await jump.getAttribute("href")).slice(1);
  await jump.click();
  await r.waitForFunction((id) => {
    let mark = document.getElementById(id).nextElementSibling;
    while (mark && !mark.classList.contains("hl")) mark = mark.nextElementSibling;
    const box = mark.getBoundingClientRect();
    const pane = mark.closest(".document-pane").getBoundingClientRect();
    return box.top >= pane.top && box.bottom <= pane.bottom && box.top >= 0 && box.bottom <= innerHeight;
  }, target, { timeout: 5000 });
  await shot(r, "07-review-claimed");
  expect(await r.locator("#item-TRN-LE-01 form.item-decision").count() === 1,
         "the reviewer decides the training items like the others");
  expect((await text(r, "#roster-download")).includes("training-roster.csv"),
         "the reviewer can download the roster");

  step("reviewer marks an item deficient and returns the application");
  const item = "LE-17";
  const missing = r.locator(`#item-${item} form.item-decision`);
  expect(await r.locator(`#item-${item}.status-missing`).count() === 1, `${item} is missing in round 1`);
  await missing.locator('input[value="deficient"]').check();
  await missing.locator("textarea").fill("Add a section on this requirement.");
  await missing.locator("button[type=submit]").click();
  await missing.locator(".saved:text('Saved.')").waitFor();
  await r.check('#decision-form input[value="return"]');
  await r.fill("#decision-message", "Please add the missing section and send it again.");
  await clickAndLoad(r, "#decision-form button[type=submit]");
  expect((await applicationStatus(r)).startsWith("Returned"), "the application is returned");
  await shot(r, "08-review-returned");

  step("agency reads the return and resubmits");
  await a.reload();
  expect((await text(a, "#reviewer-message")).includes("Please add the missing section"),
         "the agency sees the reviewer's message");
  expect((await text(a, `#item-${item} .decision`)).includes("Add a section"),
         "the agency sees the comment on the deficient item");
  expect((await text(a, "#items-to-fix")).includes(`(${item}): Add a section`),
         "the return lists the item to fix with its comment");
  await shot(a, "09-agency-returned");
  await clickAndLoad(a, "[data-remove]");
  await a.setInputFiles("#file", corrected);
  await clickAndLoad(a, "#upload-form button[type=submit]");
  await waitUntilChecked(a);
  expect(await a.locator(`#item-${item}.status-met`).count() === 1, `${item} is found in round 2`);
  await clickAndLoad(a, "#submit-application");
  expect((await applicationStatus(a)).startsWith("Submitted"), "the application is submitted again");
  await shot(a, "10-agency-resubmitted");

  step("reviewer sees round 2 with its difference and approves");
  await r.goto(base + "/review");
  await clickAndLoad(r, `#queue a:text("${agencyName}")`);
  if (await r.locator("#claim").count()) await clickAndLoad(r, "#claim");
  expect((await text(r, "#changes-heading")).includes("round 1"), "round 2 shows what changed");
  expect((await text(r, "#changes")).includes(item), `the changes name ${item}`);
  await r.check("#only-changed");
  expect(await r.locator("#checklist .item:visible").count() ===
         await r.locator("#checklist .item.changed").count(), "the reviewer can show only what changed");
  await shot(r, "11-review-round-2");
  await r.check('#decision-form input[value="approve"]');
  await clickAndLoad(r, "#decision-form button[type=submit]");
  expect((await applicationStatus(r)) === "Approved", "the application is approved");
  await shot(r, "12-review-approved");

  step("agency sees the approval; the pages refuse what is not theirs");
  await a.reload();
  expect((await applicationStatus(a)) === "Approved", "the agency sees the approval");
  await shot(a, "13-agency-approved");
  for (const [link, type, signature] of [
    ["#recognition-downloads a[href$='certificate.pdf']", "application/pdf", "%PDF-"],
    ["#recognition-downloads a[href$='media-release.docx']",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"]]) {
    const href = await a.locator(link).getAttribute("href");
    const download = await a.request.get(base + href);
    expect(download.status() === 200, `${href} downloads (status ${download.status()})`);
    expect(download.headers()["content-type"] === type, `${href} is ${type}`);
    const body = await download.body();
    expect(body.subarray(0, signature.length).toString("latin1") === signature,
           `${href} starts like a real file`);
  }
  await a.goto(base + "/members");
  expect((await text(a, "main")).includes(agencyName), "the agency is on the public list");
  await shot(a, "13b-public-list");
  const forbidden = await a.goto(base + "/review");
  expect(forbidden.status() === 403, `agency staff get 403 from the queue, not ${forbidden.status()}`);
  await shot(a, "14-forbidden");
  const missingPage = await a.goto(base + "/agency/applications/999999");
  expect(missingPage.status() === 404, `an unknown application is 404, not ${missingPage.status()}`);
  await shot(a, "15-not-found");

  step("agency signs out");
  await a.goto(base + "/agency");
  await clickAndLoad(a, "#sign-out");
  expect(a.url() === base + "/sign-in", `signing out leads to the sign-in page, not ${a.url()}`);
  const after = await a.goto(base + "/agency");
  expect(a.url().startsWith(base + "/sign-in"), "after signing out the pages ask to sign in again");
  expect(after.ok(), "the sign-in page loads");
}

const browser = await chromium.launch({
  executablePath: process.env.MKRP_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
});
try {
  await run(browser);
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
step(`passed; screenshots in ${shots}`);
