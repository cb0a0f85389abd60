import { expect, test, type Page } from './support/clock';
import { setNumberSetting } from './support/app-pages';

// Focus and announcements on /review: a keyboard or screen-reader user must never be dropped on
// <body> (the next Tab would start from the top of the page) and must hear what each step did.

async function limitNewCards(page: Page, count: number) {
	await page.goto('/settings');
	await setNumberSetting(page, 'New cards per day', count);
}

test('focus follows the review: the answer, then the next card, then the summary', async ({
	page
}) => {
	await limitNewCards(page, 2);
	await page.goto('/review');
	const showAnswer = page.getByRole('button', { name: 'Show answer' });

	await showAnswer.click();
	// The answer side has focus, so a screen reader reads it; Tab goes on in reading order: the
	// answer's citation link to its sentence on /source (one per source it rests on), then the ratings.
	await expect(page.locator(':focus')).toContainText('Answer:');
	const citations = await page.locator('.back a[href*="/source"]').count();
	expect(citations).toBeGreaterThan(0);
	for (let i = 0; i < citations; i += 1) {
		await page.keyboard.press('Tab');
		await expect(page.locator(':focus')).toHaveAttribute('href', /\/source\?quote=/);
	}
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Again', exact: true })).toBeFocused();

	await page.getByRole('button', { name: 'Easy', exact: true }).click();
	await expect(showAnswer).toBeFocused();

	await page.keyboard.press('Space');
	await expect(page.locator(':focus')).toContainText('Answer:');
	await page.keyboard.press('4');
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeFocused();
	// Undo from the summary brings the card back with its "Show answer" focused.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(showAnswer).toBeFocused();
});

test('a keyboard rating that shows the next card leaves focus on it, not on <body>', async ({
	page
}) => {
	await page.goto('/review');
	const showAnswer = page.getByRole('button', { name: 'Show answer' });
	await expect(showAnswer).toBeVisible();
	for (let i = 0; i < 2; i += 1) {
		await page.keyboard.press('Space');
		await expect(page.locator(':focus')).toContainText('Answer:');
		await page.keyboard.press('3');
		await expect(showAnswer).toBeFocused();
	}
	expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
});

test('one status region, there from the start, announces the reveal, the rating and undo', async ({
	page
}) => {
	await page.goto('/review');
	const status = page.locator('#review-status');
	await expect(status).toHaveAttribute('role', 'status');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(status).toHaveText('');
	// The same element must announce every step: a live region created with its text is missed.
	await status.evaluate(
		(el) => ((window as unknown as { statusAtLoad: Element }).statusAtLoad = el)
	);

	await page.keyboard.press('Space');
	await expect(status).toHaveText('Answer shown.');
	await page.keyboard.press('3');
	await expect(status).toHaveText(/^Rated Good\. \d+ cards? left\.$/);
	await page.keyboard.press('u');
	await expect(status).toHaveText('Rating undone.');
	expect(
		await status.evaluate(
			(el) => el === (window as unknown as { statusAtLoad: Element }).statusAtLoad
		)
	).toBe(true);
	// Shown to screen readers only.
	expect(await status.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
});

test('the last rating announces the end of the session', async ({ page }) => {
	await limitNewCards(page, 1);
	await page.goto('/review');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await page.keyboard.press('Space');
	// Easy takes a new card straight to review, so the one new card allowed ends the session.
	await page.keyboard.press('4');
	await expect(page.locator('#review-status')).toHaveText('Rated Easy. Session complete.');
});
