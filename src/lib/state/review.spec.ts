import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { newCard } from '$lib/domain/schedule/scheduler';
import { DEFAULT_SETTINGS } from '$lib/domain/records/settings';
import { openIdbStorage } from '$lib/storage';
import type { Bank } from '$lib/domain/bank/bank';
import { Progress } from './progress.svelte';
import { ratingsOn } from './ratings.fixture';
import { Ratings } from './ratings.svelte';
import { Writer } from './writer';
import { ReviewSession } from './review.svelte';

const bank = JSON.parse(
	readFileSync(new URL('../../../questions/bank.json', import.meta.url), 'utf8')
) as Bank;

// This file's own progress and rating path: no state shared with other tests.
const DB = { dbName: 'kizuna-review-spec', channelName: null };
const progress = new Progress(DB);
const writer = new Writer(progress);
const ratings = new Ratings(progress, async () => writer);

beforeAll(async () => {
	await progress.load();
	await writer.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 3 });
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
		const session = new ReviewSession(ratings, bank);
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
		const session = new ReviewSession(ratings, bank);
		const before = session.stats.reviewed;
		const id = session.currentId;
		await session.rate('good');
		expect(session.stats.reviewed).toBe(before);
		expect(session.currentId).toBe(id);
	});
});

it('a card that takes the shown one’s place (another tab rated it) comes up with its answer hidden', async () => {
	const session = new ReviewSession(ratings, bank);
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

it('a session of chosen cards shows each once and stores only the ratings of cards due today', async () => {
	const own = new Progress({ dbName: 'kizuna-review-chosen-spec', channelName: null });
	await own.load();
	const ownRatings = ratingsOn(own);
	await (await ownRatings.writer()).saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 3 });
	// One card rated Easy: its next review is days away, so it is not due.
	const later = new ReviewSession(ownRatings, bank).queue.ids[0]!;
	await ownRatings.rate(later, 'easy', { durationMs: 1000 });
	const session = new ReviewSession(ownRatings, bank);
	const due = session.queue.ids[0]!;
	session.cards = [later, due];
	expect(session.queue.ids).toEqual([later, due]);

	expect(session.currentId).toBe(later);
	expect(session.graded).toBe(false);
	const before = own.cards.get(later);
	session.reveal();
	await session.rate('again');
	expect(own.cards.get(later)).toEqual(before);

	expect(session.currentId).toBe(due);
	expect(session.graded).toBe(true);
	session.reveal();
	await session.rate('good');
	expect(own.cards.get(due)?.reps).toBe(1);
	expect(session.queue.ids).toEqual([]);
	expect(session.stats).toMatchObject({ reviewed: 2, again: 1 });

	// Undo takes back the stored rating, then the practice one, each card shown again.
	await session.undo();
	expect(session.currentId).toBe(due);
	expect(own.cards.has(due)).toBe(false);
	await session.undo();
	expect(session.currentId).toBe(later);
	expect(session.queue.ids).toEqual([later, due]);
	expect(session.stats.reviewed).toBe(0);
});

it('the progress bar counts ratings given and the ratings a Good answer would still take', async () => {
	const own = new Progress({ dbName: 'kizuna-review-progress-spec', channelName: null });
	await own.load();
	const ownRatings = ratingsOn(own);
	await (await ownRatings.writer()).saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 3 });
	const session = new ReviewSession(ownRatings, bank);
	// Three new cards, each two steps (1m, 10m) with Good.
	expect(session.progress).toEqual({ done: 0, total: 6 });
	session.reveal();
	await session.rate('good');
	expect(session.progress).toEqual({ done: 1, total: 6 });
	session.reveal();
	await session.rate('easy');
	expect(session.progress).toEqual({ done: 2, total: 5 });
	session.reveal();
	await session.rate('again');
	// Again keeps the card in its first step: one more rating than the estimate said.
	expect(session.progress).toEqual({ done: 3, total: 6 });
	await session.undo();
	expect(session.progress).toEqual({ done: 2, total: 5 });
});
