/**
 * The truth check over the facts graph. A claim that a framework (or one of its lists) names a
 * concept is true when a list names it; false only when the list is complete, or every list of
 * that role the framework has is complete, and none names it or anything overlapping it; unknown
 * otherwise: an open list ("including", "such as") never proves an absence. Questions offer a
 * wrong choice or a False statement only when it is false here.
 */
import type { Concept, Facts, FrameworkFacts, ListFact, ListRole } from '../domain/bank/facts';

export type Truth = 'true' | 'false' | 'unknown';

/** One claim a question rests on: `asserted` is what its key says about it. */
export interface Claim {
	framework: string;
	concept: string;
	role: ListRole;
	/** Set when the claim is about one list, not every list of the framework. */
	list?: string;
	asserted: boolean;
}

export class FactGraph {
	readonly concepts = new Map<string, Concept>();
	readonly frameworks = new Map<string, FrameworkFacts>();
	/** Every list of each framework, its meetings' lists included. */
	readonly listsOf = new Map<string, ListFact[]>();
	readonly lists = new Map<string, { framework: FrameworkFacts; list: ListFact }>();
	/** Concepts related by `includes` either way: naming one leaves the other unknown. */
	readonly #overlaps = new Map<string, Set<string>>();

	constructor(facts: Pick<Facts, 'concepts' | 'frameworks'>) {
		for (const concept of facts.concepts) {
			this.concepts.set(concept.id, concept);
			for (const narrower of concept.includes ?? []) {
				this.#relate(concept.id, narrower);
				this.#relate(narrower, concept.id);
			}
		}
		for (const framework of facts.frameworks) {
			this.frameworks.set(framework.id, framework);
			const all = [
				...(framework.lists ?? []),
				...(framework.meetings ?? []).flatMap((meeting) => meeting.lists ?? [])
			];
			this.listsOf.set(framework.id, all);
			for (const list of all) this.lists.set(list.id, { framework, list });
		}
	}

	// A list's concepts, gathered once: the generator asks each list about every concept.
	readonly #namedBy = new WeakMap<ListFact, Set<string>>();

	#named(list: ListFact): Set<string> {
		let named = this.#namedBy.get(list);
		if (!named) {
			named = new Set(list.items.flatMap((item) => item.concepts));
			this.#namedBy.set(list, named);
		}
		return named;
	}

	#relate(a: string, b: string) {
		const set = this.#overlaps.get(a) ?? new Set<string>();
		set.add(b);
		this.#overlaps.set(a, set);
	}

	/** Whether `list` names `concept`. */
	inList(list: ListFact, concept: string): Truth {
		const named = this.#named(list);
		if (named.has(concept)) return 'true';
		const overlaps = this.#overlaps.get(concept);
		if (overlaps && [...overlaps].some((id) => named.has(id))) return 'unknown';
		return list.complete ? 'false' : 'unknown';
	}

	/** Whether the source names `concept` for `framework` in any of its lists of `role`. */
	inFramework(framework: string, role: ListRole, concept: string): Truth {
		const lists = (this.listsOf.get(framework) ?? []).filter((list) => list.role === role);
		if (lists.length === 0) return 'unknown';
		const truths = lists.map((list) => this.inList(list, concept));
		if (truths.includes('true')) return 'true';
		return truths.every((truth) => truth === 'false') ? 'false' : 'unknown';
	}

	/** The truth of a claim, by its list when it names one. */
	truthOf(claim: Claim): Truth {
		if (claim.list) {
			const entry = this.lists.get(claim.list);
			return entry ? this.inList(entry.list, claim.concept) : 'unknown';
		}
		return this.inFramework(claim.framework, claim.role, claim.concept);
	}

	/** Frameworks whose lists of `role` name `concept`, in the source's order. */
	namedBy(concept: string, role: ListRole): string[] {
		return this.#namers(role).get(concept) ?? [];
	}

	/** Concepts some list of `role` names, in the concepts' order. */
	namedIn(role: ListRole): string[] {
		const namers = this.#namers(role);
		return [...this.concepts.keys()].filter((id) => namers.has(id));
	}

	readonly #byRole = new Map<ListRole, Map<string, string[]>>();

	/** Concept → the frameworks naming it, built once per role. */
	#namers(role: ListRole): Map<string, string[]> {
		let namers = this.#byRole.get(role);
		if (namers) return namers;
		namers = new Map();
		for (const [framework, lists] of this.listsOf) {
			const named = new Set(
				lists.filter((l) => l.role === role).flatMap((l) => l.items.flatMap((i) => i.concepts))
			);
			for (const concept of named) namers.set(concept, [...(namers.get(concept) ?? []), framework]);
		}
		this.#byRole.set(role, namers);
		return namers;
	}
}
