// The exam plan on Today, as a student with an exam date meets it (production build, fixed clock).
import { expect, test } from './support/clock';
import { seedProgress } from './support/progress-seed';
import { tile } from './support/app-pages';

// A Monday at noon, local time; the exam is on the Thursday, three study days away.
const NOW = new Date(2026, 0, 5, 12);
const EXAM = '2026-01-08';

// A fresh profile with the exam date set and 5 minutes a day.
test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(NOW);
	await seedProgress(page, { settings: { examDate: EXAM, minutesPerDay: 5 } });
});

test('a fresh profile with an exam in 3 days and 5 minutes a day is told what seeing every card takes, and one tap uses it', async ({
	page
}) => {
	await page.goto('/');

	const outlook = page.getByRole('region', { name: /^Exam in 3 days/ });
	// Five minutes of 20-second new cards: 15 of them, and no review yet.
	await expect(outlook.getByTestId('plan-today')).toHaveText(
		'Today: about 5 minutes, 0 reviews and 15 new cards.'
	);
	await expect(tile(page, 'New')).toHaveText('15');
	await expect(outlook.getByTestId('plan-recall')).toHaveText(
		/^Predicted recall of all your cards on exam day: \d+% if you follow the plan,\s+0% if you stop now\.$/
	);

	const pacing = outlook.getByTestId('plan-pacing');
	const warning = ((await pacing.getByRole('paragraph').textContent()) ?? '').replace(/\s+/g, ' ');
	const needed =
		/^To see every card that can come up \(\d+ of \d+\) before Thu 8 Jan you need about (\d+) minutes a day\.$/.exec(
			warning.trim()
		);
	expect(needed, warning).not.toBeNull();
	const minutes = Number(needed?.[1]);
	expect(minutes).toBeGreaterThan(5);

	await pacing.getByRole('button', { name: `Use ${minutes} minutes a day` }).click();
	await expect(pacing).toHaveCount(0);
	await expect(
		outlook.getByRole('heading', { name: `Your plan: ${minutes} minutes a day` })
	).toBeVisible();
	// Today's plan now fills about the new budget, and Today's count of new cards follows it.
	const today = ((await outlook.getByTestId('plan-today').textContent()) ?? '').replace(
		/\s+/g,
		' '
	);
	const planned = /about (\d+) minutes, 0 reviews and (\d+) new cards/.exec(today);
	expect(planned, today).not.toBeNull();
	expect(Number(planned?.[1])).toBeLessThanOrEqual(minutes);
	expect(Number(planned?.[2])).toBeGreaterThan(15);
	await expect(tile(page, 'New')).toHaveText(planned?.[2] ?? '');

	// Stored, so it holds after a reload.
	await page.reload();
	await expect(
		page.getByRole('heading', { name: `Your plan: ${minutes} minutes a day` })
	).toBeVisible();
	await expect(page.getByTestId('plan-pacing')).toHaveCount(0);
});

test('Stats shows the planned recall beside the no-more-study curve, and the plan’s minutes a day, with tables', async ({
	page
}) => {
	await page.goto('/stats');

	const recall = page.getByRole('region', { name: 'Until the exam' });
	await recall.scrollIntoViewIfNeeded();
	await expect(recall.locator('canvas').first()).toBeVisible();
	await recall.getByText('Show as table').click();
	const table = recall.getByRole('table');
	await expect(table.getByRole('columnheader')).toHaveText([
		'Day',
		'Following the plan',
		'Nothing more'
	]);
	// Today and the three days to the exam; nothing studied yet, so nothing more stays at 0%.
	const rows = table.locator('tbody tr');
	await expect(rows).toHaveCount(4);
	await expect(rows.first().getByRole('cell')).toHaveText(['0%', '0%']);
	const atExam = await rows.last().getByRole('cell').allTextContents();
	expect(Number(atExam[0]?.replace('%', ''))).toBeGreaterThan(20);
	expect(atExam[1]).toBe('0%');

	const minutes = page.getByRole('region', { name: 'Your study plan' });
	await minutes.getByText('Show as table').click();
	const perDay = async () =>
		(await minutes.getByRole('table').locator('tbody td').allTextContents()).map(Number);
	// Five minutes on each study day, none on the exam day (polled: the table may be drawn
	// before the plan's days are all worked out).
	await expect.poll(perDay).toEqual([5, 5, 5, 0]);
});
