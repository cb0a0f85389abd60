/**
 * What every question form needs: the facts indexed by shape, the truth check over them, how a
 * sentence names a framework, and one place that assembles questions with stable ids, the source
 * passages they rest on and the claims their keys make (for the property tests).
 */
import type { Question, QuestionKind, SourceRef } from '../domain/bank/bank';
import type {
	AcronymFact,
	FactBase,
	Facts,
	FrameworkFacts,
	LevelFact,
	ListFact,
	MeetingFact,
	StatementFact
} from '../domain/bank/facts';
import { type Claim, FactGraph } from './truth';
import { capitalize, hash, shuffle } from '../domain/bank/text';

export interface Entry<T> {
	framework: FrameworkFacts;
	fact: T;
	meeting?: MeetingFact;
}

/** How an explanation or a choice names a framework: "Japan-U.S.-India", "the EAS". */
export function frameworkLabel(framework: FrameworkFacts): string {
	return framework.kind === 'trilateral' ? framework.shortName : framework.ref;
}

/** The source passage of one fact, as a question cites it. */
export function sourceOf(fact: FactBase): SourceRef {
	return { section: fact.section, ...(fact.part ? { part: fact.part } : {}), quote: fact.quote };
}

/** What a question form writes; `add` derives the rest (id, framework, fact, source). */
export interface QuestionBody extends Pick<
	Question,
	'prompt' | 'answer' | 'choices' | 'items' | 'accept' | 'identity' | 'explanation'
> {
	/** Facts besides the entry's that the question rests on. */
	also?: FactBase[];
	claims?: Omit<Claim, 'asserted'>[];
	/** For each of `claims`, what the key says (true for a right choice). */
	asserted?: boolean[];
}

/** The false version of a true/false question, with its own form (see `addTrueFalse`). */
export interface Falsehood extends QuestionBody {
	form: string;
}

const TF = ['True', 'False'];

export class GenerationContext {
	readonly questions: Question[] = [];
	/** Question id → the claims its key rests on. */
	readonly claims = new Map<string, Claim[]>();
	readonly graph: FactGraph;
	readonly statements: Entry<StatementFact>[] = [];
	readonly lists: Entry<ListFact>[] = [];
	readonly meetings: Entry<MeetingFact>[] = [];
	readonly levels: Entry<LevelFact>[] = [];
	readonly acronyms: Entry<AcronymFact>[] = [];
	readonly byId = new Map<string, FrameworkFacts>();
	/** True/false questions wait here until `settleTrueFalse` gives each its side. */
	readonly #trueFalse: {
		entry: Entry<FactBase>;
		form: string;
		truth: QuestionBody;
		falsehood?: Falsehood;
		onlyFalse: boolean;
	}[] = [];
	/** Each fact's place in the source order: frameworks in order, then fields as in the file. */
	readonly order = new Map<string, number>();

	constructor(readonly facts: Facts) {
		this.graph = new FactGraph(facts);
		/** Files each fact in `into`, noting its place in the source order. */
		const file = <T extends FactBase>(
			into: Entry<T>[],
			facts: readonly T[] | undefined,
			framework: FrameworkFacts,
			meeting?: MeetingFact
		) => {
			for (const fact of facts ?? []) {
				this.order.set(fact.id, this.order.size);
				into.push(meeting ? { framework, fact, meeting } : { framework, fact });
			}
		};
		for (const framework of facts.frameworks) {
			this.byId.set(framework.id, framework);
			file(this.acronyms, framework.acronyms, framework);
			file(this.levels, framework.levels, framework);
			file(this.statements, framework.statements, framework);
			file(this.lists, framework.lists, framework);
			for (const meeting of framework.meetings ?? []) {
				file(this.meetings, [meeting], framework);
				file(this.statements, meeting.statements, framework, meeting);
				file(this.lists, meeting.lists, framework, meeting);
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

	conceptName(id: string): string {
		return this.graph.concepts.get(id)?.name ?? id;
	}

	// One citation object per fact, shared by every question citing it: a date question cites every
	// other meeting, so with many frameworks a bank holds hundreds of thousands of citations.
	#sources = new Map<FactBase, SourceRef>();
	#sourceOf(fact: FactBase): SourceRef {
		let source = this.#sources.get(fact);
		if (!source) this.#sources.set(fact, (source = sourceOf(fact)));
		return source;
	}

	/**
	 * Adds a question; its id is the fact id plus the form, so it survives unrelated edits.
	 * Choices are put in a stable, id-seeded order so the answer is not always first.
	 */
	add(entry: Entry<FactBase>, form: string, kind: QuestionKind, body: QuestionBody): void {
		const id = `${entry.fact.id}.${form}`;
		const accept = [...new Set(body.accept ?? [])].filter((alt) => alt && alt !== body.answer);
		const also = (body.also ?? [])
			.filter((fact) => fact.id !== entry.fact.id)
			.map((fact) => this.#sourceOf(fact));
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
			...(body.identity ? { identity: true as const } : {}),
			explanation: capitalize(body.explanation),
			source: this.#sourceOf(entry.fact),
			...(also.length > 0 ? { alsoSources: also } : {})
		};
		this.questions.push(question);
		if (body.claims) {
			this.claims.set(
				id,
				body.claims.map((claim, i) => ({ ...claim, asserted: body.asserted?.[i] ?? true }))
			);
		}
	}

	/**
	 * A true/false question that can be asked either way: `falsehood` is the false version (absent
	 * when nothing is provably false there). Sides are given once all are known, so the bank holds
	 * as many True as False keys (within one), each side decided by a stable hash of the id. The
	 * false version has its own form, naming what it wrongly states (`not-<item>`): an id never
	 * changes what its question states, so quiz history stays with the statement it was given for.
	 * `onlyFalse`: the true version would repeat a cloze word for word ("… was held in Brisbane"),
	 * so only the false one is asked, or nothing when there is none.
	 */
	addTrueFalse(
		entry: Entry<FactBase>,
		form: string,
		truth: QuestionBody,
		falsehood?: Falsehood,
		onlyFalse = false
	) {
		if (onlyFalse && !falsehood) return;
		this.#trueFalse.push({ entry, form, truth, ...(falsehood ? { falsehood } : {}), onlyFalse });
	}

	settleTrueFalse(): void {
		const all = this.#trueFalse.splice(0);
		const forced = all.filter((tf) => !tf.falsehood).length;
		const trueWanted = Math.max(forced, Math.floor(all.length / 2));
		const free = all
			.filter((tf) => tf.falsehood && !tf.onlyFalse)
			.map((tf) => ({ tf, rank: hash(`${tf.entry.fact.id}.${tf.form}.truefalse`) }))
			.sort((a, b) => a.rank - b.rank);
		const asTrue = new Set(free.slice(0, trueWanted - forced).map((entry) => entry.tf));
		for (const tf of all) {
			if (!tf.falsehood || asTrue.has(tf)) {
				this.add(tf.entry, `${tf.form}.truefalse`, 'truefalse', { ...tf.truth, choices: TF });
			} else {
				const { form, ...body } = tf.falsehood;
				this.add(tf.entry, `${form}.truefalse`, 'truefalse', { ...body, choices: TF });
			}
		}
	}
}

/**
 * Of several entries, the one with the smallest fact id: what a question drawing on several facts
 * hangs on, so its id does not depend on the order of the files.
 */
export function first<T extends { fact: { id: string } }>(entries: readonly T[]): T | undefined {
	return entries.reduce<T | undefined>(
		(min, entry) => (!min || entry.fact.id < min.fact.id ? entry : min),
		undefined
	);
}
