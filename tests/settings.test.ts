import { expect, test, type Page } from './support/clock';
import { DAY, logOf, ratedCard, REVIEW_QUESTIONS, seedProgress } from './support/progress-seed';
import { storedRecords, storedValue } from './support/stored';
import { refuseWrites } from './support/disk-full';
import {
	expectNoSidewaysScroll,
	expectTiles,
	openFromMenu,
	rateCard,
	setNumberSetting,
	settingNotice,
	tile
} from './support/app-pages';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function field(page: Page, label: string) {
	return page.getByLabel(label, { exact: true });
}

/** The settings record as IndexedDB holds it. */
async function storedSettings(page: Page) {
	return (await storedValue(page, 'settings')) as Record<string, unknown> | undefined;
}

test('desired retention is typed as a percentage; what is not one is refused on the field and never saved', async ({
	page
}) => {
	await seedProgress(page, { settings: { desiredRetention: 0.85 } });
	await page.goto('/settings');
	const retention = field(page, 'Desired retention');
	await expect(retention).toHaveValue('85');

	for (const [typed, message] of [
		['50', '"50" is not a whole percentage from 70 to 99.'],
		['120', '"120" is not a whole percentage from 70 to 99.'],
		['abc', '"abc" is not a whole percentage from 70 to 99.'],
		['0.9', '"0.9" is not a whole percentage from 70 to 99: for 0.9, type 90.'],
		['', 'Type a whole percentage from 70 to 99.']
	]) {
		await retention.fill(typed!);
		await retention.blur();
		await expect(retention, `after typing '${typed}'`).toHaveAttribute('aria-invalid', 'true');
		await expect(retention).toHaveAccessibleDescription(new RegExp(escape(message!)));
		await expect(page.getByText(message!, { exact: true })).toBeVisible();
		await expect(settingNotice(page, retention)).toBeEmpty();
	}
	expect(await storedSettings(page)).toMatchObject({ desiredRetention: 0.85 });

	// Fixing the text saves it, after a pause in typing, with no button.
	await retention.fill('92');
	await expect(settingNotice(page, retention)).toHaveText(/^Saved\./);
	await expect(retention).not.toHaveAttribute('aria-invalid');
	expect(await storedSettings(page)).toMatchObject({ desiredRetention: 0.92 });
	await page.reload();
	await expect(field(page, 'Desired retention')).toHaveValue('92');
});

test('every setting applies when changed, with no Save button, and survives leaving at once', async ({
	page
}) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/settings');
	await expect(field(page, 'New cards per day')).toBeEnabled();
	await expect(page.getByRole('button', { name: /save/i })).toHaveCount(0);

	// The theme shows at once.
	await page.getByRole('radio', { name: 'Dark' }).check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.getByLabel('The day starts at').selectOption('06:00');
	await expect(settingNotice(page, page.getByLabel('The day starts at'))).toHaveText(/^Saved\./);
	await page.getByRole('checkbox', { name: 'Quiz answers count toward my schedule' }).check();
	// Typed, then straight to another page: nothing waits for a pause or a button.
	await field(page, 'Reviews per day').fill('150');
	await field(page, 'Desired retention').fill('80');
	await openFromMenu(page, 'Today');
	await expect
		.poll(() => storedSettings(page))
		.toMatchObject({
			theme: 'dark',
			dayStartHour: 6,
			quizCountsTowardSchedule: true,
			reviewsPerDay: 150,
			desiredRetention: 0.8
		});

	await openFromMenu(page, 'Settings');
	await expect(field(page, 'Reviews per day')).toHaveValue('150');
	await expect(field(page, 'Desired retention')).toHaveValue('80');
	await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
	await expect(page.getByLabel('The day starts at')).toHaveValue('6');
});

test('“Saved. Undo” puts the previous value back', async ({ page }) => {
	await seedProgress(page, { settings: { newPerDay: 20 } });
	await page.goto('/settings');
	const newCards = field(page, 'New cards per day');
	await setNumberSetting(page, 'New cards per day', 5);
	const notice = settingNotice(page, newCards);
	await expect(notice).toHaveText('Saved. Undo');
	expect(await storedSettings(page)).toMatchObject({ newPerDay: 5 });

	await notice.getByRole('button', { name: 'Undo' }).press('Enter');
	await expect(newCards).toHaveValue('20');
	await expect(notice).toHaveText('Undone: the previous value is back.');
	// The button is gone; focus stays on what it did.
	await expect(notice).toBeFocused();
	expect(await storedSettings(page)).toMatchObject({ newPerDay: 20 });

	// The theme too: back to the system's, at once.
	await page.emulateMedia({ colorScheme: 'light' });
	const dark = page.getByRole('radio', { name: 'Dark' });
	await dark.check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await settingNotice(page, dark).getByRole('button', { name: 'Undo' }).click();
	await expect(page.locator('html')).not.toHaveAttribute('data-theme');
	await expect(page.getByRole('radio', { name: 'Follow the system' })).toBeChecked();
});

test('a change the full disk refuses says so beside the setting and keeps the saved value', async ({
	page
}) => {
	await refuseWrites(page, 'settings', true);
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/settings');
	const dark = page.getByRole('radio', { name: 'Dark' });
	await expect(dark).toBeEnabled();
	// A click, not check(): the refusal may put the choice back before check() looks.
	await dark.click();
	const notice = settingNotice(page, dark);
	await expect(notice).toHaveText(
		/^The storage for Kizuna on this device is full, so the last change was not saved\..* The setting keeps its previous value\.\s*$/
	);
	await expect(page.getByRole('radio', { name: 'Follow the system' })).toBeChecked();
	await expect(page.locator('html')).not.toHaveAttribute('data-theme');

	const retention = field(page, 'Desired retention');
	await retention.fill('80');
	await retention.blur();
	await expect(settingNotice(page, retention)).toContainText(
		'The setting keeps its previous value.'
	);
	await expect(retention).toHaveValue('90');
	await expect(settingNotice(page, retention).getByRole('button')).toHaveCount(0);

	// The refusal reads in both themes.
	const { default: AxeBuilder } = await import('@axe-core/playwright');
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const results = await new AxeBuilder({ page }).include('main fieldset').analyze();
		expect(
			results.violations.map((v) => `${v.id}: ${v.nodes.length}`),
			colorScheme
		).toEqual([]);
	}
});

test('saved settings set the day’s limits', async ({ page }) => {
	const ids = REVIEW_QUESTIONS.map((q) => q.id);
	await seedProgress(page, {
		cards: ids.slice(0, 3).map((id, i) => ratedCard(id, 'review', -(i + 1) * DAY))
	});
	await page.goto('/settings');
	await setNumberSetting(page, 'New cards per day', 1);
	await setNumberSetting(page, 'Reviews per day', 1);

	await openFromMenu(page, 'Today');
	await expectTiles(page, { Due: '1', New: '1' });
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
	await expectTiles(page, {
		'Reviewed today': '0',
		Streak: '0 days',
		// The kept limit of 7 new cards a day, none of them used yet.
		New: '7'
	});
	await page.goto('/settings');
	await expect(field(page, 'New cards per day')).toHaveValue('7');
	await expect(field(page, 'Desired retention')).toHaveValue('93');
});

test('the settings form is labelled, follows the page order with Tab, and saves from the keyboard', async ({
	page
}) => {
	await page.goto('/settings');
	const order = [
		field(page, 'Desired retention'),
		field(page, 'New cards per day'),
		field(page, 'Reviews per day'),
		field(page, 'Minutes a day until the exam'),
		field(page, 'The day starts at'),
		page.getByRole('radio', { name: 'Follow the system' }),
		page.getByRole('checkbox', { name: 'Quiz answers count toward my schedule' })
	];
	// The form is in the page's HTML, disabled until the settings are read.
	await expect(order[0]!).toBeEnabled();
	await order[0]!.focus();
	for (const next of order.slice(1)) {
		await page.keyboard.press('Tab');
		await expect(next).toBeFocused();
	}
	// Enter saves a number at once; Undo is the next stop after it.
	await order[1]!.focus();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('3');
	await page.keyboard.press('Enter');
	await expect(settingNotice(page, order[1]!)).toHaveText(/^Saved\./);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
	// Arrow keys move through the themes, each applied as it is reached.
	await page.getByRole('radio', { name: 'Follow the system' }).focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
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

for (const width of [320, 390, 1280]) {
	for (const colorScheme of ['light', 'dark'] as const) {
		test(`settings at ${width} px in ${colorScheme}: a refused number and a saved one, no sideways scroll, axe-clean`, async ({
			page
		}) => {
			test.setTimeout(90_000);
			const { default: AxeBuilder } = await import('@axe-core/playwright');
			await page.setViewportSize({ width, height: 800 });
			await page.emulateMedia({ colorScheme });
			await page.goto('/settings');
			const retention = field(page, 'Desired retention');
			await expect(retention).toBeEnabled();
			await retention.fill('abc');
			await retention.blur();
			await expect(retention).toHaveAttribute('aria-invalid', 'true');
			await setNumberSetting(page, 'New cards per day', 5);
			// Every section below the form has loaded, each opening with what it gives a student.
			for (const heading of ['Exam date', 'FSRS parameters', 'Backup', 'Sync']) {
				const opening = page.getByRole('heading', { name: heading, level: 2 }).locator('+ p');
				await expect(opening, heading).toHaveText(/^[A-Z][^.?!]*[?]?[^.?!]*\.$/);
			}
			await expect(page.getByRole('button', { name: 'Turn on sync' })).toBeVisible();
			await expectNoSidewaysScroll(page);
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
		});
	}
}
