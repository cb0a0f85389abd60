/**
 * The Anki deck's notes, made from the bank's review cards (`reviewQuestionIds`): a Basic
 * note for a recall card, a Cloze note for a cloze card. Every field is HTML (Anki renders fields
 * as HTML), so all bank text is escaped here, and nothing from the bank can become cloze syntax.
 */
import { createHash } from 'node:crypto';
import type { Bank, Question } from '../src/lib/domain/bank/bank';
import { reviewQuestionIds } from '../src/lib/domain/schedule/queue';

export type NoteType = 'basic' | 'cloze';

/** Field names per note type, in the order of a note's `fields`. */
export const NOTE_FIELDS: Record<NoteType, readonly string[]> = {
	basic: ['Front', 'Back', 'Explanation', 'Source'],
	cloze: ['Text', 'Explanation', 'Source']
};

export interface AnkiNote {
	/** Derived from the question id alone, so a newer deck updates the note instead of adding one. */
	guid: string;
	type: NoteType;
	/** HTML, one per name in `NOTE_FIELDS[type]`. */
	fields: string[];
	/** The first field as plain text: Anki sorts and finds duplicates by it. */
	sortField: string;
	tags: string[];
}

export class AnkiDeckError extends Error {
	override name = 'AnkiDeckError';
}

/** The gap a cloze prompt marks its answer with (see `Question`). */
const GAP = '____';

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
	// Braces would let bank text open a cloze deletion or a template field in Anki.
	'{': '&#123;',
	'}': '&#125;'
};

/** Bank text as HTML that shows exactly that text. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"'{}]/g, (char) => HTML_ESCAPES[char] ?? char);
}

// The alphabet Anki itself writes GUIDs in (base 91 of a 64-bit number).
const BASE91 =
	'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/** A stable Anki GUID for a question: the first 64 bits of the SHA-256 of its id, in base 91. */
export function guidFor(questionId: string): string {
	let value = createHash('sha256').update(`kizuna:${questionId}`).digest().readBigUInt64BE(0);
	let guid = '';
	do {
		guid = BASE91[Number(value % 91n)] + guid;
		value /= 91n;
	} while (value > 0n);
	return guid;
}

function sourceLine(bank: Bank, question: Question): string {
	const { title, publisher, date } = bank.source;
	return escapeHtml(`${title} (${publisher}, ${date}), section “${question.source.section}”`);
}

function clozeText(question: Question, answer: string): { html: string; plain: string } {
	const parts = question.prompt.split(GAP);
	if (parts.length !== 2) {
		throw new AnkiDeckError(
			`Question ${question.id}: a cloze prompt needs exactly one gap "${GAP}", found ${parts.length - 1} in "${question.prompt}"`
		);
	}
	const [before = '', after = ''] = parts;
	// `::` inside a deletion starts Anki's hint, so the answer's colons are entities too.
	const deletion = `{{c1::${escapeHtml(answer).replaceAll(':', '&#58;')}}}`;
	return {
		html: escapeHtml(before) + deletion + escapeHtml(after),
		plain: `${before}{{c1::${answer}}}${after}`
	};
}

/**
 * The note's tag: its framework as the app names it ("kizuna::EAS",
 * "kizuna::Meeting_of_seven_major_developed_countries"), since Anki shows tags to the learner;
 * a space would split it in two.
 */
export function tagOf(bank: Bank, question: Question): string {
	const framework = bank.frameworks.find((f) => f.id === question.framework);
	if (!framework) {
		throw new AnkiDeckError(`Question ${question.id}: no framework "${question.framework}"`);
	}
	return `kizuna::${framework.shortName.trim().replace(/\s+/g, '_')}`;
}

function noteFor(bank: Bank, question: Question): AnkiNote {
	const { answer } = question;
	if (typeof answer !== 'string') {
		throw new AnkiDeckError(`Question ${question.id}: a ${question.kind} card needs one answer`);
	}
	const tags = [tagOf(bank, question)];
	const guid = guidFor(question.id);
	const explanation = escapeHtml(question.explanation);
	const source = sourceLine(bank, question);
	if (question.kind === 'cloze') {
		const text = clozeText(question, answer);
		return {
			guid,
			type: 'cloze',
			fields: [text.html, explanation, source],
			sortField: text.plain,
			tags
		};
	}
	return {
		guid,
		type: 'basic',
		fields: [escapeHtml(question.prompt), escapeHtml(answer), explanation, source],
		sortField: question.prompt,
		tags
	};
}

/** One note per review card of the bank, in the bank's order (Anki's order for new cards). */
export function ankiNotes(bank: Bank): AnkiNote[] {
	const review = new Set(reviewQuestionIds(bank.questions));
	return bank.questions.filter((q) => review.has(q.id)).map((q) => noteFor(bank, q));
}
