/**
 * Lints over a generated bank: what a strict examiner would reject before reading a question's
 * content, judged as the card shows it (../domain/bank/question-display.ts: header, prompt, hints, options).
 * `npm run questions` fails on any of them; each names the question id and the rule. The rules
 * over one card are here, those across cards in ./bank-lints-across.ts.
 */
import type { Bank, BankFramework, Question } from '../domain/bank/bank';
import { type Fail, acrossCards } from './bank-lints-across';
import { DAY_DATE, MONTH_DATE, answersOf, formsOf, revealingText } from '../domain/bank/give-away';
import { mentions, textKey } from '../domain/bank/text';

export const LINT_RULES = {
	'duplicate-prompt': 'no two questions share a prompt',
	'card-shows-answer':
		'a card never shows its answer or an accepted form: not in its header, prompt, hints or the words every choice shares',
	'answer-stands-out': 'the answer never stands out by form among its choices',
	'answer-printed-elsewhere':
		'a typed answer or accepted form, or a date, place, number or ordinal answer, is not shown on the card of another fact of its framework',
	'acronym-printed-elsewhere': 'an acronym accepted as an answer is shown on no other card',
	'accept-keeps-qualifier':
		'an accepted form keeps the word that carries the fact (not “cooperation” for “concrete cooperation”)',
	elimination:
		'a place item offers only places of its own framework’s meetings, a date item only dates the bank asks about',
	'matching-each-once': 'a matching has three or more pairs, each answer used once',
	'comparison-filing': 'a comparison is filed under one of the two frameworks it compares',
	'truefalse-repeats-cloze': 'a True statement is not a cloze with its gap filled',
	'cloze-hides-filler': 'a cloze hides more than filler words (“a wide range of areas”)',
	'multi-right-share': 'a select-all has at least 2 right choices and at most 60 % right',
	'truefalse-balance': 'between 40 % and 60 % of the true/false questions are True',
	'prompt-length': 'a prompt has at most 40 words',
	'cloze-short-forms':
		'a cloze of three or more content words accepts another wording: a shorter form, or its words reordered'
} as const;

export type LintRule = keyof typeof LINT_RULES;

export interface Lint {
	rule: LintRule;
	/** The question id, or "(bank)" for a rule over the whole bank. */
	question: string;
	message: string;
}

const MAX_PROMPT_WORDS = 40;
const ARTICLE = /^(?:[Tt]he|[Aa]n?) [a-z]/;
const STOP_WORD = /^(the|a|an|and|of|to|with|between|in|on|for)$/;
/** Words that say how much or how wide, not what: a cloze of only these tests nothing. */
const FILLER = /^(wide|wide-range|range|areas?|many|various|variety|number|matters|things|others)$/;

const words = (text: string) => text.trim().split(/\s+/).length;
/** The words that carry meaning, lower case: "the rule of law" has two. */
const content = (text: string) =>
	text
		.toLowerCase()
		.split(/[\s,]+/)
		.filter((word) => word && !STOP_WORD.test(word));

/** Every failed lint of `bank`; an empty list when it passes them all. */
export function lintBank(bank: Bank): Lint[] {
	const lints: Lint[] = [];
	const fail: Fail = (rule, question, message) => lints.push({ rule, question, message });
	const seenPrompts = new Map<string, string>();
	for (const q of bank.questions) {
		const key = q.prompt.toLowerCase();
		const other = seenPrompts.get(key);
		if (other) fail('duplicate-prompt', q.id, `same prompt as ${other}`);
		else seenPrompts.set(key, q.id);
		if (words(q.prompt) > MAX_PROMPT_WORDS) {
			fail('prompt-length', q.id, `${words(q.prompt)} words (at most ${MAX_PROMPT_WORDS})`);
		}
		const shown = cardShowsAnswer(q, bank.frameworks);
		if (shown) fail('card-shows-answer', q.id, shown);
		const standsOut = standOut(q);
		if (standsOut) fail('answer-stands-out', q.id, standsOut);
		if (q.kind === 'multi' || (q.kind === 'which-framework' && Array.isArray(q.answer))) {
			const right = answersOf(q).length;
			const total = q.choices?.length ?? right;
			if (right < 2 || right / total > 0.6) {
				fail('multi-right-share', q.id, `${right} of ${total} choices are right`);
			}
		}
		if (q.kind === 'cloze') {
			const short = shortFormProblem(q);
			if (short) fail('cloze-short-forms', q.id, short);
			const dropped = droppedQualifier(q);
			if (dropped) fail('accept-keeps-qualifier', q.id, dropped);
			if (content(answersOf(q)[0] ?? '').every((word) => FILLER.test(word))) {
				fail('cloze-hides-filler', q.id, `“${q.answer}” is filler`);
			}
		}
		if (q.kind === 'matching') {
			const answers = answersOf(q);
			if (answers.length < 3 || new Set(answers).size !== answers.length) {
				fail('matching-each-once', q.id, `answers ${answers.join(', ')}`);
			}
		}
		const filing = misfiled(q, bank.frameworks);
		if (filing) fail('comparison-filing', q.id, filing);
	}
	acrossCards(bank, fail);
	const tf = bank.questions.filter((q) => q.kind === 'truefalse');
	if (tf.length > 0) {
		const share = tf.filter((q) => q.answer === 'True').length / tf.length;
		if (share < 0.4 || share > 0.6) {
			fail('truefalse-balance', '(bank)', `${Math.round(share * 100)} % of ${tf.length} are True`);
		}
	}
	return lints;
}

/** What the card shows of its own answer, or undefined when it shows none. */
function cardShowsAnswer(q: Question, frameworks: readonly BankFramework[]): string | undefined {
	// "True or false: …" states the claim; its key is the verdict.
	if (q.kind === 'truefalse') return undefined;
	const text = revealingText(q, frameworks);
	const shown = formsOf(q).find((form) => mentions(text, form));
	if (shown) return `the card shows “${shown}”`;
	const items = q.items ?? [];
	const paired = items.findIndex((item, i) => mentions(item, answersOf(q)[i] ?? '\u0000'));
	if (paired >= 0) return `the item “${items[paired]}” shows its own partner`;
	return undefined;
}

/** Why the answer stands out among the choices, or undefined when it does not. */
function standOut(q: Question): string | undefined {
	if (!q.choices || q.kind === 'truefalse' || q.kind === 'matching') return undefined;
	const right = new Set(answersOf(q));
	const wrong = q.choices.filter((choice) => !right.has(choice));
	if (wrong.length === 0) return undefined;
	const granularity = (c: string) => (DAY_DATE.test(c) ? 'day' : MONTH_DATE.test(c) ? 'month' : '');
	const granularities = new Set(q.choices.map(granularity));
	if (granularities.size > 1 && [...granularities].some(Boolean)) {
		return 'dates of different precision among the choices';
	}
	// Grammar: the right choices alone start with an article, or alone do not.
	const article = (c: string) => ARTICLE.test(c);
	const rightArticles = [...right].map(article);
	const wrongArticles = wrong.map(article);
	if (
		(rightArticles.every(Boolean) && !wrongArticles.some(Boolean)) ||
		(!rightArticles.some(Boolean) && wrongArticles.every(Boolean))
	) {
		return 'only the answer starts (or does not start) with an article';
	}
	if (typeof q.answer === 'string') {
		const size = words(q.answer);
		const sizes = wrong.map(words);
		if (size > 2 * Math.max(...sizes)) return `the answer is far longer than every other choice`;
		if (size * 2 < Math.min(...sizes)) return `the answer is far shorter than every other choice`;
	}
	return undefined;
}

function shortFormProblem(q: Question): string | undefined {
	const answer = answersOf(q)[0] ?? '';
	const accept = q.accept ?? [];
	const abbreviation = /\(([^()]+)\)\s*$/.exec(answer)?.[1];
	if (abbreviation && !accept.includes(abbreviation)) return `does not accept “${abbreviation}”`;
	const core = content(answer);
	const sorted = (list: string[]) => [...list].sort().join(' ');
	const otherWording = (alt: string) =>
		content(alt).length < core.length ||
		(sorted(content(alt)) === sorted(core) && content(alt).join(' ') !== core.join(' '));
	if (core.length >= 3 && !accept.some(otherWording)) {
		return `“${answer}” has no shorter or reordered accepted form`;
	}
	return undefined;
}

/**
 * An accepted form that is the answer without its first word, where that word qualifies the
 * rest ("concrete cooperation" → "cooperation", "regional stability and peace" → "peace and
 * stability"): what is left is a word or two anyone would guess, and the fact was the qualifier.
 */
function droppedQualifier(q: Question): string | undefined {
	const answer = answersOf(q)[0] ?? '';
	const [qualifier, ...rest] = content(answer);
	const next = answer
		.toLowerCase()
		.split(/\s+/)
		.filter((word) => !/^(the|an?)$/.test(word))[1];
	if (!qualifier || rest.length === 0 || rest.length > 2 || next === 'and') return undefined;
	const key = (list: string[]) => [...list].sort().join(' ');
	const bare = (q.accept ?? []).find((alt) => key(content(alt)) === key(rest));
	return bare ? `accepts “${bare}” without “${qualifier}”` : undefined;
}

/**
 * Why a comparison ("Both", "Only X", "Only Y", "Neither") is filed under neither X nor Y, whose
 * header or list it would then sit in; undefined for other questions and for one filed right.
 */
function misfiled(q: Question, frameworks: readonly BankFramework[]): string | undefined {
	const only = (q.choices ?? []).filter((c) => c.startsWith('Only ')).map((c) => c.slice(5));
	if (q.kind !== 'single' || only.length !== 2 || !q.choices?.includes('Neither')) return undefined;
	const mine = frameworks.find((framework) => framework.id === q.framework);
	if (!mine) return undefined;
	// Choices name a framework as sentences do: "Only the ARF", "Only Japan-U.S.-India".
	const key = (name: string) => textKey(name.replace(/^the /i, ''));
	const names = [mine.shortName, mine.name].map(key);
	return only.some((name) => names.includes(key(name)))
		? undefined
		: `filed under ${mine.shortName}, comparing ${only.join(' and ')}`;
}
