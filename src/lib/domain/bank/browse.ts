/** The Browse page's logic: search over the bank, grouping by framework, a card's status. */
import type { BankFramework, Question } from './bank';
import type { Recall } from '../schedule/recall';
import type { CardState, StoredCard } from '../schedule/scheduler';

/**
 * Text folded for search: compatibility forms and Latin accents removed, lower case, runs of
 * whitespace as one space ('Tōkyō  Summit' → 'tokyo summit').
 */
export function foldText(text: string): string {
	return (
		text
			.normalize('NFKD')
			.toLowerCase()
			.normalize('NFKD')
			// Only the Latin combining marks: stripping every mark would turn Japanese が into か.
			.replace(/[\u0300-\u036f]/gu, '')
			.normalize('NFC')
			.replace(/\s+/gu, ' ')
			.trim()
	);
}

function searchText(question: Question): string {
	const answer = typeof question.answer === 'string' ? question.answer : question.answer.join(' ');
	return foldText(`${question.prompt}\n${answer}\n${question.explanation}`);
}

/**
 * The questions whose prompt, answer or explanation contain every word of `query` (case and
 * accents ignored), in their original order; with `framework`, that framework's only. An empty
 * query keeps them all. Words are matched separately so "quad maritime" finds "maritime
 * security … Quad".
 */
export function filterQuestions(
	questions: readonly Question[],
	query: string,
	framework?: string
): Question[] {
	const words = foldText(query).split(' ').filter(Boolean);
	return questions.filter((question) => {
		if (framework && question.framework !== framework) return false;
		if (words.length === 0) return true;
		const text = searchText(question);
		return words.every((word) => text.includes(word));
	});
}

export interface FrameworkGroup {
	framework: BankFramework;
	questions: Question[];
}

/** Questions grouped by framework in the bank's framework order; empty groups are left out. */
export function groupByFramework(
	questions: readonly Question[],
	frameworks: readonly BankFramework[]
): FrameworkGroup[] {
	const groups = new Map(
		frameworks.map((f) => [f.id, { framework: f, questions: [] as Question[] }])
	);
	for (const question of questions) groups.get(question.framework)?.questions.push(question);
	return [...groups.values()].filter((group) => group.questions.length > 0);
}

export interface CardStatus {
	state: CardState;
	/** Epoch ms; null for a new card (it has no schedule yet). */
	due: number | null;
	/** Probability of recall now, 0–1; null for a new card. */
	recall: number | null;
}

/** What the user's card for a question says now; no stored card means a new one. */
export function cardStatus(
	card: StoredCard | undefined,
	recall: Pick<Recall, 'recallProbability'>,
	now: number
): CardStatus {
	if (!card || card.state === 'new') return { state: 'new', due: null, recall: null };
	return { state: card.state, due: card.due, recall: recall.recallProbability(card, now) };
}
