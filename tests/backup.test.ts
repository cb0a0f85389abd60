import { expect, newContext, test, type Page } from './support/clock';
import { reviewCards } from './support/app-pages';

async function reviewedToday(page: Page) {
	await page.goto('/');
	const value = page.locator('dt', { hasText: 'Reviewed today' }).locator('xpath=../dd');
	await expect(value).toBeVisible();
	return Number(await value.textContent());
}

async function importFile(page: Page, path: string) {
	await page.goto('/settings');
	await page.getByLabel('Import backup').setInputFiles(path);
}

test('export, clear the site data, import: the progress is back', async ({
	page,
	browser,
	baseURL
}) => {
	await reviewCards(page, 3, 'Easy');
	expect(await reviewedToday(page)).toBe(3);

	await page.goto('/settings');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^kizuna-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const path = await download.path();

	// A fresh context has none of the site's data, like a browser that evicted it.
	const context = await newContext(browser, { baseURL });
	const fresh = await context.newPage();
	expect(await reviewedToday(fresh)).toBe(0);
	await importFile(fresh, path);
	await expect(
		fresh.getByRole('group', { name: /holds 3 cards, 3 reviews and 0 quiz answers/ })
	).toBeVisible();
	await fresh.getByRole('button', { name: 'Replace', exact: true }).click();
	await expect(fresh.getByRole('status').filter({ hasText: 'Backup restored' })).toHaveText(
		'Backup restored: 3 cards and 3 reviews.'
	);
	expect(await reviewedToday(fresh)).toBe(3);
	await context.close();
});

test('a bad file gets a message naming the problem and leaves progress untouched', async ({
	page
}) => {
	await reviewCards(page, 2, 'Easy');
	for (const [path, message] of [
		['tests/fixtures/backup-other-version.json', /format: expected "kizuna-backup"/],
		['tests/fixtures/backup-not-json.txt', /not valid JSON/]
	] as const) {
		await importFile(page, path);
		await expect(page.getByRole('alert').filter({ hasText: 'cannot be imported' })).toHaveText(
			message
		);
		await expect(page.getByRole('button', { name: 'Replace', exact: true })).toHaveCount(0);
		expect(await reviewedToday(page)).toBe(2);
	}
});
