import { expect, type Page, START, test } from './support/clock';
import { newCard } from '../src/lib/domain/schedule/scheduler';
import {
	DAY,
	frameworkName,
	MINUTE,
	ratedCard,
	REVIEW_QUESTIONS,
	seedProgress
} from './support/progress-seed';
import { expectTiles } from './support/app-pages';

const HOUR = 60 * MINUTE;

/** The review cards of one framework, in bank order. */
function idsOf(framework: string): string[] {
	return REVIEW_QUESTIONS.filter((q) => q.framework === framework).map((q) => q.id);
}

function frameworkRow(page: Page, framework: string) {
	return page.getByRole('row', { name: frameworkName(framework) });
}

test('the tiles count due reviews, new cards left today, learning cards and today’s ratings', async ({
	page
}) => {
	const ids = idsOf('overview');
	const g7 = idsOf('g7');
	await seedProgress(page, {
		cards: [
			ratedCard(ids[0]!, 'review', -2 * DAY),
			ratedCard(ids[1]!, 'review', -HOUR),
			ratedCard(ids[2]!, 'review', -5 * DAY),
			// Not due for a month: neither due nor anything else today.
			ratedCard(ids[3]!, 'review', 30 * DAY),
			ratedCard(ids[4]!, 'learning', -MINUTE),
			// Within the 20-minute learn-ahead window, so it is part of today's session.
			ratedCard(ids[5]!, 'relearning', 5 * MINUTE),
			// Hours away: it ends the session instead.
			ratedCard(ids[6]!, 'learning', 3 * HOUR),
			// Stored but never rated: new, and not seen (overview has seven review cards, all above).
			newCard(idsOf('eas')[0]!, START.getTime() - DAY),
			// G7: two mastered (stability of three weeks or more), one seen but not yet mastered.
			ratedCard(g7[0]!, 'review', 30 * DAY, 40),
			ratedCard(g7[4]!, 'review', 30 * DAY, 21),
			ratedCard(g7[2]!, 'review', 30 * DAY, 20),
			newCard(g7[3]!, START.getTime() - DAY)
		],
		today: { new: 5, review: 2, learning: 4 }
	});
	await page.goto('/');

	await expectTiles(page, {
		Due: '3',
		// 20 a day, 5 of them already introduced today.
		New: '15',
		Learning: '2',
		'Reviewed today': '11'
	});
	await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible();

	const overview = frameworkRow(page, 'overview');
	await expect(overview.getByRole('cell')).toHaveText([`7 / ${ids.length}`, '0']);
	await expect(frameworkRow(page, 'g7').getByRole('cell')).toHaveText([`3 / ${g7.length}`, '2']);
	await expect(frameworkRow(page, 'eas').getByRole('cell')).toHaveText([
		`0 / ${idsOf('eas').length}`,
		'0'
	]);
	// One row per framework of the bank, each with its review cards.
	await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(8);
});

test('with nothing due and the new limit reached, Today says so instead of offering a review', async ({
	page
}) => {
	const ids = idsOf('eas');
	await seedProgress(page, {
		cards: [ratedCard(ids[0]!, 'review', 2 * DAY), ratedCard(ids[1]!, 'learning', 3 * DAY)],
		today: { new: 20, review: 0, learning: 1 }
	});
	await page.goto('/');

	await expect(page.getByText(/All done for today — well studied!/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Practise with a quiz' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Start review' })).toHaveCount(0);
	await expectTiles(page, { Due: '0', New: '0', Learning: '0', 'Reviewed today': '21' });
});
