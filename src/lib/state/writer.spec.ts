import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildBackup } from '$lib/domain/records/backup-export';
import { DEFAULT_SETTINGS } from '$lib/domain/records/settings';
import type { QuizAnswerRecord } from '$lib/domain/quiz/quiz-record';
import { StorageQuotaError } from '$lib/storage';
import { fillTheDisk } from '$lib/storage/full-disk.fixture';
import { importIntoProgress } from './backup';
import { Progress } from './progress.svelte';
import { Ratings } from './ratings.svelte';
import { applyRemote, tell } from './sync.svelte';
import { connectSync, toSync } from './sync-hooks';
import { Writer, type Change } from './writer';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
let n = 0;

afterEach(() => {
	vi.restoreAllMocks();
	connectSync(null);
});

/** A progress of its own, with its write path and rating path; `heard` is every change published. */
async function fresh() {
	const progress = new Progress({ dbName: `kizuna-writer-${++n}`, channelName: null });
	const writer = new Writer(progress);
	const ratings = new Ratings(progress, async () => writer);
	const heard: Change['type'][] = [];
	writer.subscribe((change) => heard.push(change.type));
	await progress.load();
	return { progress, writer, ratings, heard };
}

const answer = (at: number): QuizAnswerRecord => ({
	questionId: 'eas.a.recall',
	framework: 'eas',
	given: 'x',
	correct: false,
	durationMs: 1000,
	answeredAt: at
});

/** Another device's rating of `id`, as sync hands it over. */
async function remoteRating(id: string) {
	const other = await fresh();
	const rated = await other.ratings.rate(id, 'good', { now: T0, durationMs: 1000 });
	return {
		addedLogs: [rated.undo.log],
		removedLogs: [],
		addedQuiz: [],
		removedQuiz: [],
		settings: null
	};
}

describe('a full disk', () => {
	it('during a quiz answer: the quiz carries on in memory, the answer kept', async () => {
		const { progress, writer, heard } = await fresh();
		fillTheDisk('quiz');
		await writer.write((storage) => storage.appendQuizAnswer(answer(T0)), {
			whenFull: 'memory',
			change: () => ({ type: 'answered', answer: answer(T0) })
		});
		expect(progress.saving).toBe(false);
		expect(await progress.readQuizAnswers()).toEqual([answer(T0)]);
		expect(heard).toEqual(['answered']);
	});

	it('during a sync replay: refused, nothing changed, still saving, nothing published', async () => {
		const batch = await remoteRating('q1');
		const { progress, writer, heard } = await fresh();
		fillTheDisk('card');
		await expect(applyRemote(writer, batch)).rejects.toThrow(StorageQuotaError);
		expect(progress.saving).toBe(true);
		expect(progress.status.warning).toBeNull();
		expect(progress.cards.size).toBe(0);
		expect(await progress.readLogs()).toEqual([]);
		expect(heard).toEqual([]);
		vi.restoreAllMocks();
		// The same batch at the engine's next pass.
		await applyRemote(writer, batch);
		expect(progress.cards.has('q1')).toBe(true);
		expect(heard).toEqual(['synced']);
	});

	it('during an import: refused, what was saved untouched, the session still saving', async () => {
		const { progress, writer, ratings, heard } = await fresh();
		const kept = await ratings.rate('q1', 'good', { now: T0, durationMs: 1000 });
		const backup = buildBackup({
			appVersion: '0',
			bankVersion: null,
			now: T0,
			cards: [{ ...kept.card, id: 'q2' }],
			logs: [{ ...kept.undo.log, card_id: 'q2' }],
			quiz: [],
			settings: DEFAULT_SETTINGS
		});
		fillTheDisk('card');
		await expect(importIntoProgress(writer, backup, 'replace')).rejects.toThrow(StorageQuotaError);
		expect(progress.saving).toBe(true);
		expect([...progress.cards.keys()]).toEqual(['q1']);
		expect((await progress.readLogs()).map((log) => log.card_id)).toEqual(['q1']);
		expect(heard).toEqual(['rated']);
	});
});

describe('sync', () => {
	it('hears of each write this device makes once, and never of a replay of other devices', async () => {
		const batch = await remoteRating('q9');
		const { writer, ratings } = await fresh();
		writer.subscribe(toSync);
		const engine = {
			rated: vi.fn(),
			undone: vi.fn(),
			answered: vi.fn(),
			settingsChanged: vi.fn(),
			imported: vi.fn()
		};
		connectSync((change) => tell(engine, change));

		const rated = await ratings.rate('q1', 'good', { now: T0, durationMs: 1000 });
		await ratings.undo(rated.undo);
		await writer.write((storage) => storage.appendQuizAnswer(answer(T0)), {
			whenFull: 'memory',
			change: () => ({ type: 'answered', answer: answer(T0) })
		});
		await writer.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 7 });
		await applyRemote(writer, batch);

		expect(engine.rated.mock.calls).toEqual([[rated.undo.log]]);
		expect(engine.undone.mock.calls).toEqual([[rated.undo.log]]);
		expect(engine.answered.mock.calls).toEqual([[answer(T0)]]);
		expect(engine.settingsChanged.mock.calls).toEqual([[{ ...DEFAULT_SETTINGS, newPerDay: 7 }]]);
		expect(engine.imported).not.toHaveBeenCalled();
	});
});
