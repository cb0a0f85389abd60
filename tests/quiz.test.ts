import { readFileSync } from 'node:fs';
import type { Bank } from '../src/lib/domain/bank/bank';
import { expect, newContext, test, type Page } from './support/clock';
import { setCheckboxSetting } from './support/app-pages';

const question = (page: Page) => page.getByRole('region', { name: /^Question \d+ of \d+$/ });
const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;

/** The framework of the question shown, found by its prompt (the header may be absent). */
async function shownFramework(page: Page): Promise<string | undefined> {
	const prompt = (await question(page).locator('legend, .prompt').first().textContent())?.trim();
	return bank.questions.find((q) => q.prompt === prompt)?.framework;
}

/** Answers the current question by keyboard only; returns whether the app said it was right. */
async function answerByKeyboard(page: Page): Promise<boolean> {
	const region = question(page);
	const typed = region.getByLabel('Your answer');
	const selects = region.getByRole('combobox');
	if (await typed.count()) {
		await typed.focus();
		await page.keyboard.type('maritime security');
	} else if (await selects.count()) {
		for (const select of await selects.all()) {
			await select.focus();
			await page.keyboard.press('ArrowDown');
		}
	} else {
		await page.keyboard.press('1');
	}
	await page.keyboard.press('Enter');
	const feedback = region.getByRole('status');
	await expect(feedback).toBeVisible();
	return (await feedback.textContent())?.includes('Right!') ?? false;
}

test('a quiz on one framework, by keyboard, asks as many as the set-up says and scores them', async ({
	page
}) => {
	await page.goto('/quiz');
	await page.getByRole('checkbox', { name: 'East Asia Summit' }).focus();
	await page.keyboard.press('Space');
	// Fewer of its questions than the 10 offered first can be asked together: the set-up says so,
	// and why, and offers what can be asked.
	const all = page.getByRole('radio', { name: /^All \(\d+\)$/ });
	await expect(all).toBeChecked();
	const most = Number(/\d+/.exec((await all.locator('xpath=..').textContent()) ?? '')?.[0]);
	expect(most).toBeGreaterThan(1);
	expect(most).toBeLessThan(10);
	await expect(page.getByRole('radio', { name: '10', exact: true })).toHaveCount(0);
	await expect(page.getByRole('group', { name: 'How many questions' })).toHaveAccessibleDescription(
		`Only ${most} questions of these fit in one quiz, not 10: with more, one question would show the answer to another.`
	);
	await page.getByRole('button', { name: 'Start quiz' }).focus();
	await page.keyboard.press('Enter');

	let right = 0;
	for (let i = 1; i <= most; i += 1) {
		await expect(question(page)).toHaveAccessibleName(`Question ${i} of ${most}`);
		expect(await shownFramework(page)).toBe('eas');
		if (await answerByKeyboard(page)) right += 1;
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('heading', { name: `Score: ${right} / ${most}` })).toBeVisible();
	await expect(
		page.getByRole('row', { name: `East Asia Summit ${right} / ${most}` })
	).toBeVisible();
});

test('retrying the mistakes asks exactly the missed questions again', async ({ page }) => {
	await page.goto('/quiz?framework=g7&n=3&kind=cloze');
	const prompts: string[] = [];
	for (let i = 1; i <= 3; i += 1) {
		const region = question(page);
		prompts.push((await region.locator('.prompt').textContent()) ?? '');
		await region.getByLabel('Your answer').fill('zzzz');
		await region.getByRole('button', { name: 'Check' }).click();
		await expect(region.getByText('Not quite.')).toBeVisible();
		await region.getByRole('button', { name: 'Next' }).click();
	}
	await expect(page.getByRole('heading', { name: 'Score: 0 / 3' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Answer:' })).toHaveCount(3);
	await page.getByRole('button', { name: 'Retry mistakes' }).click();
	const retried: string[] = [];
	for (let i = 1; i <= 3; i += 1) {
		const region = question(page);
		await expect(region).toHaveAccessibleName(`Question ${i} of 3`);
		retried.push((await region.locator('.prompt').textContent()) ?? '');
		await region.getByLabel('Your answer').fill('zzzz');
		await region.getByRole('button', { name: 'Check' }).click();
		await region.getByRole('button', { name: 'Next' }).click();
	}
	expect(retried.sort()).toEqual(prompts.sort());
});

test('a deep link starts a quiz on the named frameworks straight away', async ({ page }) => {
	// More than 10 of these three frameworks' questions can always be asked together.
	await page.goto('/quiz?framework=eas,arf,admm-plus&n=10');
	for (let i = 1; i <= 10; i += 1) {
		await expect(question(page)).toHaveAccessibleName(`Question ${i} of 10`);
		if (i === 1) await expect(question(page).getByText(/not the \d+ asked for/)).toHaveCount(0);
		expect(['eas', 'arf', 'admm-plus']).toContain(await shownFramework(page));
		await answerByKeyboard(page);
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('heading', { name: /^Score: \d+ \/ 10$/ })).toBeVisible();
});

test('the setup form, sent before the page script has run, opens the quiz it describes', async ({
	browser,
	page
}) => {
	// A slow phone: the form is in the page's HTML, and a tap on Start can come before any script.
	const noScript = await newContext(browser, { javaScriptEnabled: false });
	const early = await noScript.newPage();
	await early.goto('/quiz');
	await early.getByLabel('East Asia Summit').check();
	await early.getByLabel('20', { exact: true }).check();
	await early.getByLabel('Matching').uncheck();
	await early.getByRole('button', { name: 'Start quiz' }).click();
	await early.waitForURL(/\/quiz\?/);
	const link = new URL(early.url());
	await noScript.close();

	// With its script, the set-up says how many of these can be asked together: fewer than 20.
	await page.goto('/quiz');
	await page.getByLabel('East Asia Summit').check();
	await page.getByLabel('Matching').uncheck();
	const all = page.getByRole('radio', { name: /^All \(\d+\)$/ });
	const most = Number(/\d+/.exec((await all.locator('xpath=..').textContent()) ?? '')?.[0]);
	expect(most).toBeLessThan(20);

	// The quiz the form sent asks that many, and its first question says why not 20.
	await page.goto(link.pathname + link.search);
	await expect(question(page)).toHaveAccessibleName(`Question 1 of ${most}`);
	await expect(question(page).locator('.shorter')).toHaveText(
		`This quiz asks ${most} questions, not the 20 asked for: with more, one question would show the answer to another.`
	);
	for (let i = 1; i <= most; i += 1) {
		await expect(question(page)).toHaveAccessibleName(`Question ${i} of ${most}`);
		if (i > 1) await expect(question(page).locator('.shorter')).toHaveCount(0);
		expect(await shownFramework(page)).toBe('eas');
		await expect(question(page).getByRole('combobox')).toHaveCount(0);
		await answerByKeyboard(page);
		await page.keyboard.press('Enter');
	}
});

test('a deep link naming an unknown framework says so', async ({ page }) => {
	await page.goto('/quiz?framework=quad');
	await expect(page.getByRole('alert')).toContainText('quad');
	await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
});

test('a quiz link while the questions cannot load says so, and the app recovers when they can', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.route('**/bank*.json', (route) => route.fulfill({ status: 503, body: '' }));
	await page.goto('/quiz?framework=eas');
	await expect(page.getByRole('alert')).toHaveText(
		'Sorry, the question bank could not be loaded (503).'
	);

	// The next page that needs the questions asks again; once they load, the message goes.
	await page.unroute('**/bank*.json');
	await page.getByRole('link', { name: 'Browse' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Browse');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
	await page.getByRole('checkbox', { name: 'East Asia Summit' }).check();
	await page.getByRole('button', { name: 'Start quiz' }).click();
	await expect(question(page)).toHaveAccessibleName(/^Question 1 of \d+$/);
	// A failed load is the page's message, not an error thrown into the console.
	expect(errors).toEqual([]);
});

test('with "Quiz answers count toward my schedule" on, a wrong answer grades the card Again', async ({
	page
}) => {
	async function wrongClozeAnswer() {
		await page.goto('/quiz?framework=g7&n=1&kind=cloze');
		const region = question(page);
		await region.getByLabel('Your answer').fill('zzzz');
		await region.getByRole('button', { name: 'Check' }).click();
		await expect(region.getByText('Not quite.')).toBeVisible();
	}
	/** Goes to Today in-app: a page load could cut short the answer's save, which follows the feedback. */
	async function expectReviewedToday(count: string) {
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Today' })
			.click();
		await expect(
			page.locator('dt', { hasText: 'Reviewed today' }).locator('xpath=../dd')
		).toHaveText(count);
	}

	await wrongClozeAnswer();
	await expectReviewedToday('0');

	await page.goto('/settings');
	await setCheckboxSetting(page, 'Quiz answers count toward my schedule', true);
	await wrongClozeAnswer();
	await expectReviewedToday('1');
	// Again puts the fact's flashcard into learning.
	await expect(page.locator('dt', { hasText: 'Learning' }).locator('xpath=../dd')).toHaveText('1');
});

test('a matching question is answered and checked with the keyboard alone', async ({ page }) => {
	await page.goto('/quiz?n=10&kind=matching');
	const region = question(page);
	await expect(region.getByRole('combobox').first()).toBeVisible();
	const selects = await region.getByRole('combobox').all();
	expect(selects.length).toBeGreaterThan(1);
	for (const select of selects) {
		await select.focus();
		await page.keyboard.press('ArrowDown');
	}
	await page.keyboard.press('Enter');
	await expect(region.getByRole('status')).toBeVisible();
	await expect(region.getByText(/^(right|wrong)$/)).toHaveCount(selects.length);
});

test('quiz shortcuts stay out of a text area or contenteditable: digits and Enter are typed there', async ({
	page
}) => {
	await page.goto('/quiz?framework=eas&n=1&kind=single');
	const region = question(page);
	const first = region.getByRole('radio').first();
	await expect(first).toBeVisible();
	// A note field, as an extension or a later feature might add to the page.
	await page.evaluate(() => {
		const area = document.createElement('textarea');
		area.setAttribute('aria-label', 'Note');
		const editable = document.createElement('div');
		editable.contentEditable = 'true';
		editable.setAttribute('aria-label', 'Scratch');
		document.querySelector('main')?.append(area, editable);
	});
	for (const field of [page.getByLabel('Note'), page.getByLabel('Scratch')]) {
		await field.focus();
		await page.keyboard.press('1');
		await page.keyboard.press('Enter');
		await expect(first).not.toBeChecked();
		await expect(region.getByRole('status')).toHaveCount(0);
	}
	await expect(page.getByLabel('Note')).toHaveValue('1\n');
	// Outside the fields the same keys pick the first choice and check it.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('1');
	await expect(first).toBeChecked();
	await page.keyboard.press('Enter');
	await expect(region.getByRole('status')).toBeVisible();
});
