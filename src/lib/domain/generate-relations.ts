/**
 * Questions across frameworks, from what the graph says they share: "true of both / only one"
 * comparisons of two frameworks on a shared or look-alike concept, the odd framework out among
 * those naming a concept, matching look-alike terms with the framework that uses each, and
 * matching frameworks with who meets in them. Every key is decided by the truth check: a
 * framework whose lists say nothing provable about a concept is never offered.
 */
import type { Concept, LevelFact, ListFact } from './facts';
import { type Entry, type GenerationContext, first, frameworkLabel } from './generate-context';
import { capitalize, joinList, pick, slugify } from './text';

/** More pairs than this make a matching a chore, not a question. */
export const MATCHING_MAX = 5;

export function generateRelationQuestions(ctx: GenerationContext): void {
	for (const id of ctx.graph.namedIn('topics')) {
		const concept = ctx.graph.concepts.get(id)!;
		const named = ctx.graph.namedBy(concept.id, 'topics');
		const anchor = anchorList(ctx, concept.id, named);
		if (!anchor) continue;
		const absent = [...ctx.graph.frameworks.keys()].filter(
			(id) => ctx.graph.inFramework(id, 'topics', concept.id) === 'false'
		);
		const shared = named.length > 1;
		if (shared)
			compare(
				ctx,
				anchor,
				concept,
				pick(named, 2, `${concept.id}.both`, (id) => id)
			);
		const oddOut = named.length >= 3 && absent.length > 0;
		// "Only one" where no odd-framework-out asks the same absence. For a look-alike, only
		// against a framework naming one of its look-alikes (regional connectivity: Japan-U.S.-India,
		// not the EAS with its ASEAN connectivity), and only when no matching of its group (three
		// or more terms) already sets them apart.
		const group = concept.confusable ?? [];
		const others = shared
			? absent
			: group.length === 1
				? absent.filter((id) =>
						group.some((near) => ctx.graph.namedBy(near, 'topics').includes(id))
					)
				: [];
		if (!oddOut && others.length > 0) {
			const [one] = pick(named, 1, `${concept.id}.only`, (id) => id);
			const [other] = pick(others, 1, `${concept.id}.only`, (id) => id);
			compare(ctx, anchor, concept, [one!, other!]);
		}
		if (oddOut) oddFrameworkOut(ctx, anchor, concept, named, absent);
	}
	lookAlikeMatching(ctx);
	whoMeets(ctx);
	for (const entry of ctx.levels) whichFrameworkMeets(ctx, entry);
}

/**
 * The list a relation question about `concept` hangs on: of those naming it, the one with the
 * smallest id, so the question's id does not depend on the order of the files.
 */
function anchorList(ctx: GenerationContext, concept: string, named: string[]) {
	const lists = new Set(named.flatMap((id) => listsAbout(ctx, id)));
	return first(
		ctx.lists.filter(
			(entry) => lists.has(entry.fact) && ctx.graph.inList(entry.fact, concept) === 'true'
		)
	);
}

/** The lists that decide what the source says about `concept` for `framework`. */
function listsAbout(ctx: GenerationContext, framework: string): ListFact[] {
	return (ctx.graph.listsOf.get(framework) ?? []).filter((list) => list.role === 'topics');
}

function compare(
	ctx: GenerationContext,
	anchor: Entry<ListFact>,
	concept: Concept,
	pair: string[]
) {
	const [a, b] = pair as [string, string];
	const truthA = ctx.graph.inFramework(a, 'topics', concept.id) === 'true';
	const truthB = ctx.graph.inFramework(b, 'topics', concept.id) === 'true';
	const [nameA, nameB] = [ctx.nameOf(a), ctx.nameOf(b)];
	const choices = ['Both', `Only ${nameA}`, `Only ${nameB}`, 'Neither'];
	const answer = truthA && truthB ? 'Both' : truthA ? `Only ${nameA}` : `Only ${nameB}`;
	const form = `${slugify(concept.name)}.${truthA && truthB ? 'both' : 'only'}`;
	const say = (id: string, truth: boolean) =>
		truth
			? `the source names ${concept.name} for ${ctx.labelOf(id)}`
			: `${describeLists(ctx, id)} do not include it`;
	ctx.add(anchor, form, 'single', {
		prompt: `For which of ${promptName(ctx, a)} and ${promptName(ctx, b)} does the source name ${concept.name} among the areas, topics or working groups it lists?`,
		answer,
		choices,
		explanation:
			truthA && truthB
				? `the source names ${concept.name} for both ${ctx.labelOf(a)} and ${ctx.labelOf(b)}.`
				: `${say(a, truthA)}; ${say(b, truthB)}.${otherNamers(ctx, concept, [a, b])}`,
		also: [...listsAbout(ctx, a), ...listsAbout(ctx, b)],
		claims: [a, b].map((framework) => ({ framework, concept: concept.id, role: 'topics' })),
		asserted: [truthA, truthB]
	});
}

/** "the EAS's priority cooperation areas (a complete list)" */
function describeLists(ctx: GenerationContext, framework: string): string {
	return joinList(listsAbout(ctx, framework).map((list) => `${list.title} (a complete list)`));
}

function otherNamers(ctx: GenerationContext, concept: Concept, shown: string[]): string {
	const others = ctx.graph.namedBy(concept.id, 'topics').filter((id) => !shown.includes(id));
	return others.length === 0
		? ''
		: ` The source also names it for ${joinList(others.map((id) => ctx.labelOf(id)))}.`;
}

/** Questions name the G7 as the source describes it, with the display name after it. */
function promptName(ctx: GenerationContext, id: string): string {
	const framework = ctx.byId.get(id);
	if (!framework) return id;
	const label = frameworkLabel(framework);
	return label === framework.ref && !label.includes(framework.shortName)
		? `${label} (${framework.shortName})`
		: label;
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
function lookAlikeMatching(ctx: GenerationContext) {
	const done = new Set<string>();
	for (const concept of ctx.graph.concepts.values()) {
		if (done.has(concept.id) || !concept.confusable?.length) continue;
		const group = [concept.id, ...concept.confusable].filter((id) => !done.has(id));
		for (const id of group) done.add(id);
		const owners = group.map((id) => ctx.graph.namedBy(id, 'topics'));
		const terms = group.filter((_, i) => owners[i]!.length === 1);
		const frameworks = terms.map((id) => ctx.graph.namedBy(id, 'topics')[0]!);
		// Two look-alikes are a comparison already ("only the EAS"); a matching needs three.
		if (terms.length < 3 || new Set(frameworks).size !== terms.length) continue;
		const anchor = first(terms.flatMap((id, i) => anchorList(ctx, id, [frameworks[i]!]) ?? []));
		if (!anchor) continue;
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
}

/**
 * "In which framework do defense ministers meet?": the wrong choices are frameworks whose level
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
	ctx.add(entry, 'who.which', 'which-framework', {
		prompt: `According to the source, in which framework do ${who} meet?`,
		answer,
		choices: [answer, ...chosen.map((other) => other.framework.shortName)],
		explanation: `according to the source, ${who} meet in ${frameworkLabel(entry.framework)}; ${joinList(chosen.map((other) => `${other.fact.who} in ${frameworkLabel(other.framework)}`))}.`,
		also: chosen.map((other) => other.fact)
	});
}

/** Matches each framework whose level the source gives, unlike any other's, with who meets in it. */
function whoMeets(ctx: GenerationContext) {
	// A level two frameworks share would have two right partners: neither is matched.
	const count = new Map<string, number>();
	for (const { fact } of ctx.levels)
		if (fact.who) count.set(fact.who, (count.get(fact.who) ?? 0) + 1);
	const levels = ctx.levels
		.filter(({ fact }) => fact.who && count.get(fact.who) === 1)
		.slice(0, MATCHING_MAX);
	if (levels.length < 2) return;
	const answer = levels.map(({ fact }) => capitalize(fact.who!));
	ctx.add(first(levels)!, 'who-meets', 'matching', {
		prompt: 'Match each framework with who meets in it, according to the source.',
		items: levels.map(({ framework }) => framework.shortName),
		answer,
		choices: [...answer],
		explanation: `according to the source, ${joinList(levels.map(({ framework, fact }) => `${fact.who} meet in ${frameworkLabel(framework)}`))}.`,
		also: levels.map(({ fact }) => fact)
	});
}
