/**
 * What gives a question's answer away, judged on what its card shows (./question-display.ts) and
 * on what the quiz's feedback shows once it is answered: the lints look for it on other cards,
 * the quiz asks an item before any item that shows it (../quiz/quiz-compatible.ts).
 */
import type { BankFramework, Question, SourceRef } from './bank';
import { answerText } from '../quiz/quiz-summary';
import { questionHeader, questionHints } from './question-display';
import { mentionedIn, textKey } from './text';

/** The words every choice has (lower case): shown whichever is picked, they tell nothing apart. */
export function sharedWords(choices: readonly string[]): string[] {
	if (choices.length < 2) return [];
	const words = (choice: string) => new Set(choice.toLowerCase().split(/\s+/).filter(Boolean));
	const [first, ...rest] = choices.map(words);
	return [...first!].filter((word) => rest.every((other) => other.has(word)));
}

/**
 * The text a card shows before it is answered that must never hold its answer: the header, the
 * prompt, the hints and the words every choice shares (each choice's other words are the options
 * themselves, one of which is the answer).
 */
export function revealingText(question: Question, frameworks: readonly BankFramework[]): string {
	return [
		questionHeader(question, frameworks) ?? '',
		question.prompt,
		...questionHints(question),
		sharedWords(question.choices ?? []).join(' ')
	].join('\n');
}

/** Everything a card shows before it is answered, its options included. */
export function shownText(question: Question, frameworks: readonly BankFramework[]): string {
	return [
		questionHeader(question, frameworks) ?? '',
		question.prompt,
		...questionHints(question),
		...(question.choices ?? []),
		...(question.items ?? [])
	].join('\n');
}

/** What the feedback quotes once a question is answered: the passages it rests on. */
export function passagesOf(question: Question): SourceRef[] {
	return [question.source, ...(question.alsoSources ?? [])];
}

/**
 * Everything a quiz item's feedback shows once it is answered, whatever was answered: the right
 * answer, the explanation and each passage quoted with where it is (QuizFeedback, SourceNote).
 */
export function feedbackText(question: Question): string {
	return [
		answerText(question),
		question.explanation,
		...passagesOf(question).flatMap((ref) => [ref.quote, ref.section, ref.part ?? ''])
	].join('\n');
}

/** Everything a quiz item shows on its screen, before it is answered and after. */
export function screenText(question: Question, frameworks: readonly BankFramework[]): string {
	return `${shownText(question, frameworks)}\n${feedbackText(question)}`;
}

/** A month's name, as a dates' pattern holds it. */
export const MONTH =
	'(January|February|March|April|May|June|July|August|September|October|November|December)';
export const DAY_DATE = new RegExp(`^${MONTH} \\d{1,2}, \\d{4}$`);
export const MONTH_DATE = new RegExp(`^${MONTH} \\d{4}$`);
const NUMBER = /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i;
const ORDINAL =
	/^(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$/i;

export const answersOf = (q: Question) => (typeof q.answer === 'string' ? [q.answer] : q.answer);

/** The answers a learner may type or pick, and the forms accepted for them. */
export function formsOf(q: Question): string[] {
	return [...answersOf(q), ...(q.accept ?? [])];
}

const nameKey = (text: string) => textKey(text.replace(/^the /i, ''));
/** Per list of frameworks (a bank's), the keys of their names: asked once per question. */
const nameKeys = new WeakMap<readonly BankFramework[], Set<string>>();
function nameKeysOf(frameworks: readonly BankFramework[]): Set<string> {
	let keys = nameKeys.get(frameworks);
	if (!keys) {
		keys = new Set(frameworks.flatMap((f) => [f.name, f.shortName]).map(nameKey));
		nameKeys.set(frameworks, keys);
	}
	return keys;
}

/**
 * The forms of a question's answer that, seen anywhere, answer it: a typed answer and each form
 * accepted for it, or a date, place, number or ordinal picked among choices (another choice
 * answer, "Both" or "Only the EAS", tells nothing alone). A framework's name is none: it is on
 * every card of the framework, and the question is which framework a description fits.
 */
export function tellingForms(q: Question, frameworks: readonly BankFramework[]): string[] {
	if (q.kind === 'recall' || q.kind === 'cloze') {
		const names = nameKeysOf(frameworks);
		return formsOf(q).filter((form) => !names.has(nameKey(form)));
	}
	if (q.kind !== 'single') return [];
	const answer = answersOf(q)[0] ?? '';
	const telling =
		DAY_DATE.test(answer) ||
		MONTH_DATE.test(answer) ||
		NUMBER.test(answer) ||
		ORDINAL.test(answer) ||
		/\.place\./.test(q.id);
	return telling ? [answer] : [];
}

/**
 * What answers `b` wherever it is shown: the forms of its answer that tell it (`tellingForms`),
 * and the passages it rests on, which decide it (each feedback quotes its own).
 */
export function tellingTexts(b: Question, frameworks: readonly BankFramework[]): string[] {
	return [...tellingForms(b, frameworks), ...passagesOf(b).map((ref) => ref.quote)];
}

/** The first of the texts answering `b` that `text` shows, or undefined when it shows none. */
export function answerShown(
	text: string,
	b: Question,
	frameworks: readonly BankFramework[]
): string | undefined {
	return tellingTexts(b, frameworks).find(mentionedIn(text));
}

/**
 * What quiz item `a` shows, before or after it is answered, that answers `b`; undefined when it
 * shows nothing that does. A quiz never asks `b` after `a` when `a` gives it away.
 */
export function givesAway(
	a: Question,
	b: Question,
	frameworks: readonly BankFramework[]
): string | undefined {
	return answerShown(screenText(a, frameworks), b, frameworks);
}
