import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import initSqlJs, { type Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import type { Bank, Question } from '../src/lib/domain/bank/bank';
import { reviewQuestionIds } from '../src/lib/domain/schedule/queue';
import { ankiDeck, DECK_ID, deckName, MODEL_IDS } from './anki-deck';
import { AnkiDeckError } from './anki-notes';

const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
const MODIFIED = Date.UTC(2026, 10, 30, 12);
const SQL = await initSqlJs();

/** Opens an .apkg as Anki does: the zip's SQLite collection and its media map. */
function open(apkg: Uint8Array): { db: Database; media: string; entries: string[] } {
	const files = unzipSync(apkg);
	const collection = files['collection.anki2'];
	if (!collection) throw new Error('no collection.anki2 in the package');
	const media = files.media ? strFromU8(files.media) : '';
	return { db: new SQL.Database(collection), media, entries: Object.keys(files).sort() };
}

function rows(db: Database, sql: string): Record<string, unknown>[] {
	const [result] = db.exec(sql);
	if (!result) return [];
	return result.values.map((row) =>
		Object.fromEntries(result.columns.map((column, i) => [column, row[i]]))
	);
}

function col(db: Database) {
	const [row] = rows(db, 'SELECT ver, models, decks, dconf FROM col');
	return {
		ver: row?.ver,
		models: JSON.parse(String(row?.models)) as Record<string, Record<string, unknown>>,
		decks: JSON.parse(String(row?.decks)) as Record<
			string,
			{ id: number; name: string; conf: number }
		>,
		dconf: JSON.parse(String(row?.dconf)) as Record<string, { id: number }>
	};
}

const guids = (db: Database) =>
	rows(db, 'SELECT guid FROM notes ORDER BY id').map((row) => String(row.guid));

function question(overrides: Partial<Question> & Pick<Question, 'id' | 'kind'>): Question {
	return {
		framework: 'eas',
		fact: overrides.id.replace(/\.\w+$/, ''),
		prompt: 'What is the EAS?',
		answer: 'A leaders’ forum',
		explanation: 'The source says so.',
		source: { section: 'EAS (East Asia Summit)', quote: 'The EAS is held' },
		...overrides
	};
}

function fixtureBank(questions: Question[]): Bank {
	return { ...bank, version: 'fixture', questions };
}

describe('the Anki deck of the committed bank', async () => {
	const { db, media, entries } = open(await ankiDeck(bank, { modified: MODIFIED }));
	const review = bank.questions.filter((q) => reviewQuestionIds([q]).length === 1);

	it('is a legacy package: collection.anki2 of schema 11 and an empty media map', () => {
		expect(entries).toEqual(['collection.anki2', 'media']);
		expect(media).toBe('{}');
		expect(col(db).ver).toBe(11);
	});

	it('has a Basic and a Cloze note type with the fields the templates use', () => {
		const { models } = col(db);
		const basic = models[MODEL_IDS.basic];
		const cloze = models[MODEL_IDS.cloze];
		const names = (model: Record<string, unknown> | undefined) =>
			(model?.flds as { name: string }[]).map((field) => field.name);
		expect(basic?.type).toBe(0);
		expect(names(basic)).toEqual(['Front', 'Back', 'Explanation', 'Source']);
		expect(cloze?.type).toBe(1);
		expect(names(cloze)).toEqual(['Text', 'Explanation', 'Source']);
		const [clozeTemplate] = cloze?.tmpls as { qfmt: string }[];
		expect(clozeTemplate?.qfmt).toBe('{{cloze:Text}}');
	});

	it('puts every card in one deck named after the app and the source, with its options', () => {
		const { decks, dconf } = col(db);
		const deck = decks[DECK_ID];
		expect(deck?.name).toBe(deckName(bank));
		expect(deck?.name).toContain('Kizuna');
		expect(deck?.name).toContain(bank.source.title);
		expect(dconf[String(deck?.conf)]).toBeDefined();
		expect(decks['1']?.name).toBe('Default');
		const dids = rows(db, 'SELECT DISTINCT did FROM cards').map((row) => row.did);
		expect(dids).toEqual([DECK_ID]);
	});

	it('has one note and one new card per review card, recall as Basic and cloze as Cloze', () => {
		const count = (sql: string) => Number(rows(db, sql)[0]?.n);
		expect(count('SELECT count(*) AS n FROM notes')).toBe(reviewQuestionIds(bank.questions).length);
		expect(count(`SELECT count(*) AS n FROM notes WHERE mid = ${MODEL_IDS.basic}`)).toBe(
			review.filter((q) => q.kind === 'recall').length
		);
		expect(count(`SELECT count(*) AS n FROM notes WHERE mid = ${MODEL_IDS.cloze}`)).toBe(
			review.filter((q) => q.kind === 'cloze').length
		);
		expect(
			count(
				'SELECT count(*) AS n FROM cards JOIN notes ON notes.id = cards.nid WHERE cards.type = 0 AND cards.queue = 0'
			)
		).toBe(review.length);
	});

	it('writes each note’s fields, tag and cloze deletion from its question', () => {
		const notes = rows(db, 'SELECT flds, tags, mid FROM notes ORDER BY id');
		notes.forEach((note, index) => {
			const q = review[index]!;
			const fields = String(note.flds).split('\x1f');
			const framework = bank.frameworks.find((f) => f.id === q.framework)!;
			expect(note.tags).toBe(` kizuna::${framework.shortName.replaceAll(' ', '_')} `);
			expect(note.tags).not.toMatch(/G7/);
			expect(fields.at(-1)).toContain(q.source.section.replaceAll("'", '&#39;'));
			if (q.kind === 'cloze') {
				expect(fields[0]).toMatch(/^[^{}]*\{\{c1::[^{}]+\}\}[^{}]*$/);
				expect(fields[0]).not.toContain('____');
			} else {
				expect(fields[1]).toBe((q.answer as string).replaceAll("'", '&#39;'));
			}
		});
	});

	it('gives every note its own GUID', () => {
		expect(new Set(guids(db)).size).toBe(review.length);
	});
});

describe('the Anki deck across builds', () => {
	it('keeps every GUID when built again later', async () => {
		const first = open(await ankiDeck(bank, { modified: MODIFIED }));
		const later = open(await ankiDeck(bank, { modified: MODIFIED + 86_400_000 }));
		expect(guids(later.db)).toEqual(guids(first.db));
		const mod = (db: Database) => rows(db, 'SELECT max(mod) AS m FROM notes')[0]?.m;
		// A newer modification time is what makes Anki update the notes it already has.
		expect(Number(mod(later.db))).toBeGreaterThan(Number(mod(first.db)));
	});

	it('keeps a question’s GUID when other questions are added or removed', async () => {
		const a = question({ id: 'eas.a.recall', kind: 'recall' });
		const b = question({ id: 'eas.b.recall', kind: 'recall' });
		const c = question({ id: 'eas.c.cloze', kind: 'cloze', prompt: 'The EAS is a ____.' });
		const before = open(await ankiDeck(fixtureBank([a, b, c]), { modified: MODIFIED }));
		const after = open(await ankiDeck(fixtureBank([c, a]), { modified: MODIFIED }));
		const [guidA, , guidC] = guids(before.db);
		expect(guids(after.db)).toEqual([guidC, guidA]);
	});

	it('is the same bytes for the same bank and time', async () => {
		const once = await ankiDeck(bank, { modified: MODIFIED });
		const again = await ankiDeck(bank, { modified: MODIFIED });
		expect(Buffer.from(again).equals(Buffer.from(once))).toBe(true);
	});
});

describe('bank text in the Anki deck', () => {
	it('is escaped, so no markup or cloze syntax from the bank reaches Anki', async () => {
		const hostile = fixtureBank([
			question({
				id: 'eas.x.recall',
				kind: 'recall',
				prompt: '<script>alert(1)</script> & "quoted"?',
				answer: '<b>bold</b>',
				explanation: '<img src=x onerror=alert(1)>'
			}),
			question({
				id: 'eas.y.cloze',
				kind: 'cloze',
				prompt: 'A {{c2::hidden}} <i>gap</i>: ____.',
				answer: 'x::hint}}'
			})
		]);
		const { db } = open(await ankiDeck(hostile, { modified: MODIFIED }));
		const [recall, cloze] = rows(db, 'SELECT flds FROM notes ORDER BY id').map((row) =>
			String(row.flds).split('\x1f')
		);
		expect(recall?.[0]).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;?');
		expect(recall?.[1]).toBe('&lt;b&gt;bold&lt;/b&gt;');
		expect(recall?.[2]).toBe('&lt;img src=x onerror=alert(1)&gt;');
		expect(cloze?.[0]).toBe(
			'A &#123;&#123;c2::hidden&#125;&#125; &lt;i&gt;gap&lt;/i&gt;: {{c1::x&#58;&#58;hint&#125;&#125;}}.'
		);
		const all = rows(db, 'SELECT flds FROM notes')
			.map((row) => String(row.flds))
			.join('');
		expect(all).not.toContain('<');
		expect(all).not.toContain('{{c2');
	});

	it('names the question whose cloze prompt has no gap', async () => {
		const broken = fixtureBank([question({ id: 'eas.z.cloze', kind: 'cloze', prompt: 'No gap.' })]);
		await expect(ankiDeck(broken, { modified: MODIFIED })).rejects.toThrow(AnkiDeckError);
		await expect(ankiDeck(broken, { modified: MODIFIED })).rejects.toThrow(
			/eas\.z\.cloze.*exactly one gap.*found 0 in "No gap\."/
		);
	});
});
