/**
 * Writes the bank's review cards as an Anki package (.apkg) in Anki's legacy collection format,
 * which every Anki since 2.1 imports: a zip of `collection.anki2` (an SQLite database of schema
 * version 11: one `col` row whose JSON holds the note types, decks and deck options, then `notes`
 * and `cards`) and `media` (`{}`: no media). Built in Node at build time with sql.js (SQLite as
 * WebAssembly), so the app itself ships no SQLite.
 *
 * Ids of the note types, the deck and its options are constants, so a newer deck lands in the same
 * deck and note types; notes are matched by GUID, and Anki updates a note when the incoming one is
 * newer (`modified`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import type { Bank } from '../src/lib/domain/bank/bank';
import { ankiNotes, NOTE_FIELDS, type NoteType } from './anki-notes';

export const APP_NAME = 'Kizuna';

// Fixed once (milliseconds when chosen, as Anki's own ids are): never change them, or a newer
// deck would be imported beside the old one.
export const MODEL_IDS: Record<NoteType, number> = { basic: 1764460800001, cloze: 1764460800002 };
export const DECK_ID = 1764460800003;
const DECK_OPTIONS_ID = 1764460800004;

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

const CSS = `.card { font-family: system-ui, sans-serif; font-size: 20px; line-height: 1.4;
  text-align: center; color: #1b1b1b; background: #fff; }
.nightMode.card, .night_mode .card { color: #eee; background: #1b1b1b; }
.cloze { font-weight: bold; color: #0b57d0; }
.nightMode .cloze, .night_mode .cloze { color: #a8c7fa; }
.explanation { margin-top: 1em; }
.source { margin-top: 1em; font-size: 14px; opacity: 0.75; }`;

const EXTRA = '<div class=explanation>{{Explanation}}</div><div class=source>{{Source}}</div>';

const TEMPLATES: Record<NoteType, { name: string; qfmt: string; afmt: string }> = {
	basic: { name: 'Card 1', qfmt: '{{Front}}', afmt: `{{FrontSide}}<hr id=answer>{{Back}}${EXTRA}` },
	cloze: { name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: `{{cloze:Text}}${EXTRA}` }
};

function noteType(type: NoteType, modified: number) {
	const template = TEMPLATES[type];
	return {
		id: MODEL_IDS[type],
		name: `${APP_NAME} ${type === 'basic' ? 'Basic' : 'Cloze'}`,
		type: type === 'basic' ? 0 : 1,
		mod: modified,
		usn: -1,
		sortf: 0,
		did: DECK_ID,
		tmpls: [{ ...template, ord: 0, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 }],
		flds: NOTE_FIELDS[type].map((name, ord) => ({
			name,
			ord,
			sticky: false,
			rtl: false,
			font: 'Arial',
			size: 20
		})),
		css: CSS,
		latexPre:
			'\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
		latexPost: '\\end{document}',
		// The first field is the one a card cannot do without.
		req: [[0, 'all', [0]]],
		tags: [],
		vers: []
	};
}

function deck(id: number, name: string, description: string, modified: number) {
	return {
		id,
		name,
		desc: description,
		mod: modified,
		usn: -1,
		collapsed: false,
		browserCollapsed: false,
		dyn: 0,
		conf: id === DECK_ID ? DECK_OPTIONS_ID : 1,
		extendNew: 0,
		extendRev: 0,
		newToday: [0, 0],
		revToday: [0, 0],
		lrnToday: [0, 0],
		timeToday: [0, 0]
	};
}

/** Anki's defaults for new decks' options, under an id of this deck's own. */
function deckOptions(modified: number) {
	return {
		id: DECK_OPTIONS_ID,
		name: APP_NAME,
		mod: modified,
		usn: -1,
		maxTaken: 60,
		autoplay: true,
		timer: 0,
		replayq: true,
		dyn: false,
		new: {
			bury: false,
			delays: [1, 10],
			initialFactor: 2500,
			ints: [1, 4, 0],
			order: 1,
			perDay: 20
		},
		rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
		lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 }
	};
}

/** "Kizuna: Japan's Security Policy (Ministry of Foreign Affairs of Japan, 2016-04-06)". */
export function deckName(bank: Bank): string {
	const { title, publisher, date } = bank.source;
	return `${APP_NAME}: ${title} (${publisher}, ${date})`;
}

/** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the sort field, as a number. */
function checksum(text: string): number {
	return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}

export interface DeckOptions {
	/** When the deck was made, in ms: notes' modification time, so a newer deck updates them. */
	modified: number;
}

/**
 * The bank's review cards as an .apkg file's bytes.
 * @throws AnkiDeckError naming the question that cannot become a note.
 */
export async function ankiDeck(bank: Bank, { modified }: DeckOptions): Promise<Uint8Array> {
	const notes = ankiNotes(bank);
	const seconds = Math.floor(modified / 1000);
	const SQL = await initSqlJs();
	const db = new SQL.Database();
	try {
		db.run(SCHEMA);
		const name = deckName(bank);
		db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
			seconds - (seconds % 86_400),
			modified,
			modified,
			JSON.stringify({
				nextPos: notes.length + 1,
				curDeck: DECK_ID,
				activeDecks: [DECK_ID],
				curModel: MODEL_IDS.basic,
				sortType: 'noteFld'
			}),
			JSON.stringify({
				[MODEL_IDS.basic]: noteType('basic', seconds),
				[MODEL_IDS.cloze]: noteType('cloze', seconds)
			}),
			JSON.stringify({
				1: deck(1, 'Default', '', seconds),
				[DECK_ID]: deck(DECK_ID, name, `Review cards from ${APP_NAME}.`, seconds)
			}),
			JSON.stringify({ [DECK_OPTIONS_ID]: deckOptions(seconds) }),
			'{}'
		]);
		const insertNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
		const insertCard = db.prepare(
			// New cards (type and queue 0), due in the bank's order.
			"INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')"
		);
		notes.forEach((note, index) => {
			// Ids only need to be unique within the package: Anki matches notes by GUID.
			const id = modified + index;
			const tags = ` ${note.tags.join(' ')} `;
			const fields = note.fields.join('\x1f');
			const sortField = note.sortField;
			insertNote.run([
				id,
				note.guid,
				MODEL_IDS[note.type],
				seconds,
				tags,
				fields,
				sortField,
				checksum(sortField)
			]);
			insertCard.run([id, id, DECK_ID, seconds, index + 1]);
		});
		insertNote.free();
		insertCard.free();
		const collection = db.export();
		const mtime = new Date(modified);
		return zipSync({ 'collection.anki2': collection, media: strToU8('{}') }, { level: 9, mtime });
	} finally {
		db.close();
	}
}

/** Where the build puts the deck, beside the app. */
export const DECK_FILE = 'kizuna.apkg';

/**
 * The build's deck (questions/anki-plugin.js): the bank in `bankFile`, made now, or at
 * SOURCE_DATE_EPOCH (seconds) when set, so that a build can be reproduced byte for byte.
 */
export async function deckAsset(
	bankFile = 'questions/bank.json'
): Promise<{ fileName: string; source: Uint8Array }> {
	const bank = JSON.parse(readFileSync(bankFile, 'utf8')) as Bank;
	const epoch = process.env.SOURCE_DATE_EPOCH;
	const modified = epoch ? Number(epoch) * 1000 : Date.now();
	return { fileName: DECK_FILE, source: await ankiDeck(bank, { modified }) };
}
