/**
 * Questions from one labelled list. Every list gives a recall card and, per item, a cloze with
 * the other items shown. A complete list also gives what only a complete list can prove: per item
 * a true/false (the false side names a concept the list provably lacks), a select-all with some
 * of its items among provably wrong ones (look-alikes such as disaster relief beside disaster
 * reduction first) and an odd one out. An open list
 * ("including", "such as") never yields a wrong choice or a False: it proves no absence.
 */
import type { ListFact, ListItem } from '../domain/bank/facts';
import { type Entry, type GenerationContext } from './generate-context';
import type { Claim } from './truth';
import { alternatives, capitalize, joinList, pick, slugify } from '../domain/bank/text';

/** At most this share of a select-all's choices is right. */
export const MULTI_MAX_RIGHT = 0.6;

export function generateListQuestions(ctx: GenerationContext): void {
	for (const entry of ctx.lists) {
		if (entry.fact.role === 'frameworks') frameworkList(ctx, entry);
		else conceptList(ctx, entry);
	}
}

interface Wording {
	/** "are", "include", "were", "included" */
	verb: string;
	explainList: string;
	explainItem: (item: string) => string;
}

function wording(ctx: GenerationContext, entry: Entry<ListFact>): Wording {
	const { fact } = entry;
	const past = entry.meeting !== undefined;
	const verb = fact.complete ? (past ? 'were' : 'are') : past ? 'included' : 'include';
	const items = joinList(fact.items.map((item) => item.text));
	return {
		verb,
		explainList: fact.complete
			? `according to the source, ${fact.title} ${verb} ${items}.`
			: `according to the source, ${fact.title} ${verb} ${items}; the source gives them as examples, not a full list.`,
		explainItem: (item) => `the source lists ${item} among ${fact.title}.`
	};
}

function conceptList(ctx: GenerationContext, entry: Entry<ListFact>): void {
	const { fact } = entry;
	const say = wording(ctx, entry);
	const complete = fact.complete;
	ctx.add(entry, 'recall', 'recall', {
		prompt: complete ? `What are ${fact.title}?` : `What does the source list among ${fact.title}?`,
		answer: capitalize(joinList(fact.items.map((item) => item.text))),
		explanation: say.explainList
	});
	for (const [i, item] of fact.items.entries()) {
		const gapped = fact.items.map((other, j) => (j === i ? '____' : other.text));
		ctx.add(entry, `${slugify(item.text)}.cloze`, 'cloze', {
			prompt: `${fact.title} ${say.verb} ${joinList(
				gapped,
				fact.items.map((other) => other.text)
			)}.`,
			answer: item.text,
			accept: acceptedFor(ctx, item),
			explanation: say.explainItem(item.text)
		});
	}
	if (!complete) return;
	// Shuffled once per list: each question then takes what it needs from the front.
	const absent = pick(provablyAbsent(ctx, fact), Infinity, `${fact.id}.wrong`, (id) => id);
	const used = new Set<string>();
	for (const item of fact.items) trueFalse(ctx, entry, item, absent, used);
	selectAll(ctx, entry, absent, say.explainList);
	oddOneOut(ctx, entry, absent, say.explainList);
}

/** Typed forms a person may give for an item: its concepts' short forms, "X (Y)" split. */
function acceptedFor(ctx: GenerationContext, item: ListItem): string[] {
	const concepts = item.concepts.map((id) => ctx.graph.concepts.get(id));
	const accept = concepts.flatMap((concept) => concept?.accept ?? []);
	// A compound item ("counter terrorism and transnational crime") accepts each named concept.
	// and a single concept worded otherwise here ("counterterrorism") its usual name.
	if (concepts.length > 1 || concepts[0]?.name !== item.text) {
		accept.push(...concepts.map((concept) => concept?.name ?? ''));
	}
	return [...accept, ...alternatives(item.text)];
}

/**
 * Concepts the complete list provably lacks among those some list of its role names (a value is
 * no wrong answer for a working group), in the concepts file's order.
 */
function provablyAbsent(ctx: GenerationContext, list: ListFact): string[] {
	return ctx.graph.namedIn(list.role).filter((id) => ctx.graph.inList(list, id) === 'false');
}

/** The look-alikes `near` that are absent first, then the other absent concepts. */
function wrongFor(absent: string[], near: string[] = []) {
	const first = [...new Set(near)].filter((id) => absent.includes(id));
	return [...first, ...absent.filter((id) => !first.includes(id))];
}

function nearOf(ctx: GenerationContext, concept: string): string[] {
	return ctx.graph.concepts.get(concept)?.confusable ?? [];
}

function claim(entry: Entry<ListFact>, concept: string): Omit<Claim, 'asserted'> {
	return { framework: entry.framework.id, concept, role: entry.fact.role, list: entry.fact.id };
}

/** Where else the source names a concept, for the explanation of a false item. */
function namedElsewhere(ctx: GenerationContext, concept: string, role: ListFact['role']): string {
	const ids = ctx.graph.namedBy(concept, role);
	const name = ctx.conceptName(concept);
	return ids.length === 0
		? ''
		: ` The source names ${name} for ${joinList(ids.map((id) => ctx.labelOf(id)))}.`;
}

/** `used`: the concepts earlier items' false versions named, so no two read the same. */
function trueFalse(
	ctx: GenerationContext,
	entry: Entry<ListFact>,
	item: ListItem,
	absent: string[],
	used: Set<string>
) {
	const { fact } = entry;
	const form = slugify(item.text);
	const near = item.concepts.flatMap((id) => ctx.graph.concepts.get(id)?.confusable ?? []);
	const swap = wrongFor(absent, near).find((id) => !used.has(id));
	if (swap) used.add(swap);
	const statement = (text: string) => `True or false: ${text} is one of ${fact.title}.`;
	ctx.addTrueFalse(
		entry,
		form,
		{
			prompt: statement(item.text),
			answer: 'True',
			explanation: `true: the source lists ${item.text} among ${fact.title}.`,
			claims: item.concepts.map((id) => claim(entry, id)),
			asserted: item.concepts.map(() => true)
		},
		swap
			? {
					prompt: statement(ctx.conceptName(swap)),
					form: `not-${slugify(ctx.conceptName(swap))}`,
					answer: 'False',
					explanation: `false: ${fact.title} are ${joinList(fact.items.map((i) => i.text))}, a complete list.${namedElsewhere(ctx, swap, fact.role)}`,
					claims: [claim(entry, swap)],
					asserted: [false]
				}
			: undefined
	);
}

function selectAll(ctx: GenerationContext, entry: Entry<ListFact>, absent: string[], why: string) {
	const { fact } = entry;
	const seed = `${fact.id}.multi`;
	// Items with look-alikes come first, their look-alikes first among the wrong choices: telling
	// disaster reduction from disaster relief is the point of the question.
	const confusable = (item: ListItem) => item.concepts.some((id) => nearOf(ctx, id).length > 0);
	const right = [
		...fact.items.filter(confusable),
		...pick(
			fact.items.filter((item) => !confusable(item)),
			fact.items.length,
			seed,
			(i) => i.text
		)
	].slice(0, Math.min(3, fact.items.length));
	const near = right.flatMap((item) => item.concepts.flatMap((id) => nearOf(ctx, id)));
	const wrongCount = Math.ceil(right.length / MULTI_MAX_RIGHT) - right.length;
	const wrong = wrongFor(absent, near).slice(0, Math.max(wrongCount, right.length));
	if (right.length < 2 || wrong.length < wrongCount) return;
	const answer = right.map((item) => capitalize(item.text));
	ctx.add(entry, 'multi', 'multi', {
		prompt: `Which of these are among ${fact.title}?`,
		answer,
		choices: [...answer, ...wrong.map((id) => capitalize(ctx.conceptName(id)))],
		explanation: why,
		claims: [
			...right.flatMap((item) => item.concepts.map((id) => claim(entry, id))),
			...wrong.map((id) => claim(entry, id))
		],
		asserted: [...right.flatMap((item) => item.concepts.map(() => true)), ...wrong.map(() => false)]
	});
}

function oddOneOut(ctx: GenerationContext, entry: Entry<ListFact>, absent: string[], why: string) {
	const { fact } = entry;
	if (fact.items.length < 3) return;
	const seed = `${fact.id}.odd-one-out`;
	const right = pick(fact.items, 3, seed, (item) => item.text);
	// The odd one is as long as the others, so its form does not give it away.
	const words = (text: string) => text.split(/\s+/).length;
	const longest = Math.max(...right.map((item) => words(item.text)));
	const shortest = Math.min(...right.map((item) => words(item.text)));
	const article = (text: string) => /^(the|an?) /i.test(text);
	const articles = right.some((item) => article(item.text));
	// A look-alike of an item not among the choices is the best trap: "disaster relief" beside
	// energy and finance, for a learner who half remembers "disaster reduction".
	const hidden = fact.items.filter((item) => !right.includes(item));
	const odd = wrongFor(
		absent,
		hidden.flatMap((item) => item.concepts.flatMap((id) => nearOf(ctx, id)))
	).find((id) => {
		const name = ctx.conceptName(id);
		const size = words(name);
		return size <= 2 * longest && size * 2 >= shortest && (articles || !article(name));
	});
	if (!odd) return;
	const answer = capitalize(ctx.conceptName(odd));
	ctx.add(entry, 'odd-one-out', 'single', {
		prompt: `Which of these is not one of ${fact.title}?`,
		answer,
		choices: [answer, ...right.map((item) => capitalize(item.text))],
		explanation: `${why}${namedElsewhere(ctx, odd, fact.role)}`,
		claims: [
			...right.flatMap((item) => item.concepts.map((id) => claim(entry, id))),
			claim(entry, odd)
		],
		asserted: [...right.flatMap((item) => item.concepts.map(() => true)), false]
	});
}

function frameworkList(ctx: GenerationContext, entry: Entry<ListFact>): void {
	const { fact } = entry;
	const ids = fact.items.map((item) => item.text);
	const labels = joinList(ids.map((id) => ctx.labelOf(id)));
	const explanation = `the source describes ${labels} under “Multilateral frameworks”.`;
	ctx.add(entry, 'recall', 'recall', {
		prompt: `Which frameworks does the source describe under “Multilateral frameworks”?`,
		answer: capitalize(labels),
		explanation
	});
	const others = ctx.facts.frameworks.filter((f) => f.kind !== 'policy' && !ids.includes(f.id));
	const kinds = (list: typeof others) => new Set(list.map((f) => f.kind));
	const listed = ctx.facts.frameworks.filter((f) => ids.includes(f.id));
	// Wrong choices all of another kind than the right ones ("Japan-U.S.-ROK", a trilateral,
	// beside multilateral ones) are eliminated by their names, without the source.
	const told = [...kinds(others)].every((kind) => !kinds(listed).has(kind));
	const answer = ids.map((id) => ctx.nameOf(id));
	const wrong = others.map((f) => f.shortName);
	if (
		told ||
		wrong.length === 0 ||
		answer.length / (answer.length + wrong.length) > MULTI_MAX_RIGHT
	)
		return;
	ctx.add(entry, 'multi', 'multi', {
		prompt: `Which of these frameworks does the source describe under “Multilateral frameworks”?`,
		answer,
		choices: [...answer, ...wrong],
		explanation
	});
}
