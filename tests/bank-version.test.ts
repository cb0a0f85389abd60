import { expect, test } from './support/clock';
import type { StoredCard } from '../src/lib/domain/schedule/scheduler';
import {
	DAY,
	frameworkName,
	logOf,
	MINUTE,
	ratedCard,
	REVIEW_QUESTIONS,
	seedProgress
} from './support/progress-seed';
import { storedRecords } from './support/stored';
import { expectTiles, openFromMenu, rateCard, tile } from './support/app-pages';

// Progress saved under an older bank: every card of today's bank but three (which the new bank
// brought), plus two cards whose questions have since left the bank, both due now. The three
// arrivals ask three different facts (the last card of each of the last three), since the cards
// of one fact are siblings and only one of them is reviewed in a study day.
const arrived = [...new Map(REVIEW_QUESTIONS.map((q) => [q.fact, q])).values()].slice(-3);
const kept = REVIEW_QUESTIONS.filter((q) => !arrived.includes(q)).map((q) =>
	ratedCard(q.id, 'review', 30 * DAY, 25)
);
const retired = [
	ratedCard('retired-fact.recall', 'review', -3 * DAY),
	ratedCard('retired-fact.cloze', 'learning', -MINUTE)
];

function byId(records: unknown[]): Map<string, StoredCard> {
	return new Map((records as StoredCard[]).map((card) => [card.id, card]));
}

test('a new bank version keeps progress, brings its new questions as new cards and hides retired ones', async ({
	page
}) => {
	await seedProgress(page, {
		cards: [...kept, ...retired],
		logs: [...kept, ...retired].map(logOf)
	});
	await page.goto('/');

	// Only the three arrivals are left to do: the retired cards are neither due nor learning.
	await expectTiles(page, { New: '3', Due: '0', Learning: '0' });
	const framework = arrived[0]!.framework;
	const total = REVIEW_QUESTIONS.filter((q) => q.framework === framework).length;
	expect(arrived.every((q) => q.framework === framework)).toBe(true);
	const row = page.getByRole('row', { name: frameworkName(framework) });
	// The kept cards are still seen, and mastered (stability 25 days); the arrivals are unseen.
	await expect(row.getByRole('cell')).toHaveText([`${total - 3} / ${total}`, String(total - 3)]);

	await page.getByRole('link', { name: 'Start review' }).click();
	const shown: string[] = [];
	for (let i = 0; i < arrived.length; i += 1) {
		shown.push((await page.locator('#card-front').textContent()) ?? '');
		await rateCard(page, 'Easy');
	}
	expect(shown).toEqual(arrived.map((q) => q.prompt));
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await expect(page.getByText('Reviewed: 3')).toBeVisible();

	// Nothing was lost: kept and retired cards are stored as seeded, with their history.
	const cards = byId(await storedRecords(page, 'card'));
	for (const card of [...kept, ...retired]) expect(cards.get(card.id)).toEqual(card);
	for (const q of arrived) expect(cards.get(q.id)?.state).toBe('review');
	const logs = (await storedRecords(page, 'log')) as { card_id: string }[];
	expect(logs.filter((l) => l.card_id.startsWith('retired-fact.'))).toHaveLength(2);
	expect(logs).toHaveLength(kept.length + retired.length + arrived.length);

	await openFromMenu(page, 'Today');
	await expect(page.getByText(/All done for today/)).toBeVisible();
	await expect(tile(page, 'Reviewed today')).toHaveText('3');
});
