/**
 * Which review cards give each other away, written into the bank so that the review never shows a
 * new card's answer on a card seen before it the same day (issue #25). A card's front and back
 * show what answers other cards (overview.aim's back quotes "bilateral and multilateral", which
 * overview.both-ways asks for). Worked out here, at build time, with the quiz's own give-away
 * index (../domain/quiz/quiz-compatible.ts), so the app carries two small fields, not the index:
 * - `introducedAfter`: the cards whose answers a card shows; the queue introduces those first.
 * - `burialGroup`: cards of several facts that show each other's answers, directly or round a
 *   loop (two lists both naming "maritime security"), which no order fixes: once one is rated,
 *   the others wait for the next study day, as a fact's own cards do.
 */
import type { BankFramework, Question } from '../domain/bank/bank';
import { GiveAways } from '../domain/quiz/quiz-compatible';
import { REVIEW_KINDS } from '../domain/schedule/queue';

/**
 * `questions` with `introducedAfter` and `burialGroup` set on their review cards (in the bank's
 * order; none when nothing applies). Other questions are returned as they are.
 */
export function withReviewOrder(
	questions: readonly Question[],
	frameworks: readonly BankFramework[]
): Question[] {
	const cards = questions.filter((q) => REVIEW_KINDS.includes(q.kind));
	const index = new GiveAways(cards, frameworks);
	const factOf = new Map(cards.map((q) => [q.id, q.fact]));
	const rank = new Map(cards.map((q, i) => [q.id, i]));

	// Cards of several facts resting on one passage show each other's answers, as each quotes it
	// (the index leaves such pairs to the passages, see `GiveAways`): one node of the graph below.
	const node = new Map(cards.map((q) => [q.id, q.id]));
	const root = (id: string): string => {
		const parent = node.get(id)!;
		if (parent === id) return id;
		const top = root(parent);
		node.set(id, top);
		return top;
	};
	const byPassage = new Map<string, string[]>();
	for (const q of cards) {
		for (const quote of index.passages(q.id)) {
			const sharing = byPassage.get(quote);
			if (sharing) sharing.push(q.id);
			else byPassage.set(quote, [q.id]);
		}
	}
	for (const sharing of byPassage.values()) {
		if (new Set(sharing.map((id) => factOf.get(id))).size < 2) continue;
		for (const id of sharing) node.set(root(id), root(sharing[0]!));
	}

	// Node → the nodes whose answers its cards show; a fact's own cards are siblings, buried already.
	const shows = new Map<string, Set<string>>();
	for (const q of cards) {
		for (const id of index.shows(q.id)) {
			if (factOf.get(id) === q.fact || root(id) === root(q.id)) continue;
			shows.set(root(q.id), (shows.get(root(q.id)) ?? new Set()).add(root(id)));
		}
	}
	const component = stronglyConnected([...new Set(cards.map((q) => root(q.id)))], shows);
	const groupOf = (id: string) => component.get(root(id))!;

	// A group spanning several facts is named by its first card.
	const groups = new Map<number, { name: string; facts: Set<string> }>();
	for (const q of cards) {
		const group = groups.get(groupOf(q.id));
		if (group) group.facts.add(q.fact);
		else groups.set(groupOf(q.id), { name: q.id, facts: new Set([q.fact]) });
	}
	return questions.map((q) => {
		if (!factOf.has(q.id)) return q;
		const group = groups.get(groupOf(q.id))!;
		const after = [...index.shows(q.id)]
			.filter((id) => factOf.get(id) !== q.fact && groupOf(id) !== groupOf(q.id))
			.sort((a, b) => rank.get(a)! - rank.get(b)!);
		return {
			...q,
			...(after.length > 0 ? { introducedAfter: after } : {}),
			...(group.facts.size > 1 ? { burialGroup: group.name } : {})
		};
	});
}

/**
 * Each node's strongly connected component of `edges` (Tarjan), numbered: the cards that reach
 * each other through "shows the answer of". Iterative, as a bank of thousands of cards may
 * chain deeper than the call stack goes.
 */
function stronglyConnected(
	nodes: readonly string[],
	edges: ReadonlyMap<string, ReadonlySet<string>>
): Map<string, number> {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const component = new Map<string, number>();
	let components = 0;
	for (const start of nodes) {
		if (index.has(start)) continue;
		const walk: { node: string; next: Iterator<string> }[] = [];
		const enter = (node: string) => {
			index.set(node, index.size);
			low.set(node, index.get(node)!);
			stack.push(node);
			onStack.add(node);
			walk.push({ node, next: (edges.get(node) ?? new Set<string>()).values() });
		};
		enter(start);
		while (walk.length > 0) {
			const top = walk[walk.length - 1]!;
			const step = top.next.next();
			if (!step.done) {
				const next = step.value;
				if (!index.has(next)) enter(next);
				else if (onStack.has(next))
					low.set(top.node, Math.min(low.get(top.node)!, index.get(next)!));
				continue;
			}
			walk.pop();
			const parent = walk[walk.length - 1];
			if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
			if (low.get(top.node) !== index.get(top.node)) continue;
			for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
				onStack.delete(member);
				component.set(member, components);
				if (member === top.node) break;
			}
			components += 1;
		}
	}
	return component;
}
