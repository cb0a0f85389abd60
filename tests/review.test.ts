import { expect, test, type Page } from '@playwright/test';

const RATINGS = ['Again', 'Hard', 'Good', 'Easy'] as const;

async function front(page: Page) {
	return (await page.locator('#card-front').textContent())?.trim() ?? '';
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
	const first = await front(page);
	await page.keyboard.press('Space');
	await page.keyboard.press('4');
	await expect(page.locator('#card-front')).not.toHaveText(first);
	const second = await front(page);
	await page.keyboard.press('Space');
	await page.keyboard.press('4');
	await expect(page.locator('#card-front')).not.toHaveText(second);

	await page.keyboard.press('u');
	await expect(page.locator('#card-front')).toHaveText(second);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.locator('#card-front')).toHaveText(first);
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
	expect(await reviewedToday(page)).toBe(0);
});

test('two tabs reviewing at once lose no rating', async ({ context }) => {
	const a = await context.newPage();
	const b = await context.newPage();
	await a.goto('/review');
	await b.goto('/review');
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
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('2');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	await page.goto('/review');
	for (let i = 0; i < 2; i += 1) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Easy', exact: true }).click();
	}
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await expect(page.getByText('Reviewed: 2')).toBeVisible();
	await page.goto('/');
	await expect(page.getByText(/All done for today/)).toBeVisible();
});
