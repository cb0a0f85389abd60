import { describe, expect, it } from 'vitest';
import { NOW, sampleBackup, T0 } from './backup.fixture';
import { BACKUP_LIMITS, checkBackup, parseBackup } from './backup-schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a file edited as untyped JSON, as an attacker would
type Loose = Record<string, any>;

/** The sample backup with `edit` applied, as file text. */
function edited(edit: (file: Loose) => void): string {
	const file = structuredClone(sampleBackup()) as unknown as Loose;
	edit(file);
	return JSON.stringify(file);
}

function problem(text: string): string {
	const result = parseBackup(text, NOW);
	expect(result.ok).toBe(false);
	return result.ok ? '' : result.message;
}

describe('parseBackup', () => {
	it('reads a valid file and summarizes it', () => {
		const backup = sampleBackup();
		const result = parseBackup(JSON.stringify(backup), NOW);
		expect(result).toEqual({
			ok: true,
			backup,
			summary: { cards: 3, reviews: 5, quizAnswers: 2, from: T0, to: T0 + 3 * 86_400_000 }
		});
	});

	it.each([
		['not JSON', 'hello, this is a note', /^the file is not valid JSON/],
		[
			'a truncated file',
			JSON.stringify(sampleBackup()).slice(0, 300),
			/not valid JSON, perhaps cut short/
		],
		['an empty file', '', /not valid JSON/],
		['a JSON list', '[1,2]', /not a Kizuna backup: expected an object, got a list of 2/],
		['a foreign JSON object', '{"name":"anki"}', /^format: expected "kizuna-backup".*got nothing/],
		[
			'another schema version',
			edited((f) => (f.schema = 99)),
			/^schema: this Kizuna reads backup version 1, got 99$/
		],
		['only a schema', '{"schema":99}', /^format: .*not a Kizuna backup/]
	])('rejects %s', (_, text, message) => {
		expect(problem(text)).toMatch(message);
	});

	it('names a rating out of range with its path and value', () => {
		expect(problem(edited((f) => (f.log[3].rating = 'great')))).toBe(
			'log[3].rating: expected one of again, hard, good, easy, got "great"'
		);
		expect(problem(edited((f) => (f.log[0].rating = 5)))).toBe(
			'log[0].rating: expected one of again, hard, good, easy, got 5'
		);
		expect(problem(edited((f) => (f.cards[1].state = 'lost')))).toBe(
			'cards[1].state: expected one of new, learning, review, relearning, got "lost"'
		);
	});

	it('rejects times in the future beyond the clock-skew allowance', () => {
		const soon = NOW + BACKUP_LIMITS.clockSkewMs - 1;
		expect(
			parseBackup(
				edited((f) => (f.log[4].review = soon)),
				NOW
			).ok
		).toBe(true);
		expect(problem(edited((f) => (f.log[4].review = NOW + 2 * 86_400_000)))).toMatch(
			/^log\[4\]\.review: expected a time not in the future \(before 2025-03-01T13:00:00\.000Z\), got \d+$/
		);
		expect(problem(edited((f) => (f.quiz[0].answeredAt = NOW * 2)))).toMatch(
			/^quiz\[0\]\.answeredAt: expected a time not in the future/
		);
		expect(problem(edited((f) => (f.exportedAt = NOW * 2)))).toMatch(/^exportedAt: /);
		// A due date is in the future by nature.
		expect(
			parseBackup(
				edited((f) => (f.cards[0].due = NOW + 300 * 86_400_000)),
				NOW
			).ok
		).toBe(true);
	});

	it('rejects huge strings without quoting them whole', () => {
		const huge = 'x'.repeat(100_000);
		const message = problem(edited((f) => (f.quiz[0].given = huge)));
		expect(message).toMatch(
			/^quiz\[0\]\.given: expected at most 1000 characters, got "x{40}"… \(100000 characters\)$/
		);
		expect(problem(edited((f) => (f.cards[0].id = 'q'.repeat(500))))).toMatch(
			/^cards\[0\]\.id: expected at most 200 characters/
		);
	});

	it('reads a quiz answer marked "I was right", and names any other value of the mark', () => {
		const marked = edited((f) => Object.assign(f.quiz[1], { correct: true, overridden: true }));
		const result = parseBackup(marked, NOW);
		expect(result.ok && result.backup.quiz[1]?.overridden).toBe(true);
		expect(problem(edited((f) => (f.quiz[1].overridden = 'yes')))).toBe(
			'quiz[1].overridden: expected true, got "yes"'
		);
		expect(problem(edited((f) => (f.quiz[1].overridden = false)))).toBe(
			'quiz[1].overridden: expected true, got false'
		);
	});

	it('rejects markup in text fields and ids', () => {
		expect(problem(edited((f) => (f.quiz[1].given = ['a', '<script>alert(1)</script>'])))).toBe(
			'quiz[1].given[1]: expected plain text without HTML tags, got "<script>alert(1)</script>"'
		);
		expect(problem(edited((f) => (f.log[0].card_id = '<img src=x onerror=alert(1)>')))).toMatch(
			/^log\[0\]\.card_id: expected an id of letters, digits/
		);
		expect(problem(edited((f) => (f.appVersion = '<svg onload=x>')))).toMatch(
			/^appVersion: expected plain text/
		);
		// A comparison is not markup.
		expect(
			parseBackup(
				edited((f) => (f.quiz[0].given = 'a < b, 3<4')),
				NOW
			).ok
		).toBe(true);
	});

	it('rejects numbers that are not finite, wrong types, missing and unknown fields', () => {
		// JSON has no Infinity, but 1e999 parses to it.
		const infinite = JSON.stringify(sampleBackup()).replace(
			/"stability":[\d.e+-]+/,
			'"stability":1e999'
		);
		expect(problem(infinite)).toBe(
			'cards[0].stability: expected a finite number ≥ 0, got Infinity'
		);
		expect(problem(edited((f) => (f.log[1].review = '2025-01-06')))).toBe(
			'log[1].review: expected a number, got "2025-01-06"'
		);
		expect(problem(edited((f) => delete f.cards[2].reps))).toBe('cards[2].reps: missing');
		expect(problem(edited((f) => (f.cards[0].__proto__x = 1)))).toBe(
			'cards[0].__proto__x: unexpected field'
		);
		expect(problem(edited((f) => (f.log = {})))).toBe('log: expected a list, got an object');
	});

	it('rejects bad settings, duplicate cards and too many entries', () => {
		expect(problem(edited((f) => (f.settings.desiredRetention = 5)))).toBe(
			'settings: desiredRetention must be a number from 0.70 to 0.99, got 5'
		);
		expect(problem(edited((f) => f.cards.push(f.cards[0])))).toBe(
			'cards[3].id: a second card "arf.founded.cloze"'
		);
		// Checked on the parsed value: as text this many would also pass the size limit.
		const many = structuredClone(sampleBackup());
		many.quiz = Array.from({ length: BACKUP_LIMITS.quiz + 1 }, () => many.quiz[0]!);
		const result = checkBackup(many, NOW);
		expect(result.ok ? '' : result.message).toBe(
			`quiz: expected at most ${BACKUP_LIMITS.quiz} entries, got a list of ${BACKUP_LIMITS.quiz + 1}`
		);
	});

	it('keeps fitted FSRS parameters and an exam date, and names bad ones', () => {
		const fitted = Array.from({ length: 21 }, (_, i) => 0.1 + i / 10);
		const text = edited((f) => {
			f.settings.fsrsParameters = fitted;
			f.settings.examDate = '2026-07-15';
		});
		const result = parseBackup(text, NOW);
		expect(result.ok && result.backup.settings).toMatchObject({
			fsrsParameters: fitted,
			examDate: '2026-07-15'
		});
		expect(problem(edited((f) => (f.settings.fsrsParameters = fitted.slice(0, 20))))).toMatch(
			/^settings: fsrsParameters must be null or a list of 21 numbers, got \[0\.1,/
		);
		expect(problem(edited((f) => (f.settings.fsrsParameters = [...fitted.slice(1), 'x'])))).toMatch(
			/^settings: fsrsParameters must be null or a list of 21 numbers/
		);
	});

	it('refuses a file past the size limit before parsing it', () => {
		const text = ' '.repeat(BACKUP_LIMITS.fileChars + 1);
		expect(problem(text)).toMatch(/^the file is too large/);
	});
});
