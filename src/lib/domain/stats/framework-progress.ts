import type { Question } from '../bank/bank';
import type { Recall } from '../schedule/recall';
import type { StoredCard } from '../schedule/scheduler';

/** A card counts as mastered once FSRS expects it to be remembered for three weeks or more. */
export const MASTERED_STABILITY_DAYS = 21;

export interface FrameworkProgress {
	framework: string;
	cards: number;
	seen: number;
	mastered: number;
	/** Mean probability of recall now over the cards seen; null when none is seen. */
	recall: number | null;
}

/**
 * Per-framework progress over the review cards (`cardIds`, in bank order): how many were seen,
 * how many are mastered and how well they are remembered now.
 */
export function frameworkProgress(
	questions: readonly Question[],
	cardIds: readonly string[],
	cards: ReadonlyMap<string, StoredCard>,
	recall: Pick<Recall, 'recallProbability'>,
	now: number
): FrameworkProgress[] {
	const frameworkOf = new Map(questions.map((q) => [q.id, q.framework]));
	const rows = new Map<string, FrameworkProgress & { recallSum: number }>();
	for (const id of cardIds) {
		const framework = frameworkOf.get(id);
		if (framework === undefined) continue;
		let row = rows.get(framework);
		if (!row) {
			row = { framework, cards: 0, seen: 0, mastered: 0, recall: null, recallSum: 0 };
			rows.set(framework, row);
		}
		row.cards += 1;
		const card = cards.get(id);
		if (!card || card.state === 'new') continue;
		row.seen += 1;
		if (card.stability >= MASTERED_STABILITY_DAYS) row.mastered += 1;
		row.recallSum += recall.recallProbability(card, now);
	}
	return [...rows.values()].map(({ recallSum, ...row }) => ({
		...row,
		recall: row.seen > 0 ? recallSum / row.seen : null
	}));
}
