// The whole of Praxismodellen in real Chromium, driven from the keyboard (focus, type, Enter,
// Space; selects and dates by value) and axe-checked on every page it visits: signal → wheel → decision C →
// consent from both guardians → collaboration meeting → goal and actions → agreed plan →
// follow-up; then the social worker in the plan sees her own action and not the school's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { accessibilityViolations, launchBrowser } from './browser.mjs';
import { bornYearsAgo, personalNumber } from './people.mjs';

let server;
let browser;

async function login(username) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  await type(page, '#username', username);
  await type(page, '#password', 'kronobarn-demo');
  await Promise.all([page.waitForURL(`${server.url}/start`), page.locator('#password').press('Enter')]);
  return page;
}

async function type(page, selector, text) {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

// Presses Enter on an element (a form's button) and waits for the page it leads to.
async function pressEnterOn(page, locator, urlPattern) {
  await locator.focus();
  // Wait for the POST's own navigation: the URL may already match from the previous save.
  const navigated = page.waitForEvent('framenavigated');
  await page.keyboard.press('Enter');
  await navigated;
  await page.waitForLoadState();
  if (!urlPattern.test(page.url())) {
    const alert = await page.locator('[role=alert]').allInnerTexts();
    throw new Error(`did not lead on: ${alert.join(' ') || page.url()}`);
  }
}

// Presses Enter on a form's submit button and waits for the page it leads to.
async function submit(page, formAction, urlPattern) {
  await pressEnterOn(page, page.locator(`form[action="${formAction}"] button[type=submit]`), urlPattern);
}

async function setDate(page, selector, isoDate) {
  await page.locator(selector).focus();
  await page.fill(selector, isoDate);
}

async function openDetails(page, id) {
  await page.locator(`#${id} > summary`).focus();
  await page.keyboard.press('Enter');
}

async function assertAccessible(page, where) {
  assert.deepEqual(await accessibilityViolations(page), [], where);
}

before(async () => {
  server = await startServer({ children: 20 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('signal to agreed and followed-up plan, keyboard only; the participant sees only her part', async () => {
  const birth = bornYearsAgo(11);
  const today = new Date().toISOString().slice(0, 10);

  const health = await login('elevhalsa');
  await health.goto(`${server.url}/oro/ny`);
  await type(health, '#personal_number', personalNumber(birth, '981'));
  await type(health, '#given_name', 'Maja');
  await type(health, '#family_name', 'Planström');
  await health.selectOption('#child_unit_id', { label: 'Växjö Centralskola' });
  await type(health, '#guardian_1', 'Eva Planström');
  await type(health, '#guardian_2', 'Per Planström');
  await type(health, '#description', 'Maja är ofta ensam på rasterna och äter inte lunch.');
  await health.locator('#gi-ja').focus();
  await health.keyboard.press('Space');
  await submit(health, '/oro', /\/oro\/\d+\?registrerad=1$/);
  const signalUrl = health.url().replace('?registrerad=1', '');

  const principal = await login('rektor');
  await principal.goto(signalUrl);
  // The signal leads straight to a new description in the wheel, opened from that signal.
  await Promise.all([principal.waitForURL(/\/barn\/\d+\/hjulet\/ny\?signal=\d+$/), principal.click('text=Informationsinsamling i Barnets bästa-hjulet')]);
  await principal.locator('#area_trygg_status_challenging').focus();
  await principal.keyboard.press('Space');
  await type(principal, '#area_trygg_child_words', 'Ingen vill vara med mig.');
  await principal.locator('#area_trygg_support').focus();
  await principal.keyboard.press('Space');
  const wheelAction = await principal.locator('form.kb-form').getAttribute('action');
  await submit(principal, wheelAction, /\/hjulet\?sparad=1&signal=\d+$/);

  // Decision C starts a draft plan with the marked area.
  await principal.goto(signalUrl);
  await assertAccessible(principal, 'signal page with the decision forms');
  await type(principal, '#collaboration_rationale', 'Skolan och socialtjänsten behöver samverka.');
  await submit(principal, `${new URL(signalUrl).pathname}/samverkan`, /\/planer\/\d+\?skapad=1$/);
  const planUrl = principal.url().replace('?skapad=1', '');
  const planPath = new URL(planUrl).pathname;
  assert.match(await principal.locator('main').innerText(), /Utkast/);
  assert.match(await principal.locator('main').innerText(), /behöver stöd: Trygg/);
  await assertAccessible(principal, 'draft plan');

  // Consent from both guardians, for the school and social services.
  await Promise.all([principal.waitForURL(/\/samtycken$/), principal.click('a[href$="/samtycken"]')]);
  const consentsPath = new URL(principal.url()).pathname;
  await assertAccessible(principal, 'consent page');
  await type(principal, '#purpose', 'Samverkan i Barnets plan');
  for (const label of ['Eva Planström', 'Per Planström', 'Växjö Centralskola', 'Socialtjänsten Växjö', 'Skola och förskola', 'Socialtjänst']) {
    await principal.getByLabel(label, { exact: true }).focus();
    await principal.keyboard.press('Space');
  }
  await setDate(principal, '#valid_to', '2099-12-31');
  await submit(principal, consentsPath, /\/samtycken\?sparat=1$/);
  assert.match(await principal.locator('main').innerText(), /Gäller/);

  // Participant, meeting, goal and action; then agree.
  await principal.goto(planUrl);
  await openDetails(principal, 'form-participant');
  await principal.selectOption('#form-participant select[name=unit_id]', { label: 'Socialtjänsten Växjö' });
  await type(principal, '#participant-contact_name', 'Sara Socialsekreterare');
  await submit(principal, `${planPath}/deltagare`, /\?klart=\w+(#[\w-]+)?$/);

  await openDetails(principal, 'form-meeting');
  await type(principal, '#meeting-place', 'Växjö Centralskola, rum 12');
  await principal.locator('#meeting-child_present').focus();
  await principal.keyboard.press('Space');
  await submit(principal, `${planPath}/moten`, /\?klart=\w+(#[\w-]+)?$/);

  await openDetails(principal, 'form-goal');
  await principal.selectOption('#form-goal select[name=area_code]', 'trygg');
  await type(principal, '#goal-outcome', 'Maja har en vän på rasterna');
  await type(principal, '#goal-how_we_know', 'Maja berättar det på uppföljningen');
  await setDate(principal, '#goal-by_when', '2099-06-01');
  await submit(principal, `${planPath}/mal`, /\?klart=\w+(#[\w-]+)?$/);

  for (const [what, unit, responsible] of [['Rastaktivitet två gånger i veckan', 'Växjö Centralskola', 'Elin Kurator'],
                                            ['Samtal med familjen varannan vecka', 'Socialtjänsten Växjö', 'Sara Socialsekreterare']]) {
    await openDetails(principal, 'form-action');
    await type(principal, '#action-what', what);
    await principal.selectOption('#form-action select[name=unit_id]', { label: unit });
    await type(principal, '#action-responsible', responsible);
    await setDate(principal, '#action-due', '2099-01-15');
    await submit(principal, `${planPath}/insatser`, /\?klart=\w+(#[\w-]+)?$/);
  }
  // Agreeing needs each guardian's part: without it the summary takes the focus and leads to the
  // first guardian's choice; then both were at the meeting.
  await submit(principal, `${planPath}/uppratta`, /\/uppratta$/);
  assert.equal(await principal.evaluate(() => document.activeElement.classList.contains('kb-error-summary')), true,
               'focus on the error summary');
  assert.match(await principal.locator('.kb-error-summary').innerText(), /Ange för varje vårdnadshavare/);
  const firstPart = principal.locator(`form[action="${planPath}/uppratta"] select`).first();
  assert.equal(await firstPart.getAttribute('aria-invalid'), 'true');
  await assertAccessible(principal, 'plan with a refused agreement');
  for (const guardian of ['Eva Planström', 'Per Planström']) {
    const part = principal.locator(`form[action="${planPath}/uppratta"] fieldset`, { hasText: guardian }).locator('select');
    await part.focus();
    await part.selectOption('present');
  }
  await submit(principal, `${planPath}/uppratta`, /\?klart=\w+(#[\w-]+)?$/);
  const agreed = await principal.locator('main').innerText();
  assert.match(agreed, /Upprättad/);
  assert.match(agreed, /Eva Planström: Var med på mötet/);
  await assertAccessible(principal, 'agreed plan');

  // Follow-up: the school's action is done.
  await openDetails(principal, 'form-meeting');
  const evaluation = principal.locator('#form-meeting fieldset', { hasText: 'Rastaktivitet två gånger i veckan' }).locator('select');
  await evaluation.selectOption('done');
  await type(principal, '#meeting-child_absent_reason', 'Maja ville inte vara med; hon har berättat för Elin.');
  await submit(principal, `${planPath}/moten`, /\?klart=\w+(#[\w-]+)?$/);
  const active = await principal.locator('main').innerText();
  assert.match(active, /Aktiv, följs upp/);
  assert.match(active, /Genomförd/);

  await Promise.all([principal.waitForURL(/\/historik$/), principal.click('text=Visa alla ändringar')]);
  // The history speaks in words: the state as the page names it, never its code.
  const firstHistory = await principal.locator('main').innerText();
  assert.match(firstHistory, /Läge\tUtkast\tUpprättad/);
  assert.doesNotMatch(firstHistory, /\b(agreed|draft|follow_up|basics\.)/);
  await assertAccessible(principal, 'plan history');

  // The social worker finds the plan on her start page and sees her part only.
  const social = await login('socialsekreterare');
  const link = social.locator('a', { hasText: 'Maja Planström' });
  assert.equal(await link.count(), 1, 'the plan is listed on the start page');
  await Promise.all([social.waitForURL(planUrl), link.click()]);
  const seen = await social.locator('main').innerText();
  assert.match(seen, /Samtal med familjen varannan vecka/);
  assert.doesNotMatch(seen, /Rastaktivitet/);
  assert.doesNotMatch(seen, /ensam på rasterna/);
  await assertAccessible(social, 'participant view');
  const wheel = await social.goto(`${server.url}${consentsPath.replace('/samtycken', '/hjulet')}`);
  assert.equal(wheel.status(), 404, 'a participant never sees the wheel');

  // The living plan (issue 20). The social worker reports on her own action from the keyboard …
  await social.goto(planUrl);
  const own = social.locator('#actions-heading ~ ul > li.kb-card', { hasText: 'Samtal med familjen varannan vecka' });
  await own.locator('details[id^="form-report-"] > summary').focus();
  await social.keyboard.press('Enter');
  await own.locator('select[name=status]').selectOption('ongoing');
  await own.locator('textarea[name=note]').focus();
  await social.keyboard.type('Två samtal hållna, nästa gång hemma hos familjen.');
  await pressEnterOn(social, own.locator('form[action$="/insatser/rapport"] button'), /klart=action_reported#actions-heading$/);
  assert.match(await social.locator('section[aria-labelledby=actions-heading] [role=status]').innerText(),
               /Rapporten om insatsen är sparad/);
  await assertAccessible(social, 'participant view after a report');

  // … and the holder sees the latest report, and by whom.
  await principal.goto(planUrl);
  const reported = await principal.locator('#actions-heading ~ ul > li.kb-card', { hasText: 'Samtal med familjen varannan vecka' }).innerText();
  assert.match(reported, /Status\s+Pågår/);
  assert.match(reported, /Senast rapporterat/);
  assert.match(reported, /Två samtal hållna/);

  // The holder plans the next meeting from the keyboard, inviting the family and social services …
  await openDetails(principal, 'form-plan-meeting');
  await setDate(principal, '#plan-meeting-meets_on', '2099-01-13');
  await principal.fill('#plan-meeting-starts_at', '13:30');
  await type(principal, '#plan-meeting-place', 'Växjö Centralskola, rum 12');
  await submit(principal, `${planPath}/moten/planera`, /klart=meeting_planned#meetings-heading$/);
  assert.match(await principal.locator('#card-planned-meeting').innerText(),
               /Uppföljningsmöte tisdag 13 januari 2099 kl\. 13\.30[\s\S]*Växjö Centralskola, rum 12[\s\S]*Socialtjänsten/);
  await assertAccessible(principal, 'plan with a planned meeting');
  // … and the social worker sees it among her coming meetings.
  await social.goto(`${server.url}/start`);
  assert.match(await social.locator('main').innerText(),
               /Kommande möten\s+Uppföljningsmöte för Maja Planström, tisdag 13 januari 2099 kl\. 13\.30/);

  // A failed add: the error summary at the top of the form has focus, the field is marked, what was typed stays.
  await openDetails(principal, 'form-goal');
  await principal.selectOption('#form-goal select[name=area_code]', 'trygg');
  await type(principal, '#goal-how_we_know', 'Maja säger det själv');
  await setDate(principal, '#goal-by_when', '2099-06-01');
  await submit(principal, `${planPath}/mal`, /\/mal$/);
  assert.equal(await principal.evaluate(() => document.activeElement.classList.contains('kb-error-summary')), true,
               'focus on the error summary');
  assert.match(await principal.locator('.kb-error-summary').innerText(), /Skriv vad ni vill uppnå/);
  assert.equal(await principal.locator('#goal-outcome').getAttribute('aria-invalid'), 'true');
  assert.equal(await principal.inputValue('#goal-how_we_know'), 'Maja säger det själv');
  await assertAccessible(principal, 'plan with a failed form');
  // The summary's link leads to the field.
  await principal.keyboard.press('Tab');
  await principal.keyboard.press('Enter');
  assert.equal(await principal.evaluate(() => location.hash), '#goal-outcome');

  // Edit the goal.
  await principal.goto(planUrl);
  const goalCard = principal.locator('#goals-heading ~ ul > li.kb-card', { hasText: 'Maja har en vän på rasterna' });
  await goalCard.locator('details[id^="form-goal-"] > summary').focus();
  await principal.keyboard.press('Enter');
  await goalCard.locator('textarea[name=outcome]').focus();
  await principal.keyboard.press('Control+A');
  await principal.keyboard.type('Maja har två vänner på rasterna');
  await pressEnterOn(principal, goalCard.locator('form[action$="/mal/andra"] button'), /klart=goal_changed#goals-heading$/);
  assert.match(await principal.locator('section[aria-labelledby=goals-heading]').innerText(),
               /Målet är ändrat\.[\s\S]*Maja har två vänner på rasterna/);

  // Change who answers for an action, then remove the one that is done.
  const schoolCard = principal.locator('#actions-heading ~ ul > li.kb-card', { hasText: 'Rastaktivitet två gånger i veckan' });
  await schoolCard.locator('details[id^="form-action-"] > summary').focus();
  await principal.keyboard.press('Enter');
  await schoolCard.locator('input[name=responsible]').focus();
  await principal.keyboard.press('Control+A');
  await principal.keyboard.type('Omar Fritidsledare');
  await pressEnterOn(principal, schoolCard.locator('form[action$="/insatser/andra"] button'), /klart=action_changed/);
  assert.match(await principal.locator('#actions-heading ~ ul > li.kb-card', { hasText: 'Rastaktivitet' }).innerText(), /Omar Fritidsledare/);
  const doneCard = principal.locator('#actions-heading ~ ul > li.kb-card', { hasText: 'Rastaktivitet två gånger i veckan' });
  await doneCard.locator('details[id^="form-remove-action-"] > summary').focus();
  await principal.keyboard.press('Enter');
  await pressEnterOn(principal, doneCard.locator('form[action$="/insatser/ta-bort"] button'), /klart=action_removed/);
  assert.doesNotMatch(await principal.locator('section[aria-labelledby=actions-heading]').innerText(), /Rastaktivitet/);

  // Social services leave the plan once their action is removed; the reason stays, their access ends.
  const socialCard = principal.locator('#actions-heading ~ ul > li.kb-card', { hasText: 'Samtal med familjen varannan vecka' });
  await socialCard.locator('details[id^="form-remove-action-"] > summary').focus();
  await principal.keyboard.press('Enter');
  await pressEnterOn(principal, socialCard.locator('form[action$="/insatser/ta-bort"] button'), /klart=action_removed/);
  const contact = principal.locator('#contacts-heading ~ ul > li.kb-card', { hasText: 'Sara Socialsekreterare' });
  await contact.locator('details[id^="form-remove-participant-"] > summary').focus();
  await principal.keyboard.press('Enter');
  await contact.locator('textarea[name=reason]').focus();
  await principal.keyboard.type('Familjen har fått stöd på annat sätt.');
  await pressEnterOn(principal, contact.locator('form[action$="/deltagare/ta-bort"] button'), /klart=participant_removed/);
  assert.match(await principal.locator('section[aria-labelledby=contacts-heading]').innerText(),
               /Enheter som inte längre deltar[\s\S]*Familjen har fått stöd på annat sätt/);
  await assertAccessible(principal, 'plan after corrections');
  const gone = await social.goto(planUrl);
  assert.equal(gone.status(), 404, 'a unit that left no longer opens the plan');

  await principal.goto(`${planUrl}/historik`);
  const history = await principal.locator('main').innerText();
  assert.match(history, /Insats borttagen/);
  assert.match(history, /Deltagare borttagen/);
  assert.doesNotMatch(history, /\b(action|goal|participant)\.[a-z_]+/);
});
