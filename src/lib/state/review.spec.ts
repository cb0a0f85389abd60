import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { newCard } from '$lib/domain/scheduler';
import { DEFAULT_SETTINGS } from '$lib/domain/settings';
import { openIdbStorage } from '$lib/storage';
import { bankState } from './bank.svelte';
import { Progress } from './progress.svelte';
import { Ratings } from './ratings.svelte';
import { ReviewSession } from './review.svelte';

const bank = readFileSync(new URL('../../../questions/bank.json', import.meta.url), 'utf8');

// This file's own progress and rating path: no state shared with other tests.
const DB = { dbName: 'kizuna-review-spec', channelName: null };
const progress = new Progress(DB);
const ratings = new Ratings(progress);

beforeAll(async () => {
	vi.stubGlobal('fetch', async () => new Response(bank));
	await Promise.all([bankState.load(), progress.load()]);
	await progress.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 3 });
});

/** Shows the answer and rates the current card; resolves once the rating is stored. */
async function answer(session: ReviewSession, rating: 'again' | 'good' | 'easy') {
	const id = session.currentId;
	session.reveal();
	await session.rate(rating);
	return id;
}

describe('a review session', () => {
	it('counts what was done, undoes several steps back, and shows an undone card first', async () => {
		const session = new ReviewSession(ratings);
		expect(session.queue.counts.new).toBe(3);
		const first = await answer(session, 'again');
		const second = await answer(session, 'easy');
		const third = await answer(session, 'easy');
		expect(new Set([first, second, third]).size).toBe(3);
		expect(session.stats).toMatchObject({ reviewed: 3, again: 1 });
		expect(progress.cards.get(third!)?.state).toBe('review');

		await session.undo();
		expect(session.currentId).toBe(third);
		expect(progress.cards.has(third!)).toBe(false);
		await session.undo();
		expect(session.currentId).toBe(second);
		expect(session.stats).toMatchObject({ reviewed: 1, again: 1 });
		expect(session.revealed).toBe(false);

		// The undone card is shown again and can be rated anew.
		expect(await answer(session, 'good')).toBe(second);
		expect(session.stats.reviewed).toBe(2);
		expect(session.canUndo).toBe(true);
	});

	it('ignores a rating before the answer is shown', async () => {
		const session = new ReviewSession(ratings);
		const before = session.stats.reviewed;
		const id = session.currentId;
		await session.rate('good');
		expect(session.stats.reviewed).toBe(before);
		expect(session.currentId).toBe(id);
	});
});

it('a card that takes the shown one’s place (another tab rated it) comes up with its answer hidden', async () => {
	const session = new ReviewSession(ratings);
	const shown = session.currentId!;
	session.reveal();
	expect(session.revealed).toBe(true);
	// Another tab rates the shown card: this tab's progress reloads and the queue moves on.
	const card = (await ratings.scheduler()).rate(
		progress.cards.get(shown) ?? newCard(shown, Date.now()),
		'easy',
		Date.now(),
		1000
	);
	const other = await openIdbStorage(DB);
	await other.saveRating({
		previous: progress.cards.get(shown) ?? null,
		card: card.card,
		log: card.log,
		day: progress.today()
	});
	other.close();
	await progress.refresh();
	expect(session.currentId).not.toBe(shown);
	expect(session.revealed).toBe(false);
});
