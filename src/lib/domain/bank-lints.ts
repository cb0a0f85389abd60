/**
 * Lints over a generated bank: what a strict examiner would reject before reading a question's
 * content. `npm run questions` fails on any of them; each names the question id and the rule.
 */
import type { Bank, Question } from './bank';

export const LINT_RULES = {
	'duplicate-prompt': 'no two questions share a prompt',
	'prompt-contains-answer': 'a prompt never contains its answer',
	'answer-stands-out': 'the answer never stands out by form among its choices',
	'answer-printed-elsewhere':
		'a date, place, number or ordinal answer is not printed in other prompts of its framework',
	'multi-right-share': 'a select-all has at least 2 right choices and at most 60 % right',
	'truefalse-balance': 'between 40 % and 60 % of the true/false questions are True',
	'prompt-length': 'a prompt has at most 40 words',
	'cloze-short-forms': 'a cloze of three or more content words accepts a shorter form'
} as const;

export type LintRule = keyof typeof LINT_RULES;

export interface Lint {
	rule: LintRule;
	/** The question id, or "(bank)" for a rule over the whole bank. */
	question: string;
	message: string;
}

const MAX_PROMPT_WORDS = 40;
const MONTH =
	'(January|February|March|April|May|June|July|August|September|October|November|December)';
const DAY_DATE = new RegExp(`^${MONTH} \\d{1,2}, \\d{4}$`);
const MONTH_DATE = new RegExp(`^${MONTH} \\d{4}$`);
const NUMBER = /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i;
const ORDINAL =
	/^(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$/i;
const ARTICLE = /^(?:[Tt]he|[Aa]n?) [a-z]/;

const answersOf = (q: Question) => (typeof q.answer === 'string' ? [q.answer] : q.answer);
const words = (text: string) => text.trim().split(/\s+/).length;
/** Words that carry meaning: "the rule of law" has two, "bilateral and multilateral" two. */
const contentWords = (text: string) =>
	text
		.toLowerCase()
		.split(/\s+/)
		.filter((word) => word && !/^(the|a|an|and|of|to|with|between|in|on|for)$/.test(word)).length;

/** Whole-word, case-insensitive containment, with apostrophes and quotes straightened. */
export function mentions(text: string, phrase: string): boolean {
	const flat = (value: string) => value.toLowerCase().replace(/[’‘]/g, "'");
	const escaped = flat(phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(flat(text));
}

/** Every failed lint of `bank`; an empty list when it passes them all. */
export function lintBank(bank: Bank): Lint[] {
	const lints: Lint[] = [];
	const fail = (rule: LintRule, question: string, message: string) =>
		lints.push({ rule, question, message });
	const seenPrompts = new Map<string, string>();
	for (const q of bank.questions) {
		const key = q.prompt.toLowerCase();
		const other = seenPrompts.get(key);
		if (other) fail('duplicate-prompt', q.id, `same prompt as ${other}`);
		else seenPrompts.set(key, q.id);
		if (words(q.prompt) > MAX_PROMPT_WORDS) {
			fail('prompt-length', q.id, `${words(q.prompt)} words (at most ${MAX_PROMPT_WORDS})`);
		}
		if (q.kind !== 'truefalse' && q.kind !== 'matching') {
			const shown = answersOf(q).find((answer) => mentions(q.prompt, answer));
			if (shown) fail('prompt-contains-answer', q.id, `the prompt contains “${shown}”`);
		}
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
		}
	}
	printedElsewhere(bank.questions, fail);
	const tf = bank.questions.filter((q) => q.kind === 'truefalse');
	if (tf.length > 0) {
		const share = tf.filter((q) => q.answer === 'True').length / tf.length;
		if (share < 0.4 || share > 0.6) {
			fail('truefalse-balance', '(bank)', `${Math.round(share * 100)} % of ${tf.length} are True`);
		}
	}
	return lints;
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
	const core = contentWords(answer);
	if (core >= 3 && !accept.some((alt) => contentWords(alt) < core)) {
		return `“${answer}” has no shorter accepted form`;
	}
	return undefined;
}

/** Date, number, ordinal and place answers must not be printed by other facts' prompts. */
function printedElsewhere(
	questions: Question[],
	fail: (r: LintRule, q: string, m: string) => void
) {
	for (const q of questions) {
		if (q.kind !== 'cloze' && q.kind !== 'single' && q.kind !== 'recall') continue;
		const answer = answersOf(q)[0] ?? '';
		const isPlace = /\.place\./.test(q.id);
		const telling = [answer, ...(q.accept ?? [])].filter(
			(value) =>
				DAY_DATE.test(value) ||
				MONTH_DATE.test(value) ||
				NUMBER.test(value) ||
				ORDINAL.test(value) ||
				(isPlace && value === answer)
		);
		for (const value of telling) {
			const other = questions.find(
				(o) => o.framework === q.framework && o.fact !== q.fact && mentions(o.prompt, value)
			);
			if (other) fail('answer-printed-elsewhere', q.id, `“${value}” is printed in ${other.id}`);
		}
	}
}
