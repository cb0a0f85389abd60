/**
 * Questions from labelled lists ("priority cooperation areas", "experts' working groups"…): a
 * recall card and a select-all-that-apply for the whole list, then per item a true/false, a cloze
 * and a which-framework. Wrong answers are items of lists with the same role in other frameworks,
 * never one that overlaps an item of the framework asked about. An item that several frameworks
 * share ("maritime security") becomes one "which frameworks …? select all" question.
 */
import type { ListFact } from './facts';
import {
	type Entry,
	type GenerationContext,
	frameworkRef,
	meetingName,
	pick,
	wantsTrue
} from './generate-context';
import { ItemIndex, type IndexedItem, pickWhere } from './item-index';
import { alternatives, capitalize, joinList, keysOverlap, slugify, textKey } from './text';

interface Phrasing {
	recall: string;
	multi: string;
	cloze: (items: string) => string;
	tf: (item: string) => string;
	which: (item: string) => string;
	shared: (item: string) => string;
	explainItem: (item: string) => string;
	explainList: string;
}

function phrasing(entry: Entry<ListFact>): Phrasing {
	const { label, items, role } = entry.fact;
	const all = joinList(items);
	if (entry.meeting) {
		const at = `at ${meetingName(entry.meeting)}`;
		return {
			recall: `What were the ${label} ${at}?`,
			multi: `Which of these does the source list among the ${label} ${at}? Select all that apply.`,
			cloze: (list) => `The ${label} ${at} were ${list}.`,
			tf: (item) => `True or false: the source lists ${item} among the ${label} ${at}.`,
			which: (item) => `At which framework's meeting did the ${label} include ${item}?`,
			shared: (item) => `Which frameworks take up ${item}? Select all that apply.`,
			explainItem: (item) => `the source lists ${item} among the ${label} ${at}.`,
			explainList: `the source lists ${all} as the ${label} ${at}.`
		};
	}
	const ref = frameworkRef(entry.framework);
	if (role === 'meetings') {
		const [does, hold] = ref.plural ? ['do', 'hold'] : ['does', 'holds'];
		return {
			recall: `What meetings ${does} ${ref.text} hold?`,
			multi: `Which of these meetings does the source say ${ref.text} ${hold}? Select all that apply.`,
			cloze: (list) => `${ref.text} ${hold} ${list}.`,
			tf: (item) => `True or false: the source says that ${ref.text} ${hold} ${item}.`,
			which: (item) => `Which framework holds ${item}?`,
			shared: (item) => `Which frameworks hold ${item}? Select all that apply.`,
			explainItem: (item) => `according to the source, ${ref.text} ${hold} ${item}.`,
			explainList: `according to the source, ${ref.text} ${hold} ${all}.`
		};
	}
	const of = `of ${ref.text}`;
	return {
		recall: `What are the ${label} ${of}?`,
		multi: `Which of these does the source list among the ${label} ${of}? Select all that apply.`,
		cloze: (list) => `The ${label} ${of} are ${list}.`,
		tf: (item) => `True or false: the source lists ${item} among the ${label} ${of}.`,
		which: (item) => `Which framework has ${item} among its ${label}?`,
		shared: (item) => `Which frameworks take up ${item}? Select all that apply.`,
		explainItem: (item) => `the source lists ${item} among the ${label} ${of}.`,
		explainList: `the source lists ${all} as the ${label} ${of}.`
	};
}

interface RoleIndex {
	index: ItemIndex;
	/** Frameworks with a list of this role, in order: the peers a which-framework may offer. */
	frameworks: string[];
	byFramework: Map<string, IndexedItem[]>;
	/**
	 * For each phrase (by key), the list that owns the "which frameworks …?" question about it:
	 * the smallest fact id, so the question's id does not depend on the order of the files.
	 */
	owner: Map<string, string>;
}

export function generateListQuestions(ctx: GenerationContext): void {
	const roles = new Map<string, RoleIndex>();
	for (const { framework, fact } of ctx.lists) {
		let role = roles.get(fact.role);
		if (!role) {
			role = { index: new ItemIndex(), frameworks: [], byFramework: new Map(), owner: new Map() };
			roles.set(fact.role, role);
		}
		let own = role.byFramework.get(framework.id);
		if (!own) {
			role.frameworks.push(framework.id);
			role.byFramework.set(framework.id, (own = []));
		}
		for (const item of fact.items) {
			const entry = role.index.add(framework.id, item);
			own.push(entry);
			const owner = role.owner.get(entry.key);
			if (owner === undefined || fact.id < owner) role.owner.set(entry.key, fact.id);
		}
	}
	for (const entry of ctx.lists) {
		const role = roles.get(entry.fact.role)!;
		if (entry.fact.role === 'frameworks') frameworkList(ctx, entry);
		else listQuestions(ctx, entry, role);
	}
}

function listQuestions(ctx: GenerationContext, entry: Entry<ListFact>, role: RoleIndex): void {
	const { fact, framework } = entry;
	const say = phrasing(entry);
	// Wrong answers: other frameworks' items that overlap nothing this framework lists.
	const ownItems = role.byFramework.get(framework.id) ?? [];
	const isWrong = (e: IndexedItem) =>
		e.frameworkId !== framework.id && !ownItems.some((own) => keysOverlap(own.key, e.key));
	const seen = new Set<string>();
	const distinctWrong = (e: IndexedItem) => {
		if (seen.has(e.key) || !isWrong(e)) return false;
		seen.add(e.key);
		return true;
	};

	ctx.add(entry, 'recall', 'recall', {
		prompt: say.recall,
		answer: capitalize(joinList(fact.items)),
		explanation: say.explainList
	});
	const wrong = pickWhere(role.index.entries, 3, `${fact.id}.multi`, distinctWrong);
	if (wrong.length > 0) {
		const answer = fact.items.map(capitalize);
		ctx.add(entry, 'multi', 'multi', {
			prompt: say.multi,
			answer,
			choices: [...answer, ...wrong.map((e) => capitalize(e.item))],
			explanation: say.explainList
		});
	}

	for (const [i, item] of fact.items.entries()) {
		const form = slugify(item);
		const tfId = `${fact.id}.${form}.truefalse`;
		const [swap] = wantsTrue(tfId) ? [] : pickWhere(role.index.entries, 1, tfId, isWrong);
		ctx.add(entry, `${form}.truefalse`, 'truefalse', {
			prompt: say.tf(swap ? swap.item : item),
			answer: swap ? 'False' : 'True',
			choices: ['True', 'False'],
			explanation: swap
				? `the source lists ${swap.item} for ${ctx.labelOf(swap.frameworkId)}, not ${ctx.labelOf(framework.id)}.`
				: say.explainItem(item)
		});
		const gapped = fact.items.map((other, j) => (j === i ? '____' : other));
		ctx.add(entry, `${form}.cloze`, 'cloze', {
			prompt: say.cloze(joinList(gapped)),
			answer: item,
			accept: alternatives(item),
			explanation: say.explainItem(item)
		});
		whichFramework(ctx, entry, role, item, say);
	}
}

function whichFramework(
	ctx: GenerationContext,
	entry: Entry<ListFact>,
	role: RoleIndex,
	item: string,
	say: Phrasing
): void {
	const ownId = entry.framework.id;
	const stating = role.index.frameworksContaining(item);
	const shared = stating.size > 1;
	// A shared phrase is asked once, by the list that owns it.
	if (shared && role.owner.get(textKey(item)) !== entry.fact.id) return;
	const touching = role.index.frameworksOverlapping(item);
	// A framework whose item only partly overlaps is neither right nor clearly wrong: not offered.
	const wrong = pickWhere(role.frameworks, 3, `${entry.fact.id}.${slugify(item)}.which`, (id) => {
		return !touching.has(id);
	});
	if (wrong.length === 0) return;
	const form = `${slugify(item)}.which`;
	if (!shared) {
		const answer = ctx.nameOf(ownId);
		ctx.add(entry, form, 'which-framework', {
			prompt: say.which(item),
			answer,
			choices: [answer, ...wrong.map((id) => ctx.nameOf(id))],
			explanation: say.explainItem(item)
		});
		return;
	}
	const ids = role.frameworks.filter((id) => stating.has(id));
	const answer = ids.map((id) => ctx.nameOf(id));
	ctx.add(entry, form, 'which-framework', {
		prompt: say.shared(item),
		answer,
		choices: [...answer, ...wrong.map((id) => ctx.nameOf(id))],
		explanation: `the source names ${item} for ${joinList(ids.map((id) => ctx.labelOf(id)))}.`
	});
}

function frameworkList(ctx: GenerationContext, entry: Entry<ListFact>): void {
	const { fact } = entry;
	const answer = fact.items.map((id) => ctx.nameOf(id));
	const label = `“${capitalize(fact.label)}”`;
	const labels = fact.items.map((id) => ctx.labelOf(id));
	const explanation = `the source groups ${joinList(labels)} under ${label}.`;
	ctx.add(entry, 'recall', 'recall', {
		prompt: `Which frameworks does the source group under ${label}?`,
		answer: joinList(answer),
		explanation
	});
	const others = ctx.facts.frameworks.filter(
		(f) => f.kind !== 'policy' && !fact.items.includes(f.id)
	);
	const wrong = pick(others, 3, `${fact.id}.multi`, (f) => f.id).map((f) => f.shortName);
	if (wrong.length === 0) return;
	ctx.add(entry, 'multi', 'multi', {
		prompt: `Which of these frameworks does the source group under ${label}? Select all that apply.`,
		answer,
		choices: [...answer, ...wrong],
		explanation
	});
}
