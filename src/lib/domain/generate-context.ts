/**
 * What every question form needs: the facts indexed by shape (so distractors can be drawn from
 * sibling facts of other frameworks), the phrases that name a framework or meeting in a sentence,
 * and one place that assembles questions with stable ids and a fixed key order.
 */
import type { Question, QuestionKind } from './bank';
import type { Facts, FrameworkFacts, ListFact, MeetingFact, StatementFact } from './facts';
import {
	capitalize,
	datePrecision,
	formatDate,
	hash,
	joinList,
	ordinalWord,
	shuffle
} from './text';

export interface Entry<T> {
	framework: FrameworkFacts;
	fact: T;
	meeting?: MeetingFact;
}

/** How a sentence names a framework: its members ("Japan, the United States and India") or "the EAS". */
export interface Ref {
	text: string;
	plural: boolean;
}

export function frameworkRef(framework: FrameworkFacts): Ref {
	return framework.members && framework.kind !== 'policy'
		? { text: joinList(framework.members), plural: true }
		: { text: `the ${framework.shortName}`, plural: false };
}

/** How an explanation names a framework: "Japan-U.S.-India", "the EAS". */
export function frameworkLabel(framework: FrameworkFacts): string {
	return framework.kind === 'trilateral' ? framework.shortName : `the ${framework.shortName}`;
}

/** "the sixth meeting of …", "the 21st ARF Ministerial Meeting". */
export function meetingName(meeting: MeetingFact): string {
	const first = /^\S+/.exec(meeting.name)?.[0] ?? '';
	const isOrdinal =
		meeting.ordinal !== undefined && first.toLowerCase() === ordinalWord(meeting.ordinal);
	return `the ${isOrdinal ? first.toLowerCase() + meeting.name.slice(first.length) : meeting.name}`;
}

export function datePhrase(date: string): string {
	return datePrecision(date) === 'day' ? `on ${formatDate(date)}` : `in ${formatDate(date)}`;
}

export class GenerationContext {
	readonly questions: Question[] = [];
	readonly statements: Entry<StatementFact>[] = [];
	readonly lists: Entry<ListFact>[] = [];
	readonly meetings: Entry<MeetingFact>[] = [];
	readonly byId = new Map<string, FrameworkFacts>();
	/** Each fact's place in the source order: frameworks in order, then fields as in the file. */
	readonly order = new Map<string, number>();

	constructor(readonly facts: Facts) {
		const note = (id: string) => this.order.set(id, this.order.size);
		for (const framework of facts.frameworks) {
			this.byId.set(framework.id, framework);
			const own = [
				...(framework.purposes ?? []),
				...(framework.activities ?? []),
				...(framework.statements ?? [])
			];
			for (const fact of own) {
				note(fact.id);
				this.statements.push({ framework, fact });
			}
			for (const fact of framework.lists ?? []) {
				note(fact.id);
				this.lists.push({ framework, fact });
			}
			for (const meeting of framework.meetings ?? []) {
				note(meeting.id);
				this.meetings.push({ framework, fact: meeting });
				for (const fact of meeting.statements ?? []) {
					note(fact.id);
					this.statements.push({ framework, fact, meeting });
				}
				for (const fact of meeting.lists ?? []) {
					note(fact.id);
					this.lists.push({ framework, fact, meeting });
				}
			}
		}
	}

	nameOf(frameworkId: string): string {
		return this.byId.get(frameworkId)?.shortName ?? frameworkId;
	}

	labelOf(frameworkId: string): string {
		const framework = this.byId.get(frameworkId);
		return framework ? frameworkLabel(framework) : frameworkId;
	}

	/**
	 * Adds a question; its id is the fact id plus the form, so it survives unrelated edits.
	 * Choices are put in a stable, id-seeded order so the answer is not always first.
	 */
	add(
		entry: Entry<unknown> & { fact: { id: string; section: string } },
		form: string,
		kind: QuestionKind,
		body: {
			prompt: string;
			answer: string | string[];
			choices?: string[];
			items?: string[];
			accept?: string[];
			explanation: string;
		}
	): void {
		const id = `${entry.fact.id}.${form}`;
		const accept = [...new Set(body.accept ?? [])].filter((alt) => alt && alt !== body.answer);
		const question: Question = {
			id,
			framework: entry.framework.id,
			fact: entry.fact.id,
			kind,
			prompt: capitalize(body.prompt),
			...(body.items ? { items: body.items } : {}),
			...(body.choices
				? {
						choices:
							kind === 'truefalse' ? body.choices : shuffle(body.choices, id, (choice) => choice)
					}
				: {}),
			answer: body.answer,
			...(accept.length > 0 ? { accept } : {}),
			explanation: capitalize(body.explanation),
			source: { section: entry.fact.section }
		};
		this.questions.push(question);
	}
}

/** True or false is decided by the question id, so the bank mixes both without randomness. */
export function wantsTrue(id: string): boolean {
	return hash(id) % 2 === 0;
}

/** Picks up to `count` values in an order seeded by `seed` (stable, not random). */
export function pick<T>(values: readonly T[], count: number, seed: string, key: (v: T) => string) {
	return shuffle(values, seed, key).slice(0, count);
}
