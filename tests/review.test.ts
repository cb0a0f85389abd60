import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from './support/clock';
import type { Bank } from '../src/lib/domain/bank/bank';
import { questionHeader } from '../src/lib/domain/bank/question-display';
import { setNumberSetting } from './support/app-pages';

const RATINGS = ['Again', 'Hard', 'Good', 'Easy'] as const;

async function front(page: Page) {
	return (await page.locator('#card-front').textContent())?.trim() ?? '';
}

/** Shows the answer and rates it with `key`; returns the rated card's front once the next shows. */
async function rateWithKeys(page: Page, key: string) {
	const rated = await front(page);
	await page.keyboard.press('Space');
	await page.keyboard.press(key);
	await expect(page.locator('#card-front')).not.toHaveText(rated);
	return rated;
}

/** Two tabs of one browser, both on the review page. */
async function twoReviewTabs(context: BrowserContext): Promise<[Page, Page]> {
	const tabs: [Page, Page] = [await context.newPage(), await context.newPage()];
	for (const tab of tabs) await tab.goto('/review');
	return tabs;
}

async function limitNewCards(page: Page, count: number) {
	await page.goto('/settings');
	await setNumberSetting(page, 'New cards per day', count);
}

async function reviewedToday(page: Page) {
	await page.goto('/');
	const value = page.locator('dt', { hasText: 'Reviewed today' }).locator('xpath=../dd');
	return Number(await value.textContent());
}

test('a review with the mouse: answer, intervals on each rating, next card', async ({ page }) => {
	await page.goto('/review');
	const first = await front(page);
	expect(first).not.toBe('');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByText('Source:')).toBeVisible();
	for (const name of RATINGS) {
		const button = page.getByRole('button', { name, exact: true });
		await expect(button).toBeVisible();
		await expect(button).toHaveAccessibleDescription(/^\d+(\.\d+)?(m|h|d|mo|y)$/);
	}
	await page.getByRole('button', { name: 'Easy', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	expect(await front(page)).not.toBe(first);
	expect(await reviewedToday(page)).toBe(1);
});

test('a review with the keyboard: Space shows the answer, 1–4 rate', async ({ page }) => {
	await page.goto('/review');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	const seen = new Set<string>();
	for (const key of ['4', '3', '4']) {
		seen.add(await front(page));
		await page.keyboard.press('Space');
		await expect(page.getByRole('button', { name: 'Good', exact: true })).toBeVisible();
		await page.keyboard.press(key);
		await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	}
	expect(seen.size).toBe(3);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Again', exact: true })).toBeVisible();
	expect(await reviewedToday(page)).toBe(3);
});

test('a reload right after rating keeps every rating', async ({ page }) => {
	await page.goto('/review');
	const rated: string[] = [];
	for (let i = 0; i < 3; i += 1) {
		rated.push(await front(page));
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Easy', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	}
	await page.reload();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	expect(rated).not.toContain(await front(page));
	expect(await reviewedToday(page)).toBe(3);
});

test('undo brings the card back and removes its rating, several steps back', async ({ page }) => {
	await page.goto('/review');
	const first = await rateWithKeys(page, '4');
	const second = await rateWithKeys(page, '4');

	await page.keyboard.press('u');
	await expect(page.locator('#card-front')).toHaveText(second);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.locator('#card-front')).toHaveText(first);
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
	expect(await reviewedToday(page)).toBe(0);
});

test('two tabs reviewing at once lose no rating', async ({ context }) => {
	const [a, b] = await twoReviewTabs(context);
	for (let i = 0; i < 3; i += 1) {
		for (const tab of [a, b]) {
			await tab.getByRole('button', { name: 'Show answer' }).click();
			await tab.getByRole('button', { name: 'Easy', exact: true }).click();
			await expect(tab.getByRole('button', { name: 'Show answer' })).toBeVisible();
		}
	}
	expect(await reviewedToday(a)).toBe(6);
});

test('the daily new-card limit ends the session', async ({ page }) => {
	// The fixed clock's 10 a.m. (support/clock.ts): just after 4 a.m. tomorrow's allowance would be
	// a day away, and the app rightly gives it as a date rather than in hours.
	await limitNewCards(page, 2);
	await page.goto('/review');
	for (let i = 0; i < 2; i += 1) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Easy', exact: true }).click();
	}
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await expect(page.getByText('Reviewed: 2')).toBeVisible();
	// New cards wait for tomorrow's allowance (4 a.m.), not for the Easy cards days ahead.
	const tomorrow = /The next card is due in \d+ (hours?|minutes?)\./;
	await expect(page.getByText(tomorrow)).toBeVisible();
	await page.goto('/');
	await expect(page.getByText(/All done for today/)).toBeVisible();
	await expect(page.getByText(tomorrow)).toBeVisible();
});

test('the card names its framework; the answer adds the explanation, the source section and its exact words', async ({
	page
}) => {
	const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
	await page.goto('/review');
	const prompt = await front(page);
	const question = bank.questions.find((q) => q.prompt === prompt);
	expect(question).toBeDefined();
	if (!question) return;
	const card = page.getByRole('article', { name: prompt });
	// The first card asks the policy itself: its header is the overview's short name.
	expect(questionHeader(question, bank.frameworks)).toBe('Overview');
	await expect(card.locator('.framework')).toHaveText('Overview');
	await expect(card).not.toContainText(question.explanation);

	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(card).toContainText(question.explanation);
	await expect(card).toContainText(`section “${question.source.section}”`);
	await expect(card).toContainText(`“${question.source.quote}”`);
});

test('Ctrl+Z undoes the last rating: the card comes back and today’s count drops', async ({
	context
}) => {
	const page = await context.newPage();
	await page.goto('/review');
	await rateWithKeys(page, '4');
	const second = await rateWithKeys(page, '3');
	// Read on another page: leaving /review would end the session and its undo steps.
	const home = await context.newPage();
	expect(await reviewedToday(home)).toBe(2);

	await page.keyboard.press('Control+z');
	await expect(page.locator('#card-front')).toHaveText(second);
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	expect(await reviewedToday(home)).toBe(1);
});

test('the summary gives the cards reviewed, the share of Again and the time spent', async ({
	page
}) => {
	await limitNewCards(page, 1);
	await page.goto('/review');
	// The loop below reads visibility without waiting: the first card must be there first.
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	// Again keeps the one new card in learning; Easy then takes it out of the session.
	const ratings: string[] = [];
	while (await page.getByRole('button', { name: 'Show answer' }).isVisible()) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		const name = ratings.length === 0 ? 'Again' : 'Easy';
		await page.getByRole('button', { name, exact: true }).click();
		ratings.push(name);
		await expect(
			page.getByRole('button', { name: 'Show answer' }).or(page.locator('.done'))
		).toBeVisible();
		expect(ratings.length).toBeLessThan(5);
	}
	const summary = page.locator('.done');
	await expect(summary.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await expect(summary).toContainText(`Reviewed: ${ratings.length}`);
	await expect(summary).toContainText(`Again: ${Math.round(100 / ratings.length)}%`);
	const time = await summary.getByText(/^Time spent:/).textContent();
	const match = /^Time spent: (?:(\d+) min )?(\d+) s$/.exec(time?.trim() ?? '');
	expect(match, time ?? '').not.toBeNull();
	const seconds = Number(match?.[1] ?? 0) * 60 + Number(match?.[2]);
	expect(Number(match?.[2])).toBeLessThan(60);
	expect(seconds).toBeLessThan(120);
});

test('a rating in another tab takes its card out of this one, without a reload', async ({
	context
}) => {
	const [a, b] = await twoReviewTabs(context);
	const shared = await front(a);
	await expect(b.locator('#card-front')).toHaveText(shared);
	const counts = await b.locator('.counts').textContent();
	// A mark that a reload would wipe: the update below must come without one.
	await b.evaluate(() => Object.assign(window, { notReloaded: true }));

	await a.getByRole('button', { name: 'Show answer' }).click();
	await a.getByRole('button', { name: 'Easy', exact: true }).click();
	await expect(a.locator('#card-front')).not.toHaveText(shared);

	await expect(b.locator('#card-front')).not.toHaveText(shared);
	await expect(b.locator('.counts')).not.toHaveText(counts ?? '');
	expect(await b.evaluate(() => 'notReloaded' in window)).toBe(true);
});
