/**
 * Questions from statements: every statement gives a recall card (the key phrase asked with the
 * statement's question word) and a cloze. A statement whose subject is the framework itself
 * ("The ARF is …", "Japan, the United States and India build …") also gives which-framework,
 * true/false and single-choice questions, with other frameworks' statements as distractors.
 */
import type { StatementFact } from './facts';
import {
	type Entry,
	type GenerationContext,
	type Ref,
	datePhrase,
	frameworkRef,
	meetingName,
	wantsTrue
} from './generate-context';
import { ItemIndex, pickWhere } from './item-index';
import { alternatives, capitalize, keysOverlap, lowerFirst, plain, textKey } from './text';

const KEY = /\[([^\]]+)\]/;

interface Led {
	entry: Entry<StatementFact>;
	ref: Ref;
	/** The statement without its subject and final stop: "is a forum of …". */
	predicate: string;
	/** `textKey(predicate)`, compared against every peer's. */
	key: string;
}

function subjectLed(entry: Entry<StatementFact>): Led | undefined {
	if (entry.meeting) return undefined;
	const ref = frameworkRef(entry.framework);
	const subject = `${capitalize(ref.text)} `;
	const sentence = plain(entry.fact.text).replace(/\.$/, '');
	if (!sentence.startsWith(subject)) return undefined;
	const predicate = sentence.slice(subject.length);
	return { entry, ref, predicate, key: textKey(predicate) };
}

/** "At the … Meeting in Brisbane on November 16, 2014, " for statements made at a meeting. */
function lead(entry: Entry<StatementFact>, sentence: string): string {
	const meeting = entry.meeting;
	if (!meeting) return sentence;
	const place = meeting.place ? ` in ${meeting.place}` : '';
	return `At ${meetingName(meeting)}${place} ${datePhrase(meeting.date)}, ${lowerFirst(sentence)}`;
}

interface LedIndex {
	index: ItemIndex;
	all: Led[];
	frameworks: string[];
	byFramework: Map<string, Led[]>;
}

export function generateStatementQuestions(ctx: GenerationContext): void {
	const led = ctx.statements.map((entry) => ({ entry, led: subjectLed(entry) }));
	const indexes = new Map<boolean, LedIndex>();
	for (const { led: subject } of led) {
		if (!subject) continue;
		let group = indexes.get(subject.ref.plural);
		if (!group) {
			group = { index: new ItemIndex(), all: [], frameworks: [], byFramework: new Map() };
			indexes.set(subject.ref.plural, group);
		}
		const id = subject.entry.framework.id;
		group.index.add(id, subject.predicate);
		group.all.push(subject);
		const own = group.byFramework.get(id);
		if (own) own.push(subject);
		else {
			group.frameworks.push(id);
			group.byFramework.set(id, [subject]);
		}
	}
	for (const { entry, led: subject } of led) {
		const fact = entry.fact;
		const key = KEY.exec(fact.text)?.[1] ?? '';
		const stated = lead(entry, plain(fact.text));
		const explanation = `according to the source, ${lowerFirst(stated)}`;
		const asked = fact.text.replace(KEY, fact.ask).replace(/\.$/, '?');
		ctx.add(entry, 'recall', 'recall', {
			prompt: lead(entry, asked),
			answer: capitalize(key),
			explanation
		});
		ctx.add(entry, 'cloze', 'cloze', {
			prompt: lead(entry, fact.text.replace(KEY, '____')),
			answer: key,
			accept: [...(fact.accept ?? []), ...alternatives(key)],
			explanation
		});
		if (subject) subjectQuestions(ctx, subject, indexes.get(subject.ref.plural)!, explanation);
	}
}

function subjectQuestions(ctx: GenerationContext, led: Led, group: LedIndex, explanation: string) {
	const { entry, ref, predicate } = led;
	const ownId = entry.framework.id;
	const own = group.byFramework.get(ownId) ?? [];
	// A peer is another framework's statement that says nothing this framework also says.
	const isPeer = (x: Led) =>
		x.entry.framework.id !== ownId && !own.some((mine) => keysOverlap(mine.key, x.key));

	// Frameworks saying the same thing would also be right: they are left out of the choices.
	const sayers = new Set(group.index.overlapping(predicate).map((e) => e.frameworkId));
	const wrong = pickWhere(group.frameworks, 3, `${entry.fact.id}.which`, (id) => !sayers.has(id));
	if (wrong.length > 0) {
		const answer = ctx.nameOf(ownId);
		ctx.add(entry, 'which', 'which-framework', {
			prompt: ref.plural
				? `In which framework do the countries ${predicate}?`
				: `Which framework ${predicate}?`,
			answer,
			choices: [answer, ...wrong.map((id) => ctx.nameOf(id))],
			explanation
		});
	}

	const tfId = `${entry.fact.id}.truefalse`;
	const [swap] = wantsTrue(tfId) ? [] : pickWhere(group.all, 1, tfId, isPeer);
	ctx.add(entry, 'truefalse', 'truefalse', {
		prompt: `True or false: the source says that ${ref.text} ${swap ? swap.predicate : predicate}.`,
		answer: swap ? 'False' : 'True',
		choices: ['True', 'False'],
		explanation: swap
			? `the source says this of ${swap.ref.text}, not of ${ref.text}.`
			: explanation
	});

	const chosen: string[] = [];
	const taken = [led.key];
	pickWhere(group.all, 3, `${entry.fact.id}.single`, (x) => {
		if (!isPeer(x) || taken.some((key) => keysOverlap(key, x.key))) return false;
		chosen.push(x.predicate);
		taken.push(x.key);
		return true;
	});
	if (chosen.length >= 2) {
		ctx.add(entry, 'single', 'single', {
			prompt: `According to the source, which of these completes the sentence “${capitalize(ref.text)} …”?`,
			answer: predicate,
			choices: [predicate, ...chosen],
			explanation
		});
	}
}
