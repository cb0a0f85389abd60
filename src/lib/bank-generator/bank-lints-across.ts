/**
 * The bank's lints that look across cards (see ./bank-lints.ts for the rule table): what one card
 * shows must not give away another's answer, a place or date item must not be answerable by
 * elimination, and a True statement must not repeat a cloze.
 */
import type { Bank, Question } from '../domain/bank/bank';
import type { LintRule } from './bank-lints';
import { MONTH, answersOf, formsOf, shownText, tellingForms } from '../domain/bank/give-away';
import { mentions, slugify, textKey } from '../domain/bank/text';

export type Fail = (rule: LintRule, question: string, message: string) => void;

const ANY_DATE = new RegExp(`${MONTH} (?:\\d{1,2}, )?(\\d{4})`, 'g');
/** A form that is an abbreviation alone: "TSD", "TSDs", "HADR". */
const ACRONYM = /^[A-Z][A-Z0-9]+s?$/;
const TRUE_OR_FALSE = /^True or false:\s*/i;

export function acrossCards(bank: Bank, fail: Fail): void {
	const shown = new Map(bank.questions.map((q) => [q, shownText(q, bank.frameworks)]));
	printedElsewhere(bank, shown, fail);
	acronymsElsewhere(bank.questions, shown, fail);
	elimination(bank.questions, fail);
	repeatedClozes(bank.questions, fail);
}

/**
 * What answers a question (../domain/bank/give-away.ts `tellingForms`) must not be shown on the
 * card of another fact of its framework: a quiz or a review of one framework would show it before
 * asking it.
 */
function printedElsewhere(bank: Bank, shown: Map<Question, string>, fail: Fail) {
	const byFramework = new Map<string, Question[]>();
	for (const q of bank.questions) {
		byFramework.set(q.framework, [...(byFramework.get(q.framework) ?? []), q]);
	}
	for (const q of bank.questions) {
		for (const form of tellingForms(q, bank.frameworks)) {
			const other = (byFramework.get(q.framework) ?? []).find(
				(o) => o.fact !== q.fact && mentions(shown.get(o) ?? '', form)
			);
			if (other) fail('answer-printed-elsewhere', q.id, `“${form}” is shown on ${other.id}`);
		}
	}
}

/**
 * An abbreviation accepted as a typed answer must be shown on no other card of the bank: a
 * session may mix frameworks, and a learner who saw "TSD" on one card could type it on another.
 */
function acronymsElsewhere(questions: Question[], shown: Map<Question, string>, fail: Fail) {
	for (const q of questions) {
		if (q.kind !== 'cloze') continue;
		for (const form of formsOf(q).filter((f) => ACRONYM.test(f))) {
			const other = questions.find((o) => o !== q && mentions(shown.get(o) ?? '', form));
			if (other) fail('acronym-printed-elsewhere', q.id, `“${form}” is shown on ${other.id}`);
		}
	}
}

/**
 * A place tells its country, and a country its framework: another framework's meeting place
 * beside the answer (Brisbane against the Japan-U.S.-ROK summit) is eliminated without the
 * source. So a place item offers only places of its own framework's meetings. Dates tell no
 * country: a date item offers dates the bank asks about (of any meeting), never invented ones.
 */
function elimination(questions: Question[], fail: Fail) {
	const placesOf = new Map<string, Set<string>>();
	const slugs = new Map<string, string>();
	const dates = new Set<string>();
	for (const q of questions) {
		if (/\.place\.(cloze|single)$/.test(q.id)) {
			const place = answersOf(q)[0] ?? '';
			placesOf.set(textKey(place), (placesOf.get(textKey(place)) ?? new Set()).add(q.framework));
			slugs.set(slugify(place), place);
		}
		for (const answer of answersOf(q)) {
			for (const match of answer.matchAll(ANY_DATE)) {
				dates.add(match[0]);
				dates.add(`${match[1] ?? ''} ${match[2] ?? ''}`.trim());
			}
		}
	}
	for (const q of questions) {
		const place = /\.place\.(?:not-([a-z0-9-]+)\.)?(single|truefalse|matching)$/.exec(q.id);
		if (place && !(q.kind === 'truefalse' && !place[1])) {
			// A True "held in X" offers nothing wrong; a False one names its place in its id.
			const offered = place[1] ? [slugs.get(place[1]) ?? place[1]] : (q.choices ?? []);
			const foreign = offered.find((value) => !placesOf.get(textKey(value))?.has(q.framework));
			if (foreign) {
				fail('elimination', q.id, `“${foreign}” is no place of a ${q.framework} meeting`);
			}
		}
		if (/\.date\./.test(q.id)) {
			const offered =
				q.kind === 'truefalse'
					? [...q.prompt.matchAll(ANY_DATE)].map((m) => m[0])
					: (q.choices ?? []);
			const invented = offered.find((value) => !dates.has(value));
			if (invented) fail('elimination', q.id, `“${invented}” is the date of no meeting asked`);
		}
	}
}

/** A True statement that is a cloze of its own fact with the gap filled asks it a second time. */
function repeatedClozes(questions: Question[], fail: Fail) {
	const flat = (text: string) =>
		text
			.replace(TRUE_OR_FALSE, '')
			.replace(/[.\s]+$/, '')
			.replace(/\s+/g, ' ')
			.toLowerCase();
	const filled = new Map<string, string>();
	for (const q of questions) {
		if (q.kind === 'cloze') filled.set(flat(q.prompt.replace('____', String(q.answer))), q.id);
	}
	for (const q of questions) {
		if (q.kind !== 'truefalse' || q.answer !== 'True') continue;
		const cloze = filled.get(flat(q.prompt));
		if (cloze) fail('truefalse-repeats-cloze', q.id, `states ${cloze} with its gap filled`);
	}
}
