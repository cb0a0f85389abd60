import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { createScheduler, DEFAULT_SCHEDULER_PARAMS, newCard } from '../domain/schedule/scheduler';
import { formatInterval } from '../domain/study-day/duration-format';
import { openIdbStorage } from './idb';
import { describeQuarantine, SCHEMA_VERSION, type ReviewStorage } from './index';

let dbCount = 0;
const opened: ReviewStorage[] = [];
afterEach(() => {
	for (const storage of opened.splice(0)) storage.close();
});

/** A fresh database with `records` written by hand, as an older or broken app left them. */
async function seeded(records: [IDBValidKey, unknown][]) {
	const name = `kizuna-migration-${++dbCount}`;
	const raw = createStore(name, 'kizuna');
	for (const [key, value] of records) await set(key, value, raw);
	const storage = await openIdbStorage({ dbName: name, channelName: null });
	opened.push(storage);
	return { storage, raw };
}

/** The keys of the records `storage` reports set aside from now on. */
function listen(storage: ReviewStorage): () => string[] {
	const keys: string[] = [];
	storage.onSetAside((records) => keys.push(...records.map((r) => r.key)));
	return () => keys;
}

// Schema 1: ts-fsrs's own JSON (ISO dates, numeric state and rating), no meta record.
const V1_CARD = {
	due: '2025-01-08T09:10:00.000Z',
	stability: 2.3065,
	difficulty: 2.11121424,
	elapsed_days: 0,
	scheduled_days: 2,
	reps: 2,
	lapses: 0,
	state: 2,
	last_review: '2025-01-06T09:10:00.000Z'
};
const V1_LOG = {
	card_id: 'q1',
	rating: 3,
	state: 1,
	due: '2025-01-06T09:10:00.000Z',
	stability: 2.3065,
	difficulty: 2.11810397,
	elapsed_days: 0,
	last_elapsed_days: 0,
	scheduled_days: 0,
	review: '2025-01-06T09:10:00.000Z'
};

describe('migration from schema 1', () => {
	it('converts cards and logs to the current shape and records the new version', async () => {
		const { storage, raw } = await seeded([
			[['card', 'q1'], V1_CARD],
			[['log', Date.parse(V1_LOG.review), 'a'], V1_LOG]
		]);
		const data = await storage.load();
		expect(data.migratedFrom).toBe(1);
		expect(data.quarantined).toEqual([]);
		expect(data.cards).toEqual([
			{
				id: 'q1',
				due: Date.UTC(2025, 0, 8, 9, 10),
				stability: 2.3065,
				difficulty: 2.11121424,
				elapsed_days: 0,
				scheduled_days: 2,
				learning_steps: 0,
				reps: 2,
				lapses: 0,
				state: 'review',
				last_review: Date.UTC(2025, 0, 6, 9, 10)
			}
		]);
		expect(await storage.readLogs()).toMatchObject([
			{
				card_id: 'q1',
				rating: 'good',
				state: 'learning',
				review: Date.UTC(2025, 0, 6, 9, 10),
				duration_ms: 0
			}
		]);
		expect(await get('meta', raw)).toMatchObject({ schemaVersion: SCHEMA_VERSION });
		// The migrated card schedules like any other.
		const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_PARAMS, enableFuzz: false });
		const card = data.cards[0]!;
		expect(formatInterval(scheduler.preview(card, card.due).good.intervalMs)).toBe('11d');
		expect((await storage.load()).migratedFrom).toBeNull();
	});

	it('sets aside a schema-1 record that cannot be converted, and keeps the rest', async () => {
		const { storage } = await seeded([
			[['card', 'q1'], V1_CARD],
			[['card', 'q2'], { ...V1_CARD, due: 'next tuesday' }]
		]);
		const data = await storage.load();
		expect(data.cards.map((c) => c.id)).toEqual(['q1']);
		expect(data.quarantined).toMatchObject([
			{ key: '["card","q2"]', reason: expect.stringContaining('due') }
		]);
	});
});

describe('migration from schema 2', () => {
	it('writes only the new version: every record loads as it was', async () => {
		const card = {
			id: 'q1',
			due: 0,
			stability: 1,
			difficulty: 5,
			elapsed_days: 0,
			scheduled_days: 1,
			learning_steps: 0,
			reps: 1,
			lapses: 0,
			state: 'review',
			last_review: 0
		};
		const answer = {
			questionId: 'q1',
			framework: 'eas',
			given: 'x',
			correct: false,
			durationMs: 5,
			answeredAt: 7
		};
		const { storage, raw } = await seeded([
			['meta', { schemaVersion: 2, createdAt: 0 }],
			[['card', 'q1'], card],
			[['quiz', 7, 'a'], answer]
		]);
		const data = await storage.load();
		expect(data.migratedFrom).toBe(2);
		expect(data.cards).toEqual([card]);
		expect(await storage.readQuizAnswers()).toEqual([answer]);
		expect(await get('meta', raw)).toMatchObject({ schemaVersion: SCHEMA_VERSION });
		expect(SCHEMA_VERSION).toBe(3);
	});
});

describe('corrupted records', () => {
	const meta: [IDBValidKey, unknown] = ['meta', { schemaVersion: SCHEMA_VERSION, createdAt: 0 }];
	const good = newCard('q1', 0);

	// Browsers without getAllRecords (before Chromium 141) read keys and values apart.
	it.each([
		['getAllRecords', true],
		['separate key and value reads', false]
	])(
		'are moved to quarantine with their value and reported; other cards load (%s)',
		async (_, records) => {
			const proto = IDBObjectStore.prototype as { getAllRecords?: unknown };
			const getAllRecords = proto.getAllRecords;
			expect(getAllRecords).toBeTypeOf('function');
			if (!records) delete proto.getAllRecords;
			try {
				await quarantinesBadCards();
			} finally {
				proto.getAllRecords = getAllRecords;
			}
		}
	);

	async function quarantinesBadCards() {
		const { storage, raw } = await seeded([
			meta,
			[['card', 'q1'], good],
			[['card', 'q2'], 'garbage'],
			[['card', 'q3'], { ...good, id: 'q3', state: 'forgotten' }],
			[['card', 'q4'], { ...good, id: 'q1' }]
		]);
		const data = await storage.load();
		expect(data.cards.map((c) => c.id)).toEqual(['q1']);
		expect(data.quarantined.map((q) => [q.key, q.reason])).toEqual([
			['["card","q2"]', expect.stringContaining('expected an object')],
			['["card","q3"]', expect.stringContaining('state')],
			['["card","q4"]', 'id: expected "q4", got "q1"']
		]);
		expect(describeQuarantine(data)).toMatch(
			/^3 saved records were unreadable.*set aside \(not deleted\)/
		);
		expect(await get(['card', 'q2'], raw)).toBeUndefined();
		const kept = await storage.readQuarantine();
		expect(kept.map((q) => q.value)).toContain('garbage');
		// Reported once: the next start-up is clean.
		expect((await storage.load()).quarantined).toEqual([]);
	}

	it('a card alone under another question key is taken as its own card until rated, then set aside', async () => {
		// Start-up reads card values without their keys; only an id seen twice makes it read them.
		const scheduler = createScheduler(DEFAULT_SCHEDULER_PARAMS);
		const seen = scheduler.rate(good, 'good', 0, 3000).card;
		const { storage, raw } = await seeded([meta, [['card', 'q9'], seen]]);
		const first = await storage.load();
		expect(first.cards).toEqual([seen]);
		expect(first.quarantined).toEqual([]);

		const rated = scheduler.rate(seen, 'good', 700_000, 3000);
		const saved = await storage.saveRating({
			previous: first.cards[0]!,
			card: rated.card,
			log: rated.log,
			day: '1970-01-01'
		});
		expect(saved.conflict).toBe(true);

		const next = await storage.load();
		expect(next.cards).toEqual([rated.card]);
		expect(next.quarantined.map((q) => [q.key, q.reason])).toEqual([
			['["card","q9"]', 'id: expected "q9", got "q1"']
		]);
		expect(await get(['card', 'q9'], raw)).toBeUndefined();
	});

	it('an unreadable quiz under way is set aside with its reason; the quiz page starts afresh', async () => {
		const { storage } = await seeded([
			meta,
			['openQuiz', { items: 'q1', next: 0, answers: [], startedAt: 0 }],
			['quizChoice', { frameworks: 'all', count: 10, kinds: ['essay'] }]
		]);
		const setAside = listen(storage);
		await storage.load();
		expect(await storage.readOpenQuiz()).toBeNull();
		expect(await storage.readQuizChoice()).toBeNull();
		expect(setAside()).toEqual(['"openQuiz"', '"quizChoice"']);
		// Set aside in the same millisecond, the two records' keys differ only by a random suffix:
		// their order is not kept, so the reasons are compared sorted.
		expect((await storage.readQuarantine()).map((q) => q.reason).sort()).toEqual([
			'items: expected a list, got "q1"',
			expect.stringMatching(/^kinds: expected a non-empty list of single, .*, got \["essay"\]$/)
		]);
	});

	it('bad settings are set aside and the defaults used', async () => {
		const { storage } = await seeded([meta, ['settings', { desiredRetention: 5 }]]);
		const data = await storage.load();
		expect(data.settings.desiredRetention).toBe(0.9);
		expect(data.quarantined).toMatchObject([
			{ key: '"settings"', reason: expect.stringContaining('got 5') }
		]);
	});

	it('a bad day counter is set aside under its own key; the other counters load', async () => {
		const day = { day: '2025-01-06', new: 1, review: 2, learning: 0 };
		const { storage, raw } = await seeded([
			meta,
			[['day', '2025-01-06'], day],
			[['day', '2025-01-07'], { day: '2025-01-07', new: 'many' }]
		]);
		const data = await storage.load(Date.UTC(2025, 0, 7, 12));
		expect(data.recentDays).toEqual([day]);
		expect(data.quarantined).toMatchObject([{ key: '["day","2025-01-07"]' }]);
		expect(await get(['day', '2025-01-07'], raw)).toBeUndefined();
		expect((await storage.load()).quarantined).toEqual([]);
	});

	it('an old bad day counter is set aside when every day is read; the others are kept', async () => {
		const day = { day: '2025-01-06', new: 1, review: 2, learning: 0 };
		const { storage, raw } = await seeded([
			meta,
			[['day', '2020-05-01'], { day: '2020-05-01', review: -1 }],
			[['day', '2025-01-06'], day]
		]);
		// Years old, so not among the recent counters start-up reads.
		expect((await storage.load(Date.UTC(2025, 0, 7, 12))).quarantined).toEqual([]);
		const told = listen(storage);
		expect(await storage.readDays()).toEqual([day]);
		expect(await storage.readQuarantine()).toMatchObject([{ key: '["day","2020-05-01"]' }]);
		expect(told()).toEqual(['["day","2020-05-01"]']);
		expect(await get(['day', '2020-05-01'], raw)).toBeUndefined();
	});

	it('a first visit starts the store at the current schema, with nothing to migrate', async () => {
		const { storage, raw } = await seeded([]);
		const data = await storage.load();
		expect(data).toMatchObject({ cards: [], recentDays: [], quarantined: [], migratedFrom: null });
		expect(await get('meta', raw)).toMatchObject({ schemaVersion: SCHEMA_VERSION });
	});

	it('a bad log record is set aside when the log is read, not at start-up', async () => {
		const { storage } = await seeded([meta, [['log', 1, 'x'], { card_id: 'q1' }]]);
		expect((await storage.load()).quarantined).toEqual([]);
		const told = listen(storage);
		expect(await storage.readLogs()).toEqual([]);
		expect(await storage.readQuarantine()).toMatchObject([{ key: '["log",1,"x"]' }]);
		expect(told()).toEqual(['["log",1,"x"]']);
	});

	it('a day counter found unreadable by a rating is set aside, kept, and reported', async () => {
		const { storage, raw } = await seeded([meta]);
		await storage.load();
		const told = listen(storage);
		// Spoiled after start-up read it (another tab's bug, a disk error).
		await set(['day', '1970-01-01'], { day: '1970-01-01', new: 'lots' }, raw);
		const scheduler = createScheduler(DEFAULT_SCHEDULER_PARAMS);
		const rated = scheduler.rate(good, 'good', 0, 3000);
		await storage.saveRating({
			previous: null,
			card: rated.card,
			log: rated.log,
			day: '1970-01-01'
		});
		expect(told()).toEqual(['["day","1970-01-01"]']);
		expect(await get(['day', '1970-01-01'], raw)).toEqual({
			day: '1970-01-01',
			new: 1,
			review: 0,
			learning: 0
		});
		expect(await storage.readQuarantine()).toMatchObject([
			{ key: '["day","1970-01-01"]', value: { new: 'lots' } }
		]);
	});

	it('an unreadable meta record is set aside and the data treated as the oldest schema', async () => {
		const { storage } = await seeded([
			['meta', 'nonsense'],
			[['card', 'q1'], good]
		]);
		const data = await storage.load();
		expect(data.cards.map((c) => c.id)).toEqual(['q1']);
		expect(data.quarantined).toMatchObject([{ key: '"meta"', value: 'nonsense' }]);
	});
});
