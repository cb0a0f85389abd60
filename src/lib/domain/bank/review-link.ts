/**
 * The link to a review of chosen cards, `/review?cards=<id>,<id>` (the Source page's "Review
 * these"), and reading it back.
 */

/** The query to append to the review page's path for a session of exactly these cards. */
export function reviewQueryFor(cardIds: readonly string[]): string {
	return `?cards=${cardIds.map(encodeURIComponent).join(',')}`;
}

export interface ChosenCards {
	/** The link's cards that are review cards of the bank, in the link's order, once each. */
	cards: string[];
	/** Ids in the link the bank has no review card for. */
	unknown: string[];
}

/** The chosen cards of a review link, or null when it names none (a normal review). */
export function parseChosenCards(
	searchParams: URLSearchParams,
	reviewIds: readonly string[]
): ChosenCards | null {
	const ids = [
		...new Set(
			searchParams
				.getAll('cards')
				.flatMap((value) => value.split(','))
				.map((id) => id.trim())
				.filter((id) => id !== '')
		)
	];
	if (ids.length === 0) return null;
	const known = new Set(reviewIds);
	return {
		cards: ids.filter((id) => known.has(id)),
		unknown: ids.filter((id) => !known.has(id))
	};
}
