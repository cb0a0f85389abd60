import { readFileSync } from 'node:fs';
import type { Bank } from '../src/lib/domain/bank/bank';
import { expect, test, type Page } from './support/clock';

const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
/** The framework of a shown question, found by its prompt (the card's header may be absent). */
const frameworkOf = (prompt: string | null) =>
	bank.questions.find((q) => q.prompt === prompt?.trim())?.framework;

const count = async (page: Page) =>
	Number(
		/^(\d+) of/.exec(
			(await page.getByRole('status').filter({ hasText: 'questions' }).textContent()) ?? ''
		)?.[1]
	);

test('the search filters the questions as you type, case and accents ignored', async ({ page }) => {
	await page.goto('/browse');
	const search = page.getByLabel('Search questions');
	await expect(page.getByRole('status').filter({ hasText: 'questions' })).toHaveText(
		/^(\d+) of \1 questions$/
	);
	const all = await count(page);
	expect(all).toBeGreaterThan(100);

	await search.pressSequentially('Marítime', { delay: 30 });
	await expect(page.getByRole('status').filter({ hasText: 'questions' })).not.toHaveText(
		`${all} of ${all} questions`
	);
	const matching = await count(page);
	expect(matching).toBeGreaterThan(0);
	const articles = page.locator('article[data-question]');
	await expect(articles).toHaveCount(matching);
	for (const text of await articles.allTextContents()) expect(text).toMatch(/maritime/i);

	await search.pressSequentially(' zzzz', { delay: 30 });
	await expect(page.getByText(/No question matches/)).toBeVisible();
	await search.fill('');
	await expect(page.getByRole('status').filter({ hasText: 'questions' })).toHaveText(
		`${all} of ${all} questions`
	);
	await expect(page.getByRole('heading', { level: 2 })).toHaveCount(8);
	// Built a few questions per frame, the page ends up with every one of them.
	await expect(page.locator('article[data-question]')).toHaveCount(all);
});

test("a card's state changes to learning or review after reviewing it", async ({ page }) => {
	await page.goto('/review');
	const rated: [string, string][] = [];
	for (const rating of ['Good', 'Easy'] as const) {
		const prompt = (await page.locator('#card-front').textContent())?.trim() ?? '';
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: rating, exact: true }).click();
		await expect(page.locator('#card-front')).not.toHaveText(prompt);
		rated.push([prompt, rating === 'Good' ? 'learning' : 'review']);
	}
	await page.goto('/browse');
	for (const [prompt, state] of rated) {
		await page.getByLabel('Search questions').fill(prompt);
		const card = page
			.locator('article', { has: page.locator('.prompt', { hasText: prompt }) })
			.locator('[data-state]')
			.first();
		await expect(card).toHaveAttribute('data-state', state);
		await expect(card).toContainText(/due (now|in|on) .*recall now \d+%/);
	}
	await page.getByLabel('Search questions').fill('');
	await expect(page.locator('[data-state="new"]').first()).toContainText('Your card: New');
});

/** Follows a framework's "Review this framework" or "Quiz this framework" link on Browse. */
async function followFromBrowse(page: Page, framework: string, action: 'Review' | 'Quiz') {
	await page.goto('/browse');
	await page
		.getByRole('region', { name: framework })
		.getByRole('link', { name: new RegExp(`^${action} this framework`) })
		.click();
}

test('Review this framework reviews only that framework, with a way back to all', async ({
	page
}) => {
	await followFromBrowse(page, 'East Asia Summit', 'Review');
	await expect(page).toHaveURL(/\/review\?framework=eas$/);
	await expect(page.getByText('Reviewing East Asia Summit only.')).toBeVisible();
	for (let i = 0; i < 3; i += 1) {
		expect(frameworkOf(await page.locator('#card-front').textContent())).toBe('eas');
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Easy', exact: true }).click();
	}
	await page.getByRole('link', { name: 'Review all frameworks' }).click();
	await expect(page.getByText(/Reviewing .* only\./)).toHaveCount(0);
	await expect(page.locator('#card-front')).toBeVisible();
	expect(frameworkOf(await page.locator('#card-front').textContent())).not.toBe('eas');
});

test('Quiz this framework starts a quiz on it straight away', async ({ page }) => {
	await followFromBrowse(page, 'ASEAN Regional Forum', 'Quiz');
	await expect(page).toHaveURL(/\/quiz\?framework=arf$/);
	const question = page.getByRole('region', { name: /^Question 1 of \d+$/ });
	await expect(question).toBeVisible();
	const prompt = await question.locator('legend, .prompt').first().textContent();
	expect(frameworkOf(prompt)).toBe('arf');
});

test('answers are folded until asked for, one or all, and the filter keeps one framework', async ({
	page
}) => {
	await page.goto('/browse');
	const first = page.locator('article[data-question]').first();
	const answer = first.locator('details');
	await expect(answer).not.toHaveAttribute('open');
	await expect(first.locator('.answer')).toBeHidden();
	await first.getByText('Answer', { exact: true }).click();
	await expect(first.locator('.answer')).toBeVisible();

	await page.getByRole('checkbox', { name: 'Show every answer' }).check();
	await expect(page.locator('details:not([open])')).toHaveCount(0);
	await page.getByRole('checkbox', { name: 'Show every answer' }).uncheck();
	await expect(page.locator('details[open]')).toHaveCount(0);

	await page.getByLabel('Framework', { exact: true }).selectOption({ label: 'ARF' });
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(['ASEAN Regional Forum']);
	const n = await count(page);
	expect(n).toBeGreaterThan(0);
	await expect(page.locator('article[data-question]')).toHaveCount(n);
	// With words too: the framework's questions that have them.
	await page.getByLabel('Search questions').fill('zzzz');
	await expect(page.getByText(/No question matches/)).toBeVisible();
	await page.getByLabel('Search questions').fill('');
	await page.getByLabel('Framework', { exact: true }).selectOption({ label: 'All' });
	await expect(page.getByRole('heading', { level: 2 })).toHaveCount(8);
});
