// "Study more" once the day's cards are done, and a chosen framework's unseen cards.
import { expect, START, test } from './support/clock';
import {
	frameworkName,
	ratedCard,
	REVIEW_QUESTIONS,
	seedProgress,
	DAY
} from './support/progress-seed';
import { expectTiles } from './support/app-pages';

// Noon today, whenever the test runs: the seeded day counter is today's.
function midday(): Date {
	const date = new Date(START);
	date.setHours(12, 0, 0, 0);
	return date;
}

const idsOf = (framework: string) =>
	REVIEW_QUESTIONS.filter((q) => q.framework === framework).map((q) => q.id);

test('with the new limit reached, “10 more new cards” gives 10 more, and they count as new', async ({
	page
}) => {
	await page.clock.setFixedTime(midday());
	await seedProgress(page, { today: { new: 20, review: 0, learning: 0 } });
	await page.goto('/');
	await expect(page.getByText(/All done for today/)).toBeVisible();

	const more = page.getByRole('region', { name: 'Study more' });
	await more.getByRole('link', { name: '10 more new cards' }).click();
	await expect(page).toHaveURL(/\/review\?new=10$/);
	const left = page.getByLabel('Left in this session');
	await expect(left).toContainText('New 10');

	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: 'Easy', exact: true }).click();
	await expect(left).toContainText('New 9');
	// Counted in today's ratings as the new card it was; Today offers 10 more again.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
	await expectTiles(page, { 'Reviewed today': '21', New: '0' });
	await expect(more.getByRole('link', { name: '10 more new cards' })).toBeVisible();
});

test('“Review this framework” on a framework never studied starts with its new cards, past the day’s new limit', async ({
	page
}) => {
	await page.clock.setFixedTime(midday());
	const overview = idsOf('overview');
	const eas = idsOf('eas');
	await seedProgress(page, {
		cards: overview.slice(0, 3).map((id) => ratedCard(id, 'review', 5 * DAY)),
		today: { new: 20, review: 0, learning: 0 }
	});
	await page.goto('/review?framework=eas');

	await expect(page.getByText(`Reviewing ${frameworkName('eas')} only.`)).toBeVisible();
	await expect(page.getByLabel('Left in this session')).toContainText(`New ${eas.length}`);
	const prompt = (await page.locator('#card-front').textContent())?.trim();
	const question = REVIEW_QUESTIONS.find((q) => q.prompt === prompt);
	expect(question?.framework).toBe('eas');
	expect(question?.id).toBe(eas[0]);
});
