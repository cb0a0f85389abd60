import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, START, test } from './support/clock';
import {
	newCard,
	type CardState,
	type Rating,
	type ReviewRecord
} from '../src/lib/domain/schedule/scheduler';
import type { StoredCard } from '../src/lib/domain/schedule/scheduler';
import { dayKey } from '../src/lib/domain/study-day/study-day';
import { logRecord } from '../src/lib/domain/records/review-log.fixture';
import { expectTiles, openFromMenu } from './support/app-pages';
import { DAY, MINUTE, REVIEW_QUESTIONS, seedProgress, type Seed } from './support/progress-seed';

// Stats and Today count the same things the same way, each figure says what it counts, and an
// empty figure says what to do next, with a link there.

/** Midday today: the study day (from 4 a.m.) never turns while a test runs. */
function middayToday(): number {
	const midday = new Date(START);
	midday.setHours(12, 0, 0, 0);
	return midday.getTime();
}

const NOW = middayToday();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ids = REVIEW_QUESTIONS.map((q) => q.id);

function card(id: string, state: Exclude<CardState, 'new'>, due: number): StoredCard {
	return {
		...newCard(id, NOW - 30 * DAY),
		state,
		due,
		stability: 3,
		difficulty: 5,
		reps: 2,
		scheduled_days: 2,
		last_review: NOW - 3 * 3_600_000
	};
}

function log(id: string, at: number, state: CardState, rating: Rating = 'good'): ReviewRecord {
	return logRecord(id, at, { rating, state, stability: 3 });
}

/** A first day of study: 20 new cards, each through its learning steps, 62 reviews in all. */
const FIRST_DAY: Seed = {
	now: NOW,
	cards: [
		...ids.slice(0, 15).map((id) => card(id, 'review', NOW + 2 * DAY)),
		...ids.slice(15, 20).map((id) => card(id, 'learning', NOW - MINUTE))
	],
	logs: Array.from({ length: 62 }, (_, i) =>
		log(ids[i % 20]!, NOW - 3 * 3_600_000 + i * MINUTE, i < 20 ? 'new' : 'learning')
	),
	today: { new: 20, learning: 42, review: 0 }
};

/**
 * Five due reviews with a limit of three a day, two learning steps due now, and a week of due
 * reviews: four passed, one forgotten.
 */
const HELD_BACK: Seed = {
	now: NOW,
	settings: { reviewsPerDay: 3 },
	cards: [
		...ids.slice(0, 5).map((id) => card(id, 'review', NOW - DAY)),
		...ids.slice(40, 42).map((id) => card(id, 'learning', NOW - MINUTE))
	],
	logs: ids
		.slice(0, 5)
		.map((id, i) => log(id, NOW - 4 * DAY + i * MINUTE, 'review', i === 0 ? 'again' : 'good'))
};

/** Opens `path` at NOW on the progress of `seed`. */
async function openSeeded(page: Page, seed: Seed, path: string) {
	await page.clock.setFixedTime(NOW);
	await seedProgress(page, seed);
	await page.goto(path);
}

async function openStats(page: Page) {
	await openFromMenu(page, 'Stats');
	await expect(page.locator('main')).not.toContainText('Loading');
}

/** The first day's counts in the forecast's table (today first). */
async function forecastRows(page: Page): Promise<number[]> {
	const figure = page.getByRole('figure', { name: /Cards due per day over the next 30 days/ });
	await figure.getByText('Show as table').click();
	const cells = figure.getByRole('table').getByRole('row').locator('td');
	return (await cells.allTextContents()).map(Number);
}

test('a first day of 62 reviews: Today and Stats agree, and true retention says why it has no figure yet', async ({
	page
}) => {
	await openSeeded(page, FIRST_DAY, '/');
	await expectTiles(page, { 'Reviewed today': '62', Due: '0', Learning: '5' });

	await openStats(page);
	const today = dayKey(NOW, 4);
	await expect(page.locator(`.cell[data-day="${today}"]`)).toHaveAttribute(
		'title',
		/: 62 reviews$/
	);
	await expect(
		page.getByRole('figure', { name: /Reviews per day over the last 12 weeks \(62 in all\)/ })
	).toBeVisible();
	// Today's row is Today's Due + Learning; the 15 graduated cards come back in two days.
	expect((await forecastRows(page)).slice(0, 3)).toEqual([5, 0, 15]);

	const retention = page.getByRole('region', { name: 'True retention' });
	await expect(retention.getByText('no due review yet')).toHaveCount(2);
	const why = retention.getByText(
		/^Your 62 reviews in the last 30 days were all of new cards and learning steps\. The first figure comes with your first due review, on \w{3} \d+ \w{3}\./
	);
	await expect(why).toBeVisible();
	await retention.getByRole('link', { name: 'Start a review' }).click();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
});

test('Today’s Due and Learning are Stats’ cards due today; reviews the limit held back count tomorrow', async ({
	page
}) => {
	await openSeeded(page, HELD_BACK, '/');
	await expectTiles(page, { Due: '3', Learning: '2' });

	await openStats(page);
	const [todayRow, tomorrowRow] = await forecastRows(page);
	expect(todayRow).toBe(3 + 2);
	expect(tomorrowRow).toBe(2);
	// Due reviews only: four of five passed, below the desired 90%.
	const week = page.getByRole('region', { name: 'True retention' }).locator('dl div').first();
	await expect(week).toContainText('80%');
	await expect(week).toContainText('4 of 5 due reviews passed · below target');
});

test('every empty figure says what to do and links there', async ({ page }) => {
	await page.goto('/stats');
	await expect(page.locator('main')).not.toContainText('Loading');
	const steps = page.locator('main p').filter({ has: page.getByRole('link') });
	const expected = [
		['No review in the last 12 weeks yet.', 'Start a review', '/review'],
		['No card is scheduled yet', 'Start a review', '/review'],
		['No review in the last 30 days.', 'Start a review', '/review'],
		['No card seen yet.', 'Start a review', '/review'],
		['No quiz answered yet', 'Take a quiz', '/quiz'],
		['No wrong pick in a quiz yet', 'Take a quiz', '/quiz']
	] as const;
	for (const [text, action, path] of expected) {
		const step = steps.filter({ hasText: text });
		await expect(step, text).toHaveCount(1);
		await expect(step.getByRole('link', { name: action })).toHaveAttribute('href', path);
	}
	await steps
		.filter({ hasText: 'No quiz answered yet' })
		.getByRole('link', { name: 'Take a quiz' })
		.click();
	await expect(page.getByRole('heading', { name: 'Quiz', level: 1 })).toBeVisible();
});

test('the heatmap names each weekday, each month over the week it begins in, and its shades', async ({
	page
}) => {
	await openSeeded(page, FIRST_DAY, '/stats');
	const heatmap = page.getByRole('figure', { name: /Reviews per day over the last 12 weeks/ });
	await expect(heatmap.locator('.cell[data-day]')).toHaveCount(84);
	for (const [row, name] of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].entries()) {
		// Each name sits level with its row of days.
		const label = heatmap.locator('.weekday', { hasText: name });
		const days = await heatmap
			.locator('.cell[data-day]')
			.evaluateAll(
				(cells, row) =>
					cells
						.filter(
							(c) => (new Date(`${c.getAttribute('data-day')}T12:00`).getDay() + 6) % 7 === row
						)
						.map((c) => c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2),
				row
			);
		const box = (await label.boundingBox())!;
		for (const middle of days) expect(Math.abs(middle - (box.y + box.height / 2))).toBeLessThan(4);
	}
	// A month's name stands over the column holding its first day, inside the grid.
	const grid = (await heatmap.locator('.heatmap').boundingBox())!;
	const firsts = await heatmap.locator('.cell[data-day$="-01"]').evaluateAll((cells) =>
		cells.map((c) => {
			const box = c.getBoundingClientRect();
			return {
				month: Number(c.getAttribute('data-day')?.slice(5, 7)),
				left: box.left,
				right: box.right
			};
		})
	);
	expect(firsts.length).toBeGreaterThanOrEqual(2);
	for (const { month, left, right } of firsts) {
		const name = MONTHS[month - 1]!;
		const label = (await heatmap.locator('.month', { hasText: name }).boundingBox())!;
		expect(label.x, name).toBeLessThan(right);
		expect(label.x + label.width, name).toBeGreaterThan(left);
		expect(label.x + label.width, name).toBeLessThanOrEqual(grid.x + grid.width + 0.5);
	}
	// The legend says how many reviews a day each shade stands for: the busiest day is 62.
	await expect(heatmap.getByRole('listitem')).toHaveText(['0', '1–15', '16–31', '32–46', '47–62']);
	await expect(page.locator(`.cell[data-day="${dayKey(NOW, 4)}"]`)).toHaveClass(/level-4/);
});

for (const width of [320, 390, 1280]) {
	for (const colorScheme of ['light', 'dark'] as const) {
		test(`stats at ${width} px in ${colorScheme}: no sideways scroll, axe-clean, empty and full`, async ({
			page
		}) => {
			// Two pages through axe's contrast check, on a busy machine.
			test.setTimeout(120_000);
			await page.setViewportSize({ width, height: 800 });
			await page.emulateMedia({ colorScheme });
			await page.clock.setFixedTime(NOW);
			for (const seed of [null, HELD_BACK]) {
				if (seed) await seedProgress(page, seed);
				await page.goto('/stats');
				await expect(page.locator('main')).not.toContainText('Loading');
				await expect(page.getByRole('heading', { name: 'Most often confused' })).toBeVisible();
				await page
					.locator('details summary')
					.evaluateAll((summaries) => summaries.forEach((s) => (s as HTMLElement).click()));
				const { scrollWidth, clientWidth } = await page.evaluate(() => ({
					scrollWidth: document.documentElement.scrollWidth,
					clientWidth: document.documentElement.clientWidth
				}));
				expect(scrollWidth, seed ? 'with reviews' : 'empty').toBeLessThanOrEqual(clientWidth);
				const results = await new AxeBuilder({ page }).analyze();
				expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
			}
		});
	}
}
