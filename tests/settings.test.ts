import { expect, test, type Page } from './support/clock';
import {
	DAY,
	logOf,
	ratedCard,
	REVIEW_QUESTIONS,
	seedProgress,
	storedRecords
} from './support/progress-seed';
import { openFromMenu, rateCard, tile } from './support/app-pages';

const RETENTION_RULE = /Must be a number from 0\.70 to 0\.99/;

function field(page: Page, label: string) {
	return page.getByLabel(label, { exact: true });
}

async function save(page: Page) {
	await page.getByRole('button', { name: 'Save settings' }).click();
}

test('a desired retention outside 0.70–0.99 is refused with a message and never saved', async ({
	page
}) => {
	await seedProgress(page, { settings: { desiredRetention: 0.85 } });
	await page.goto('/settings');
	const retention = field(page, 'Desired retention');
	await expect(retention).toHaveValue('0.85');

	// 'abc' is what a user types; a number field keeps none of it, as with an empty field.
	for (const typed of ['0.5', '1.2', '0.69', '', 'abc']) {
		await retention.clear();
		await retention.pressSequentially(typed);
		await save(page);
		await expect(retention, `after typing '${typed}'`).toHaveAttribute('aria-invalid', 'true');
		await expect(retention).toHaveAccessibleDescription(RETENTION_RULE);
		await expect(page.getByText(RETENTION_RULE)).toBeVisible();
		await expect(page.getByText('Settings saved.')).toHaveCount(0);
	}
	await retention.fill('0.5');
	await save(page);
	await expect(page.getByText('Must be a number from 0.70 to 0.99, got 0.5')).toBeVisible();

	await page.reload();
	await expect(field(page, 'Desired retention')).toHaveValue('0.85');
	await expect(field(page, 'Desired retention')).not.toHaveAttribute('aria-invalid', 'true');
});

test('saved settings survive a reload and set the day’s limits', async ({ page }) => {
	const ids = REVIEW_QUESTIONS.map((q) => q.id);
	await seedProgress(page, {
		cards: ids.slice(0, 3).map((id, i) => ratedCard(id, 'review', -(i + 1) * DAY))
	});
	await page.goto('/settings');
	await field(page, 'Desired retention').fill('0.80');
	await field(page, 'New cards per day').fill('1');
	await field(page, 'Reviews per day').fill('1');
	await save(page);
	await expect(page.getByText('Settings saved.')).toBeVisible();

	await page.reload();
	await expect(field(page, 'Desired retention')).toHaveValue('0.80');
	await expect(field(page, 'New cards per day')).toHaveValue('1');
	await expect(field(page, 'Reviews per day')).toHaveValue('1');

	await openFromMenu(page, 'Today');
	await expect(tile(page, 'Due')).toHaveText('1');
	await expect(tile(page, 'New')).toHaveText('1');
	await page.getByRole('link', { name: 'Start review' }).click();
	// Easy, so neither card comes back within the session as a learning card.
	await rateCard(page, 'Easy');
	await rateCard(page, 'Easy');
	// Three reviews were due and 92 cards are new: the limits end the session after one of each.
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await expect(page.getByText('Reviewed: 2')).toBeVisible();
});

test('reset progress asks first: cancelling keeps everything, confirming clears reviews but keeps settings', async ({
	page
}) => {
	const seen = REVIEW_QUESTIONS.slice(0, 4).map((q) => ratedCard(q.id, 'review', 10 * DAY));
	await seedProgress(page, {
		cards: seen,
		logs: seen.map(logOf),
		today: { new: 0, review: 3, learning: 0 },
		settings: { newPerDay: 7, desiredRetention: 0.93 }
	});
	await page.goto('/settings');
	const confirm = page.getByRole('group', { name: /Delete every card's progress/ });

	await page.getByRole('button', { name: 'Reset progress…' }).click();
	await expect(confirm).toBeVisible();
	await confirm.getByRole('button', { name: 'Cancel' }).click();
	await expect(confirm).toHaveCount(0);
	await openFromMenu(page, 'Today');
	await expect(tile(page, 'Reviewed today')).toHaveText('3');
	expect(await storedRecords(page, 'card')).toHaveLength(4);
	expect(await storedRecords(page, 'log')).toHaveLength(4);

	await openFromMenu(page, 'Settings');
	await page.getByRole('button', { name: 'Reset progress…' }).click();
	await confirm.getByRole('button', { name: 'Yes, reset my progress' }).click();
	await expect(page.getByText('Your progress was reset.')).toBeVisible();
	expect(await storedRecords(page, 'card')).toEqual([]);
	expect(await storedRecords(page, 'log')).toEqual([]);

	await page.goto('/');
	await expect(tile(page, 'Reviewed today')).toHaveText('0');
	await expect(tile(page, 'Streak')).toHaveText('0 days');
	// The kept limit of 7 new cards a day, none of them used yet.
	await expect(tile(page, 'New')).toHaveText('7');
	await page.goto('/settings');
	await expect(field(page, 'New cards per day')).toHaveValue('7');
	await expect(field(page, 'Desired retention')).toHaveValue('0.93');
});

test('the settings form is labelled and follows the page order with Tab', async ({ page }) => {
	await page.goto('/settings');
	const order = [
		field(page, 'Desired retention'),
		field(page, 'New cards per day'),
		field(page, 'Reviews per day'),
		field(page, 'The day starts at'),
		page.getByRole('radio', { name: 'Follow the system' }),
		page.getByRole('checkbox', { name: 'Quiz answers count toward my schedule' }),
		page.getByRole('button', { name: 'Save settings' })
	];
	// The form is in the page's HTML, disabled until the settings are read.
	await expect(order[0]!).toBeEnabled();
	await order[0]!.focus();
	for (const next of order.slice(1)) {
		await page.keyboard.press('Tab');
		await expect(next).toBeFocused();
	}
	// Saving and the reset's confirmation work from the keyboard alone.
	await order[1]!.focus();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('3');
	await page.keyboard.press('Enter');
	await expect(page.getByText('Settings saved.')).toBeVisible();
	await page.getByRole('button', { name: 'Reset progress…' }).focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(page.locator(':focus')).toHaveText(/^(Yes, reset my progress|Cancel)$/);
});

/**
 * Stands in for the browser's storage manager: `persist()` is counted and answers `grant`, and
 * `persisted()` then tells the truth, across page loads (kept in localStorage).
 */
async function stubPersistence(page: Page, grant: boolean) {
	await page.addInitScript((grant) => {
		const storage = navigator.storage;
		storage.persisted = async () => localStorage.getItem('test:persisted') === 'true';
		storage.persist = async () => {
			const calls = Number(localStorage.getItem('test:persist-calls') ?? 0);
			localStorage.setItem('test:persist-calls', String(calls + 1));
			if (grant) localStorage.setItem('test:persisted', 'true');
			return grant;
		};
	}, grant);
}

function persistCalls(page: Page): Promise<number> {
	return page.evaluate(() => Number(localStorage.getItem('test:persist-calls') ?? 0));
}

for (const { grant, shown } of [
	{ grant: true, shown: /^Granted: the browser will not clear your progress/ },
	{ grant: false, shown: /^Not granted yet: the browser may clear site data/ }
]) {
	test(`the first rating asks for persistent storage once, and Settings shows it ${grant ? 'granted' : 'refused'}`, async ({
		page
	}) => {
		await stubPersistence(page, grant);
		await page.goto('/settings');
		const status = page.getByText(/^Persistent storage:/);
		await expect(status).toContainText('Not granted yet');

		await page.goto('/review');
		await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
		expect(await persistCalls(page)).toBe(0);
		await rateCard(page, 'Easy');
		await expect.poll(() => persistCalls(page)).toBe(1);
		await rateCard(page, 'Easy');
		await openFromMenu(page, 'Settings');
		await expect(status.getByTestId('persistence')).toHaveText(shown);
		expect(await persistCalls(page)).toBe(1);

		await page.reload();
		await expect(status.getByTestId('persistence')).toHaveText(shown);
	});
}
