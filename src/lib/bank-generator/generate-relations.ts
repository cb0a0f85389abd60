/**
 * Questions across frameworks, from what the graph says they share: "both / only one / neither"
 * comparisons of two frameworks on a shared or look-alike concept, the odd framework out among
 * those naming a concept, matching look-alike terms with the framework that uses each, and
 * matching frameworks with who meets in them. Every key is decided by the truth check: a
 * framework whose lists say nothing provable about a concept is never offered. A comparison is
 * filed under one of the two frameworks it compares (its header and list are theirs).
 */
import type { Concept, LevelFact, ListFact } from '../domain/bank/facts';
import { type Entry, type GenerationContext, first, frameworkLabel } from './generate-context';
import { capitalize, joinList, pick, shuffle, slugify } from '../domain/bank/text';

/** More pairs than this make a matching a chore, not a question. */
export const MATCHING_MAX = 5;

export function generateRelationQuestions(ctx: GenerationContext): void {
	const matched = lookAlikeMatching(ctx);
	for (const id of ctx.graph.namedIn('topics')) {
		const concept = ctx.graph.concepts.get(id)!;
		const named = ctx.graph.namedBy(concept.id, 'topics');
		const absent = [...ctx.graph.frameworks.keys()].filter(
			(id) => ctx.graph.inFramework(id, 'topics', concept.id) === 'false'
		);
		const shared = named.length > 1;
		if (shared)
			compare(
				ctx,
				concept,
				pick(named, 2, `${concept.id}.both`, (id) => id)
			);
		const oddOut = named.length >= 3 && absent.length > 0;
		// Frameworks lacking a look-alike concept while naming one of its look-alikes: the
		// confusion worth asking about (regional connectivity: the EAS, with its ASEAN connectivity).
		const lookAlikeNamers = new Set(
			(concept.confusable ?? []).flatMap((near) => ctx.graph.namedBy(near, 'topics'))
		);
		const confusing = absent.filter((id) => lookAlikeNamers.has(id));
		// "Only one" where no odd-framework-out asks the same absence; for a look-alike, against a
		// framework naming another of its group, unless a matching of the group sets them apart.
		const others = shared ? absent : matched.has(concept.id) ? [] : confusing;
		if (!oddOut && others.length > 0) {
			const [one] = pick(named, 1, `${concept.id}.only`, (id) => id);
			const [other] = pick(others, 1, `${concept.id}.only`, (id) => id);
			// In a stable random order: the framework naming it is not always the first named.
			compare(
				ctx,
				concept,
				shuffle([one!, other!], `${concept.id}.only`, (id) => id)
			);
		}
		// "Neither": a framework that names a look-alike, and another, both provably lacking it.
		const [lure] = pick(confusing, 1, `${concept.id}.neither`, (id) => id);
		const [second] = pick(
			absent.filter((id) => id !== lure),
			1,
			`${concept.id}.neither`,
			(id) => id
		);
		if (lure && second) {
			compare(
				ctx,
				concept,
				shuffle([lure, second], `${concept.id}.neither`, (id) => id)
			);
		}
		if (oddOut) {
			const anchor = anchorList(ctx, concept.id, named);
			if (anchor) oddFrameworkOut(ctx, anchor, concept, named, absent);
		}
	}
	whoMeets(ctx);
	for (const entry of ctx.levels) whichFrameworkMeets(ctx, entry);
}

/**
 * The list a relation question about `concept` hangs on: of the lists of `frameworks` naming it
 * (or, when none does, all their topic lists), the one with the smallest id, so the question's id
 * does not depend on the order of the files.
 */
function anchorList(ctx: GenerationContext, concept: string, frameworks: string[]) {
	const lists = new Set(frameworks.flatMap((id) => listsAbout(ctx, id)));
	const mine = ctx.lists.filter((entry) => lists.has(entry.fact));
	const naming = mine.filter((entry) => ctx.graph.inList(entry.fact, concept) === 'true');
	return first(naming.length > 0 ? naming : mine);
}

/** The lists that decide what the source says about `concept` for `framework`. */
function listsAbout(ctx: GenerationContext, framework: string): ListFact[] {
	return (ctx.graph.listsOf.get(framework) ?? []).filter((list) => list.role === 'topics');
}

function compare(ctx: GenerationContext, concept: Concept, pair: string[]) {
	const [a, b] = pair as [string, string];
	const anchor = anchorList(ctx, concept.id, [a, b]);
	if (!anchor) return;
	const truthA = ctx.graph.inFramework(a, 'topics', concept.id) === 'true';
	const truthB = ctx.graph.inFramework(b, 'topics', concept.id) === 'true';
	const [nameA, nameB] = [ctx.labelOf(a), ctx.labelOf(b)];
	const choices = ['Both', `Only ${nameA}`, `Only ${nameB}`, 'Neither'];
	const key = truthA && truthB ? 'both' : truthA || truthB ? 'only' : 'neither';
	const answer = { both: 'Both', only: `Only ${truthA ? nameA : nameB}`, neither: 'Neither' }[key];
	// The first clause names the concept, the second says "it".
	const say = (id: string, truth: boolean, what: string) =>
		truth
			? `the source names ${what} for ${ctx.labelOf(id)}`
			: `${describeLists(ctx, id)} do not include ${what}`;
	ctx.add(anchor, `${slugify(concept.name)}.${key}`, 'single', {
		prompt: `For which of ${nameA} and ${nameB} does the source name ${concept.name} among the areas, topics or working groups it lists?`,
		answer,
		choices,
		explanation:
			key === 'both'
				? `the source names ${concept.name} for both ${nameA} and ${nameB}.`
				: `${say(a, truthA, concept.name)}; ${say(b, truthB, 'it')}.${otherNamers(ctx, concept, [a, b], key === 'only')}`,
		also: [...listsAbout(ctx, a), ...listsAbout(ctx, b)],
		claims: [a, b].map((framework) => ({ framework, concept: concept.id, role: 'topics' })),
		asserted: [truthA, truthB]
	});
}

/** "the EAS's priority cooperation areas (a complete list)" */
function describeLists(ctx: GenerationContext, framework: string): string {
	return joinList(listsAbout(ctx, framework).map((list) => `${list.title} (a complete list)`));
}

function otherNamers(
	ctx: GenerationContext,
	concept: Concept,
	shown: string[],
	also: boolean
): string {
	const others = ctx.graph.namedBy(concept.id, 'topics').filter((id) => !shown.includes(id));
	return others.length === 0
		? ''
		: ` The source ${also ? 'also ' : ''}names it for ${joinList(others.map((id) => ctx.labelOf(id)))}.`;
}

function oddFrameworkOut(
	ctx: GenerationContext,
	anchor: Entry<ListFact>,
	concept: Concept,
	named: string[],
	absent: string[]
) {
	const seed = `${concept.id}.odd-framework-out`;
	const right = pick(named, 3, seed, (id) => id);
	const [odd] = pick(absent, 1, seed, (id) => id);
	if (!odd) return;
	const answer = ctx.nameOf(odd);
	ctx.add(anchor, `${slugify(concept.name)}.odd-framework-out`, 'which-framework', {
		prompt: `The source names ${concept.name} among the areas, topics or working groups of three of these frameworks. Which is the odd one out?`,
		answer,
		choices: [answer, ...right.map((id) => ctx.nameOf(id))],
		explanation: `the source names ${concept.name} for ${joinList(named.map((id) => ctx.labelOf(id)))}; ${describeLists(ctx, odd)} do not include it.`,
		also: [...right, odd].flatMap((id) => listsAbout(ctx, id)),
		claims: [...right, odd].map((framework) => ({
			framework,
			concept: concept.id,
			role: 'topics'
		})),
		asserted: [...right.map(() => true), false]
	});
}

/**
 * Three or more look-alike terms (disaster reduction, disaster relief, HADR), each named by exactly
 * one framework, matched with it: the terms a learner is most likely to swap. One framework per
 * term, so the one-to-one matching also settles a term that a broader one contains.
 */
function lookAlikeMatching(ctx: GenerationContext): Set<string> {
	const matched = new Set<string>();
	const done = new Set<string>();
	for (const concept of ctx.graph.concepts.values()) {
		if (done.has(concept.id) || !concept.confusable?.length) continue;
		const group = [concept.id, ...concept.confusable].filter((id) => !done.has(id));
		for (const id of group) done.add(id);
		const owners = group.map((id) => ctx.graph.namedBy(id, 'topics'));
		const terms = group.filter((_, i) => owners[i]!.length === 1);
		const frameworks = terms.map((id) => ctx.graph.namedBy(id, 'topics')[0]!);
		// Two look-alikes are a comparison already ("only the EAS"); a matching needs three. A term
		// contained in another (disaster relief in HADR) would have a second right partner.
		const nested = terms.some((id) =>
			ctx.graph.concepts.get(id)?.includes?.some((inner) => terms.includes(inner))
		);
		if (terms.length < 3 || nested || new Set(frameworks).size !== terms.length) continue;
		const anchor = first(terms.flatMap((id, i) => anchorList(ctx, id, [frameworks[i]!]) ?? []));
		if (!anchor) continue;
		for (const id of terms) matched.add(id);
		const answer = frameworks.map((id) => ctx.nameOf(id));
		const named = anchor.fact.items.find((item) => terms.some((id) => item.concepts.includes(id)));
		ctx.add(anchor, `${slugify(named?.text ?? terms[0]!)}.look-alikes`, 'matching', {
			prompt: 'Match each term with the framework for which the source names it.',
			items: terms.map((id) => capitalize(ctx.conceptName(id))),
			answer,
			choices: [...answer],
			explanation: `the source names ${joinList(terms.map((id, i) => `${ctx.conceptName(id)} for ${ctx.labelOf(frameworks[i]!)}`))}.`,
			also: frameworks.flatMap((id) => listsAbout(ctx, id)),
			claims: terms.map((id, i) => ({ framework: frameworks[i]!, concept: id, role: 'topics' })),
			asserted: terms.map(() => true)
		});
	}
	return matched;
}

/**
 * "In which of these frameworks do defense ministers meet?": the wrong choices are frameworks whose level
 * the source gives and that neither contains nor is contained in this one ("leaders" against
 * "leaders and foreign ministers" would be half right). A framework whose level the source does
 * not give (who attends the TSDs?) is never offered.
 */
function whichFrameworkMeets(ctx: GenerationContext, entry: Entry<LevelFact>) {
	const who = entry.fact.who;
	if (!who) return;
	const wrong: Entry<LevelFact>[] = [];
	// One pass over every framework's levels: there may be a thousand.
	for (const other of ctx.levels) {
		const theirs = other.fact.who;
		if (other.framework.id === entry.framework.id || !theirs) continue;
		if (theirs === who) return;
		if (!theirs.includes(who) && !who.includes(theirs)) wrong.push(other);
	}
	const chosen = pick(wrong, 3, `${entry.fact.id}.which`, (other) => other.framework.id);
	if (chosen.length < 2) return;
	const answer = entry.framework.shortName;
	// "Of these": leaders also meet at the trilaterals' summits, which the choices leave out.
	ctx.add(entry, 'who.which', 'which-framework', {
		prompt: `According to the source, in which of these frameworks do ${who} meet?`,
		answer,
		choices: [answer, ...chosen.map((other) => other.framework.shortName)],
		identity: true,
		explanation: `according to the source, ${who} meet in ${frameworkLabel(entry.framework)}; ${joinList(chosen.map((other) => `${other.fact.who} in ${frameworkLabel(other.framework)}`))}.`,
		also: chosen.map((other) => other.fact)
	});
}

/**
 * Matches each framework whose level the source gives with who meets in it, each answer used
 * once. A level two frameworks share would have two right partners, and one inside another's
 * ("leaders" in "leaders and foreign ministers") too: such levels are left out, the broader kept.
 */
function whoMeets(ctx: GenerationContext) {
	const all = ctx.levels.filter(({ fact }) => fact.who);
	const levels = all
		.filter(({ fact }) =>
			all.every((other) => other.fact === fact || !other.fact.who!.includes(fact.who!))
		)
		.slice(0, MATCHING_MAX);
	if (levels.length < 3) return;
	const answer = levels.map(({ fact }) => capitalize(fact.who!));
	ctx.add(first(levels)!, 'who-meets.matching', 'matching', {
		prompt: 'Match each framework with who meets in it, according to the source.',
		items: levels.map(({ framework }) => framework.shortName),
		answer,
		choices: [...answer],
		identity: true,
		explanation: `according to the source, ${joinList(levels.map(({ framework, fact }) => `${fact.who} meet in ${frameworkLabel(framework)}`))}.`,
		also: levels.map(({ fact }) => fact)
	});
}
