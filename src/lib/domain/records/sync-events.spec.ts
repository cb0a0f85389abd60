import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR, history, NOW, quizAnswer, T0 } from './backup.fixture';
import { logIdentity, quizIdentity, type ProgressData } from './backup-merge';
import {
	createScheduler,
	DEFAULT_SCHEDULER_PARAMS,
	newCard,
	schedulerParams,
	type ReviewRecord,
	type StoredCard
} from '../schedule/scheduler';
import { DEFAULT_PARAMETERS } from '../schedule/fsrs-evaluate';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import {
	applyEvents,
	changesAnything,
	checkIncoming,
	quizEventDoc,
	quizEventId,
	resolveSettings,
	reviewEventDoc,
	reviewEventId,
	settingsDoc,
	type EventBatch,
	type IncomingChange
} from './sync-events';

const fuzzed = createScheduler(DEFAULT_SCHEDULER_PARAMS);

function data(h: ReturnType<typeof history>, extra: Partial<ProgressData> = {}): ProgressData {
	return { ...h, quiz: [], settings: { ...DEFAULT_SETTINGS }, ...extra };
}

function batch(extra: Partial<EventBatch>): EventBatch {
	return {
		addedLogs: [],
		removedLogs: [],
		addedQuiz: [],
		removedQuiz: [],
		settings: null,
		...extra
	};
}

function added<T extends { _id: string }>(doc: T): IncomingChange {
	return { id: doc._id, deleted: false, doc: structuredClone(doc) };
}

describe('event ids', () => {
	it('are the same for the same rating wherever it comes from, and differ otherwise', () => {
		const [log] = history([['eas.members.recall', 'good', T0]]).logs;
		if (!log) throw new Error('no log');
		expect(reviewEventId(structuredClone(log))).toBe(reviewEventId(log));
		expect(reviewEventId(log)).toBe(`review:eas.members.recall:${T0}:good`);
		expect(reviewEventId({ ...log, rating: 'again' })).not.toBe(reviewEventId(log));
		expect(reviewEventId({ ...log, review: T0 + 1 })).not.toBe(reviewEventId(log));
		// Fields that do not make the rating another rating do not change its id.
		const slower: ReviewRecord = { ...log, duration_ms: 1 };
		expect(reviewEventId(slower)).toBe(reviewEventId(log));
		expect(quizEventId(quizAnswer('arf.x.choice', T0))).toBe(`quiz:arf.x.choice:${T0}`);
	});

	it('name, when deleted, exactly the rating the merge import would identify', () => {
		const { logs } = history([['a:b.c', 'hard', T0]]);
		const log = logs[0];
		if (!log) throw new Error('no log');
		const checked = checkIncoming([{ id: reviewEventId(log), deleted: true }], NOW);
		expect(checked.batch.removedLogs).toEqual([logIdentity(log)]);
		const answer = quizAnswer('eas.members.choice', T0);
		const quiz = checkIncoming([{ id: quizEventId(answer), deleted: true }], NOW);
		expect(quiz.batch.removedQuiz).toEqual([quizIdentity(answer)]);
	});
});

describe('replay', () => {
	it('rebuilds, with the fuzz on, exactly the cards the ratings gave live', () => {
		const ratings = [
			['q1', 'good', T0],
			['q1', 'good', T0 + 10 * 60_000],
			['q1', 'good', T0 + 3 * DAY_MS],
			['q1', 'again', T0 + 20 * DAY_MS],
			['q1', 'easy', T0 + 21 * DAY_MS]
		] as const;
		let live: StoredCard = newCard('q1', T0 - HOUR);
		for (const [, rating, at] of ratings) live = fuzzed.rate(live, rating, at, 3000).card;
		const logs = [];
		let card = newCard('q1', T0 - HOUR);
		for (const [, rating, at] of ratings) {
			const r = fuzzed.rate(card, rating, at, 3000);
			card = r.card;
			logs.push(r.log);
		}
		expect(fuzzed.replay('q1', [...logs].reverse())).toEqual(live);
	});

	it('adds events from elsewhere once, replays only the cards they touch', () => {
		const mine = history([
			['q1', 'good', T0],
			['q2', 'easy', T0 + HOUR]
		]);
		const theirs = history([
			['q1', 'good', T0],
			['q1', 'again', T0 + DAY_MS],
			['q3', 'hard', T0 + 2 * HOUR]
		]);
		const current = data(mine);
		const after = applyEvents(current, batch({ addedLogs: theirs.logs }), () => fuzzed);
		expect(after.logs.map((l) => [l.card_id, l.rating])).toEqual([
			['q1', 'good'],
			['q2', 'easy'],
			['q3', 'hard'],
			['q1', 'again']
		]);
		const q1 = after.cards.find((c) => c.id === 'q1');
		expect(q1).toEqual(fuzzed.replay('q1', after.logs));
		expect(q1?.reps).toBe(2);
		// q2 had no new event: the very same object is kept.
		expect(after.cards.find((c) => c.id === 'q2')).toBe(mine.cards.find((c) => c.id === 'q2'));
		// Applying it again changes nothing.
		expect(changesAnything(after, batch({ addedLogs: theirs.logs }))).toBe(false);
		expect(applyEvents(after, batch({ addedLogs: theirs.logs }), () => fuzzed)).toEqual(after);
	});

	it('undone elsewhere: the rating goes and its card is replayed, or removed when none is left', () => {
		const h = history([
			['q1', 'good', T0],
			['q1', 'hard', T0 + DAY_MS],
			['q2', 'easy', T0 + HOUR]
		]);
		const [first, second, q2] = [h.logs[0], h.logs[2], h.logs[1]];
		if (!first || !second || !q2) throw new Error('no log');
		expect(second.card_id).toBe('q1');
		const after = applyEvents(
			data(h),
			batch({ removedLogs: [logIdentity(second), logIdentity(q2)] }),
			() => fuzzed
		);
		expect(after.logs).toEqual([first]);
		expect(after.cards).toEqual([fuzzed.replay('q1', [first])]);
	});

	it('two devices applying each other’s events end with the same progress', () => {
		const base: [string, 'good' | 'again' | 'hard' | 'easy', number][] = [['q1', 'good', T0]];
		const a = history([...base, ['q1', 'good', T0 + DAY_MS], ['q2', 'easy', T0 + 2 * HOUR]]);
		const b = history([...base, ['q1', 'again', T0 + DAY_MS + 5], ['q3', 'hard', T0 + HOUR]]);
		const onA = applyEvents(data(a), batch({ addedLogs: b.logs }), () => fuzzed);
		const onB = applyEvents(data(b), batch({ addedLogs: a.logs }), () => fuzzed);
		expect(JSON.stringify(onA.logs)).toBe(JSON.stringify(onB.logs));
		expect(JSON.stringify(onA.cards)).toBe(JSON.stringify(onB.cards));
	});

	it('takes the settings that came and keeps quiz answers once', () => {
		const answer = quizAnswer('eas.members.choice', T0);
		const other = quizAnswer('arf.x.choice', T0 + HOUR, false);
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 5 };
		const after = applyEvents(
			data(history([]), { quiz: [answer] }),
			batch({ addedQuiz: [answer, other], settings: settingsDoc(settings, T0) }),
			() => fuzzed
		);
		expect(after.quiz).toEqual([answer, other]);
		expect(after.settings).toEqual(settings);
		const removed = applyEvents(
			after,
			batch({ removedQuiz: [quizIdentity(answer)] }),
			() => fuzzed
		);
		expect(removed.quiz).toEqual([other]);
	});

	it('takes an answer marked "I was right" on another device in place of the one here', () => {
		const answer = quizAnswer('eas.members.cloze', T0, false);
		const marked = { ...answer, correct: true, overridden: true as const };
		const here = data(history([]), { quiz: [answer] });
		expect(changesAnything(here, batch({ addedQuiz: [marked] }))).toBe(true);
		const after = applyEvents(here, batch({ addedQuiz: [marked] }), () => fuzzed);
		expect(after.quiz).toEqual([marked]);
		// The unmarked answer coming back (an old document) does not undo the mark.
		expect(changesAnything(after, batch({ addedQuiz: [answer] }))).toBe(false);
		expect(applyEvents(after, batch({ addedQuiz: [answer] }), () => fuzzed).quiz).toEqual([marked]);
		const [doc] = checkIncoming([added({ ...quizEventDoc(marked) })], NOW).batch.addedQuiz;
		expect(doc).toEqual(marked);
		const hostile = checkIncoming(
			[added({ ...quizEventDoc({ ...marked, overridden: 1 as never }) })],
			NOW
		);
		expect(hostile.setAside.map((s) => s.reason)).toEqual(['overridden: expected true, got 1']);
	});

	it('new FSRS parameters rebuild every card under them, keeping due dates', () => {
		const h = history([
			['q1', 'good', T0],
			['q1', 'good', T0 + DAY_MS],
			['q2', 'easy', T0 + HOUR]
		]);
		// First memories four times as stable as the defaults make them.
		const sturdy = DEFAULT_PARAMETERS.map((w, i) => (i < 4 ? w * 4 : w));
		const settings: Settings = { ...DEFAULT_SETTINGS, fsrsParameters: sturdy };
		const used: Settings[] = [];
		const after = applyEvents(data(h), batch({ settings: settingsDoc(settings, T0) }), (s) => {
			used.push(s);
			return createScheduler(schedulerParams(s, false));
		});
		expect(used).toEqual([settings]);
		const personal = createScheduler(schedulerParams(settings, false));
		for (const card of h.cards) {
			const rebuilt = after.cards.find((c) => c.id === card.id);
			const logs = h.logs.filter((l) => l.card_id === card.id);
			expect(rebuilt).toEqual({
				...personal.replay(card.id, logs),
				due: card.due,
				scheduled_days: card.scheduled_days
			});
			expect(rebuilt?.stability).toBeGreaterThan(card.stability);
		}
		// The same parameters again change nothing.
		const same = { ...settings, newPerDay: 3 };
		const again = applyEvents(after, batch({ settings: settingsDoc(same, T0 + 1) }), () => fuzzed);
		expect(again.cards).toEqual(after.cards);
	});
});

describe('resolveSettings', () => {
	it('takes the newest change, and on a tie the same one whatever the order', () => {
		const old = settingsDoc({ ...DEFAULT_SETTINGS, newPerDay: 1 }, T0);
		const newer = settingsDoc({ ...DEFAULT_SETTINGS, newPerDay: 2 }, T0 + 1);
		const tie = settingsDoc({ ...DEFAULT_SETTINGS, newPerDay: 3 }, T0 + 1);
		expect(resolveSettings([old, newer])).toBe(newer);
		expect(resolveSettings([newer, old])).toBe(newer);
		expect(resolveSettings([newer, tie, old])).toEqual(resolveSettings([old, tie, newer]));
		expect(resolveSettings([])).toBeNull();
	});
});

describe('checkIncoming', () => {
	const [log] = history([['eas.members.recall', 'good', T0]]).logs;
	if (!log) throw new Error('no log');
	const answer = quizAnswer('eas.members.choice', T0);

	it('accepts the app’s own documents as they are', () => {
		const { batch: b, setAside } = checkIncoming(
			[added(reviewEventDoc(log)), added(quizEventDoc(answer))],
			NOW,
			[settingsDoc(DEFAULT_SETTINGS, T0)]
		);
		expect(setAside).toEqual([]);
		expect(b.addedLogs).toEqual([log]);
		expect(b.addedQuiz).toEqual([answer]);
		expect(b.settings?.settings).toEqual(DEFAULT_SETTINGS);
	});

	it('sets aside, with the reason, every document a backup import would refuse', () => {
		const far = NOW + 365 * DAY_MS;
		const hostile: IncomingChange[] = [
			added({ ...reviewEventDoc(log), record: { ...log, rating: 'great' } }),
			added({
				...quizEventDoc({ ...answer, given: '<script>alert(1)</script>' })
			}),
			added(reviewEventDoc({ ...log, review: far })),
			added({ ...reviewEventDoc(log), _id: 'review:other:1:good' }),
			added({ ...reviewEventDoc(log), extra: 1 }),
			added({ _id: 'card:q1', kind: 'card', record: {} }),
			{ id: 'x', deleted: false, doc: 'text' }
		];
		const { batch: b, setAside } = checkIncoming(hostile, NOW, [
			{ ...settingsDoc(DEFAULT_SETTINGS, far) },
			{ ...settingsDoc({ ...DEFAULT_SETTINGS, newPerDay: -1 }, T0) }
		]);
		expect(b).toEqual(batch({}));
		expect(setAside.map((s) => s.reason)).toEqual([
			'extra: unexpected field',
			'kind: expected "review" or "quiz"',
			'not a document',
			'rating: expected one of again, hard, good, easy, got "great"',
			expect.stringMatching(/^review: expected a time not in the future .*, got \d+$/),
			expect.stringMatching(/^_id: expected "review:eas\.members\.recall:/),
			'given: expected plain text without HTML tags, got "<script>alert(1)</script>"',
			'changedAt: expected a time not in the future',
			expect.stringMatching(/^settings: newPerDay must be/)
		]);
	});

	it('keeps the good documents of a batch that holds a bad one', () => {
		const good = added(reviewEventDoc(log));
		const bad = added({ ...reviewEventDoc(log), _id: 'review:x:1:good', record: { ...log } });
		const { batch: b, setAside } = checkIncoming([bad, good], NOW);
		expect(b.addedLogs).toEqual([log]);
		expect(setAside).toHaveLength(1);
	});
});
