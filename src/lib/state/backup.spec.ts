import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOW, quizAnswer, sampleBackup, T0 } from '$lib/domain/records/backup.fixture';
import { scheduler } from '$lib/domain/schedule/scheduler.fixture';
import { dataFromBackup, mergeProgress } from '$lib/domain/records/backup-merge';
import { parseBackup } from '$lib/domain/records/backup-schema';
import {
	newCard,
	RATINGS,
	type ReviewRecord,
	type StoredCard
} from '$lib/domain/schedule/scheduler';
import { DEFAULT_SETTINGS, THEMES } from '$lib/domain/records/settings';
import type { QuizAnswerRecord } from '$lib/domain/quiz/quiz-record';
import { openIdbStorage, type ReviewStorage } from '$lib/storage';
import { createMemoryStorage } from '$lib/storage/memory';
import { exportBackup, importBackup, type ImportMode } from './backup';

let n = 0;
const idb = () => openIdbStorage({ dbName: `kizuna-backup-${++n}`, channelName: null });
const INFO = { appVersion: '0.1.0', bankVersion: 'abc123', now: NOW };

async function snapshot(storage: ReviewStorage) {
	const data = await storage.load();
	// Records of the same millisecond have no defined order; compare them as sets.
	const canonical = <T>(list: T[]) =>
		list
			.map((item) => JSON.stringify(item))
			.sort()
			.map((json) => JSON.parse(json) as T);
	return {
		cards: canonical(data.cards),
		days: canonical(await storage.readDays()),
		settings: data.settings,
		logs: canonical(await storage.readLogs()),
		quiz: canonical(await storage.readQuizAnswers())
	};
}

// Text a user could have typed into a quiz; markup is refused on import (see backup-schema).
const plainText = fc.string({ maxLength: 40 }).filter((s) => !/<[/!?a-z]/i.test(s));
const ids = fc.constantFrom('eas.a.recall', 'eas.a.cloze', 'arf.b.recall', 'g7.c.recall', 'x:1');

/** Progress as the app builds it: ratings through the scheduler, quiz answers, settings. */
const progressData = fc
	.record({
		ratings: fc.array(
			fc.tuple(ids, fc.constantFrom(...RATINGS), fc.integer({ min: 0, max: 40 * 86_400_000 })),
			{ maxLength: 30 }
		),
		quiz: fc.array(
			fc.record({
				questionId: ids,
				given: fc.oneof(plainText, fc.array(plainText, { maxLength: 4 })),
				correct: fc.boolean(),
				at: fc.integer({ min: 0, max: 40 * 86_400_000 })
			}),
			{ maxLength: 10 }
		),
		dayStartHour: fc.integer({ min: 0, max: 23 }),
		theme: fc.constantFrom(...THEMES)
	})
	.map(({ ratings, quiz, dayStartHour, theme }) => {
		const cards = new Map<string, StoredCard>();
		const logs: ReviewRecord[] = [];
		for (const [id, rating, offset] of [...ratings].sort((a, b) => a[2] - b[2])) {
			const at = T0 + offset;
			const result = scheduler.rate(cards.get(id) ?? newCard(id, at), rating, at, offset % 9000);
			cards.set(id, result.card);
			logs.push(result.log);
		}
		const answers: QuizAnswerRecord[] = quiz.map((q) => ({
			questionId: q.questionId,
			framework: 'eas',
			given: q.given,
			correct: q.correct,
			durationMs: 1000,
			answeredAt: T0 + q.at
		}));
		return {
			cards: [...cards.values()],
			logs,
			quiz: answers,
			settings: { ...DEFAULT_SETTINGS, dayStartHour, theme }
		};
	});

describe('export then import', () => {
	it.each([
		['memory', async () => createMemoryStorage(), 200],
		['IndexedDB', idb, 30]
	] as const)('is lossless (%s)', async (_, make, numRuns) => {
		await fc.assert(
			fc.asyncProperty(progressData, async (data) => {
				const device = await make();
				await device.replaceAll(data);
				const text = await exportBackup(device, INFO);
				const parsed = parseBackup(text, NOW);
				expect(parsed.ok).toBe(true);
				if (!parsed.ok) return;
				const fresh = await make();
				await importBackup(fresh, parsed.backup, 'replace', scheduler);
				expect(await snapshot(fresh)).toEqual(await snapshot(device));
				device.close();
				fresh.close();
			}),
			{ numRuns }
		);
	});

	it('notes the export for the reminder', async () => {
		const storage = createMemoryStorage();
		await storage.replaceAll(dataFromBackup(sampleBackup(), scheduler));
		await exportBackup(storage, INFO);
		expect(await storage.readBackupMark()).toEqual({ at: NOW, reviews: 5 });
	});
});

/** Every path of a JSON value, as keys. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	if (typeof value !== 'object' || value === null) return [prefix];
	const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
	return [
		prefix,
		...keys.flatMap((k) => paths((value as Record<string, unknown>)[k], [...prefix, k]))
	];
}

const hostile = fc.constantFrom<unknown>(
	'great',
	5,
	-1,
	0.5,
	1e308,
	NOW * 2,
	null,
	{},
	[],
	'<script>alert(1)</script>',
	'x'.repeat(5000),
	'2025-01-06'
);

const mutation = fc.oneof(
	fc.record({
		kind: fc.constant('set' as const),
		at: fc.nat(),
		value: fc.oneof(hostile, fc.jsonValue())
	}),
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
	fc.record({
		kind: fc.constant('char' as const),
		at: fc.nat(),
		char: fc.string({ minLength: 1, maxLength: 1 })
	})
);

function mutate(text: string, m: MutationValue): string {
	if (m.kind === 'truncate') return text.slice(0, m.at % text.length);
	if (m.kind === 'char') {
		const i = m.at % text.length;
		return text.slice(0, i) + m.char + text.slice(i + 1);
	}
	let file: unknown;
	try {
		file = JSON.parse(text);
	} catch {
		return text; // Already broken by an earlier mutation.
	}
	const all = paths(file).filter((p) => p.length > 0);
	const path = all[m.at % all.length]!;
	let parent = file as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
	const last = path[path.length - 1]!;
	if (m.kind === 'delete') {
		if (Array.isArray(parent)) parent.splice(Number(last), 1);
		else delete parent[last];
	} else if (m.kind === 'set') parent[last] = m.value;
	return JSON.stringify(file);
}
type MutationValue =
	| { kind: 'set'; at: number; value: unknown }
	| { kind: 'delete' | 'truncate'; at: number }
	| { kind: 'char'; at: number; char: string };

describe('a mutated backup', () => {
	it('never throws, and storage is either fully replaced or unchanged (1,000 mutations)', async () => {
		const valid = JSON.stringify(sampleBackup());
		const storage = await idb();
		const own = dataFromBackup(sampleBackup(), scheduler);
		own.logs = own.logs.slice(0, 2);
		own.cards = own.cards.filter((c) => c.id === 'eas.members.recall');
		own.quiz = [quizAnswer('own.quiz', T0)];
		let accepted = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.array(mutation, { minLength: 1, maxLength: 3 }),
				fc.constantFrom<ImportMode>('replace', 'merge'),
				async (mutations, mode) => {
					await storage.replaceAll(own);
					const before = await snapshot(storage);
					const text = mutations.reduce((t, m) => mutate(t, m as MutationValue), valid);
					const parsed = parseBackup(text, NOW);
					if (!parsed.ok) {
						expect(parsed.message).toMatch(/\S/);
						expect(await snapshot(storage)).toEqual(before);
						return;
					}
					accepted += 1;
					await importBackup(storage, parsed.backup, mode, scheduler);
					const incoming = dataFromBackup(parsed.backup, scheduler);
					const expected =
						mode === 'replace' ? incoming : mergeProgress(before, incoming, scheduler);
					const after = await snapshot(storage);
					expect(new Set(after.cards)).toEqual(new Set(expected.cards));
					expect(new Set(after.logs)).toEqual(new Set(expected.logs));
					expect(new Set(after.quiz)).toEqual(new Set(expected.quiz));
					expect(after.settings).toEqual(expected.settings);
				}
			),
			{ numRuns: 1000 }
		);
		// Some mutations keep the file valid (a harmless value changed), so both paths ran.
		expect(accepted).toBeGreaterThan(0);
		storage.close();
	}, 120_000);
});
