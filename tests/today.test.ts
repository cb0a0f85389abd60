import { expect, type Page, START, test } from './support/clock';
import { DEFAULT_SETTINGS } from '../src/lib/domain/records/settings';
import { dayKey, previousDayKey } from '../src/lib/domain/study-day/study-day';
import { SCHEMA_VERSION } from '../src/lib/storage/records';
import { SEED } from './support/idb-seed';
import { expectTiles } from './support/app-pages';

/** Seeds day counters for the `count` study days before today, `perDay` new cards each. */
async function seedPastDays(page: Page, count: number, perDay: number) {
	// The browser runs in this machine's time zone, so the app's day keys match these.
	const today = dayKey(START.getTime(), DEFAULT_SETTINGS.dayStartHour);
	const entries: [unknown, unknown][] = [['meta', { schemaVersion: SCHEMA_VERSION, createdAt: 0 }]];
	let day = today;
	for (let i = 0; i < count; i++) {
		day = previousDayKey(day);
		entries.push([['day', day], { day, new: perDay, review: 0, learning: 0 }]);
	}
	// Same origin, but no app page: the app must open the database only after the seed.
	await page.goto('/robots.txt');
	await page.evaluate(`(${SEED})(${JSON.stringify(entries)})`);
}

test('the streak and the backup reminder count study days long past, and today joins them', async ({
	page
}) => {
	// Ten days back, well before the recent days the review loads with the cards.
	await seedPastDays(page, 10, 6);
	await page.goto('/');
	await expectTiles(page, { Streak: '10 days', 'Reviewed today': '0' });
	// 60 reviews and no backup yet: the reminder needs every day's counter to know.
	await expect(page.getByRole('note')).toContainText('You have not made a backup yet.');

	await page.getByRole('link', { name: 'Start review' }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: 'Good', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
	await expectTiles(page, { Streak: '11 days', 'Reviewed today': '1' });

	await page.reload();
	await expectTiles(page, { Streak: '11 days', 'Reviewed today': '1' });
});
