import { expect, type Page, test } from './support/clock';
import { DEFAULT_SETTINGS } from '../src/lib/domain/records/settings';
import { storedRecords } from './support/stored';

const DAY = 86_400_000;

/** The study day `days` after today's, in the browser's clock and zone: 'YYYY-MM-DD'. */
function studyDayFromToday(page: Page, days: number, startHour: number): Promise<string> {
	return page.evaluate(
		([days, startHour]) => {
			// Before the start hour it is still yesterday's study day.
			const date = new Date(Date.now() - startHour * 3_600_000);
			date.setDate(date.getDate() + days);
			const pad = (n: number) => String(n).padStart(2, '0');
			return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
		},
		[days, startHour] as const
	);
}

/** A rating button's interval label ("10m", "3d", "2mo") in days. */
function labelDays(label: string): number {
	const match = /^(\d+(?:\.\d+)?)(m|h|d|mo|y)$/.exec(label);
	if (!match) throw new Error(`not an interval label: "${label}"`);
	const unit = { m: 1 / 1440, h: 1 / 24, d: 1, mo: 30, y: 365 }[match[2] as string] as number;
	return Number(match[1]) * unit;
}

test('with an exam date set, no rating schedules a card past the exam day, at any hour', async ({
	page
}) => {
	// A fresh profile: only new cards, whose Easy interval (about two weeks by the default
	// parameters) is far past an exam three study days away.
	const daysLeft = 3;
	const { dayStartHour } = DEFAULT_SETTINGS;
	await page.goto('/settings');
	const examDay = await studyDayFromToday(page, daysLeft, dayStartHour);
	await page.getByRole('textbox', { name: 'Exam date' }).fill(examDay);
	// Saved as it is picked: there is no Save button.
	await expect(
		page.getByRole('status').filter({ hasText: 'Saved: no card will be scheduled past' })
	).toBeVisible();

	await page.goto('/review');
	const rated: string[] = [];
	for (let i = 0; i < 3; i += 1) {
		const front = (await page.locator('#card-front').textContent())?.trim() ?? '';
		await page.getByRole('button', { name: 'Show answer' }).click();
		for (const name of ['Again', 'Hard', 'Good', 'Easy']) {
			const label = (await page.locator(`#interval-${name.toLowerCase()}`).textContent()) ?? '';
			expect(labelDays(label.trim()), `${name}: ${label}`).toBeLessThanOrEqual(daysLeft);
		}
		rated.push(front);
		await page.getByRole('button', { name: 'Easy', exact: true }).click();
		await expect(page.locator('#card-front')).not.toHaveText(front);
	}

	// What was saved holds too: every rated card is due before the exam's study day ends.
	const examDayEnd = await page.evaluate(
		([day, startHour]) => {
			const [y, m, d] = day.split('-').map(Number) as [number, number, number];
			return new Date(y, m - 1, d + 1, startHour).getTime();
		},
		[examDay, dayStartHour] as const
	);
	const cards = (await storedRecords(page, 'card')) as { state: string; due: number }[];
	const reviewed = cards.filter((card) => card.state === 'review');
	expect(reviewed).toHaveLength(rated.length);
	for (const card of reviewed) {
		expect(card.due).toBeLessThan(examDayEnd);
		// Easy still gave the longest interval the exam allows, not a learning step.
		expect(card.due).toBeGreaterThan(examDayEnd - 2 * DAY);
	}
});
