/**
 * What "Study more" offers (as Anki's custom study): how many new cards are left, the reviews due
 * tomorrow, and the weakest framework's cards to practise.
 */
import type { Question } from '../bank/bank';
import type { Recall } from './recall';
import type { StoredCard } from './scheduler';
import { introductionOrder, reviewQuestionIds } from './queue';
import { startOfNextStudyDay } from '../study-day/study-day';

/** New cards one "more new cards" adds. */
export const MORE_NEW = 10;
/** The most cards a practice of the weakest framework shows. */
export const PRACTICE_CARDS = 20;

/** Cards of `ids` never studied. */
export function unseenCount(
	ids: readonly string[],
	cards: ReadonlyMap<string, StoredCard>
): number {
	return ids.filter((id) => (cards.get(id)?.state ?? 'new') === 'new').length;
}

/** Cards of `ids` in review that fall due in tomorrow's study day, not before. */
export function dueTomorrow(
	ids: readonly string[],
	cards: ReadonlyMap<string, StoredCard>,
	now: number,
	startHour: number
): number {
	const tomorrow = startOfNextStudyDay(now, startHour);
	const after = startOfNextStudyDay(tomorrow, startHour);
	return ids.filter((id) => {
		const card = cards.get(id);
		return card?.state === 'review' && card.due >= tomorrow && card.due < after;
	}).length;
}

/**
 * The framework whose cards are least remembered now: the lowest mean probability of recall over
 * all its review cards, a card never studied counting 0 (the first in the bank's order on a tie).
 */
export function weakestFramework(
	questions: readonly Pick<Question, 'id' | 'framework'>[],
	ids: readonly string[],
	cards: ReadonlyMap<string, StoredCard>,
	recall: Pick<Recall, 'recallProbability'>,
	now: number
): string | undefined {
	const frameworkOf = new Map(questions.map((q) => [q.id, q.framework]));
	const sums = new Map<string, { recall: number; cards: number }>();
	for (const id of ids) {
		const framework = frameworkOf.get(id);
		if (framework === undefined) continue;
		const sum = sums.get(framework) ?? { recall: 0, cards: 0 };
		const card = cards.get(id);
		sum.recall += card ? recall.recallProbability(card, now) : 0;
		sum.cards += 1;
		sums.set(framework, sum);
	}
	let weakest: { framework: string; score: number } | undefined;
	for (const [framework, sum] of sums) {
		const score = sum.recall / sum.cards;
		if (!weakest || score < weakest.score) weakest = { framework, score };
	}
	return weakest?.framework;
}

/**
 * Up to `max` review cards of `questions` (one framework's) to practise, least remembered first,
 * never studied first of all; as in a day's review, no two of one fact or burial group, and a
 * card after those whose answers it shows (./queue.ts), so none gives another away.
 */
export function weakestCards(
	questions: readonly Question[],
	cards: ReadonlyMap<string, StoredCard>,
	recall: Pick<Recall, 'recallProbability'>,
	now: number,
	max = PRACTICE_CARDS
): string[] {
	const byId = new Map(questions.map((q) => [q.id, q]));
	const scored = reviewQuestionIds(questions).map((id, index) => {
		const card = cards.get(id);
		return { id, index, recall: card ? recall.recallProbability(card, now) : 0 };
	});
	scored.sort((a, b) => a.recall - b.recall || a.index - b.index);
	const taken = new Set<string>();
	const picked: string[] = [];
	for (const { id } of scored) {
		if (picked.length === max) break;
		const q = byId.get(id)!;
		const groups = [`fact ${q.fact}`, ...(q.burialGroup ? [`group ${q.burialGroup}`] : [])];
		if (groups.some((group) => taken.has(group))) continue;
		for (const group of groups) taken.add(group);
		picked.push(id);
	}
	return introductionOrder(picked, questions);
}
