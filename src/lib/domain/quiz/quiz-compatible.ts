/**
 * Which questions a quiz can ask together, and in which order: no question may show, before or
 * after it is answered, what answers a question asked after it (../bank/give-away.ts
 * `givesAway`). A question asked before is answered already (a quiz never goes back, and a
 * skipped question is not asked again), so a question showing another's answer is kept by
 * asking it after that other; two that give each other away (a passage both rest on, which each
 * feedback quotes) are never asked together. Worked out once per bank, so that picking a quiz is
 * one walk over each question's precomputed neighbours.
 */
import type { BankFramework, Question } from '../bank/bank';
import { passagesOf, screenText, tellingForms } from '../bank/give-away';
import { mentionedIn, words } from '../bank/text';

/** The bank a quiz is drawn from: its questions, and its frameworks for the headers they show. */
export interface QuizBank {
	questions: readonly Question[];
	frameworks: readonly BankFramework[];
}

// A tree of the words (`words`, as `mentions` compares them) of what answers each question finds
// the few (screen, text) pairs worth asking `mentions` about, where trying every pair of a bank
// of thousands would take seconds.

/** The questions a text answers: as an answer or accepted form, and as a passage they rest on. */
interface Answered {
	forms: string[];
	passages: string[];
}

/** The texts whose words are the path to this node, and the nodes one word further. */
interface Node {
	texts: Map<string, Answered>;
	next: Map<string, Node>;
}

const node = (): Node => ({ texts: new Map(), next: new Map() });

export class GiveAways {
	/** Question id → the passages it rests on, which its feedback quotes. */
	readonly #passages = new Map<string, Set<string>>();
	/** Question id → the ids of the questions whose answers it shows: they must be asked first. */
	readonly #shows = new Map<string, Set<string>>();
	/** Question id → the ids of the questions that show its answer: they must be asked after it. */
	readonly #shownBy = new Map<string, Set<string>>();

	constructor(questions: readonly Question[], frameworks: readonly BankFramework[]) {
		const root = node();
		const add = (text: string, id: string, as: keyof Answered) => {
			let at = root;
			for (const word of words(text)) {
				let next = at.next.get(word);
				if (!next) at.next.set(word, (next = node()));
				at = next;
			}
			if (at === root) return;
			const answered = at.texts.get(text) ?? { forms: [], passages: [] };
			answered[as].push(id);
			at.texts.set(text, answered);
		};
		for (const q of questions) {
			const passages = new Set(passagesOf(q).map((ref) => ref.quote));
			this.#passages.set(q.id, passages);
			for (const form of tellingForms(q, frameworks)) add(form, q.id, 'forms');
			for (const quote of passages) add(quote, q.id, 'passages');
		}
		for (const a of questions) {
			const screen = screenText(a, frameworks);
			const seen = words(screen);
			const shows = mentionedIn(screen);
			const own = this.#passages.get(a.id);
			for (let start = 0; start < seen.length; start += 1) {
				let at = root.next.get(seen[start]!);
				for (let k = start + 1; at; k += 1) {
					for (const [text, { forms, passages }] of at.texts) {
						if (!shows(text)) continue;
						// Questions resting on one passage: `compatible` keeps them apart without a
						// link, as dozens (or, in a large bank, thousands) of questions may share one.
						const answered = own?.has(text) ? forms : [...forms, ...passages];
						for (const b of answered)
							if (b !== a.id && !this.#sharePassage(a.id, b)) this.#link(a.id, b);
					}
					at = k < seen.length ? at.next.get(seen[k]!) : undefined;
				}
			}
		}
	}

	/**
	 * The ids of the questions whose answers question `id` shows, those resting on a passage it
	 * rests on aside (see `passages`).
	 */
	shows(id: string): ReadonlySet<string> {
		return this.#shows.get(id) ?? new Set();
	}

	/** The passages question `id` rests on, which its feedback quotes. */
	passages(id: string): ReadonlySet<string> {
		return this.#passages.get(id) ?? new Set();
	}

	/** Whether questions `a` and `b` rest on one passage. */
	#sharePassage(a: string, b: string): boolean {
		const theirs = this.#passages.get(b)!;
		for (const quote of this.#passages.get(a)!) if (theirs.has(quote)) return true;
		return false;
	}

	/** Question `a` shows what answers question `b`. */
	#link(a: string, b: string) {
		for (const [map, from, to] of [
			[this.#shows, a, b],
			[this.#shownBy, b, a]
		] as const) {
			const linked = map.get(from);
			if (linked) linked.add(to);
			else map.set(from, new Set([to]));
		}
	}

	/**
	 * The questions of `ordered` that can be asked together, in the order to ask them: walking
	 * `ordered`, each is kept when it shares no passage with one kept before and some order of
	 * those kept asks every question before any that shows its answer. They are then asked in the
	 * walk's order, each moved only as far as it must go to come before what shows its answer,
	 * so any first few of them can be asked alone too.
	 */
	compatible(ordered: readonly Question[]): Question[] {
		const kept: Question[] = [];
		const keptIds = new Set<string>();
		const quoted = new Set<string>();
		/** Kept question id → the kept ones that must be asked after it. */
		const later = new Map<string, Set<string>>();
		const keptOf = (ids: Set<string> | undefined) =>
			[...(ids ?? [])].filter((id) => keptIds.has(id));
		for (const q of ordered) {
			if (keptIds.has(q.id)) continue;
			const passages = this.#passages.get(q.id) ?? passagesOf(q).map((ref) => ref.quote);
			if ([...passages].some((quote) => quoted.has(quote))) continue;
			const first = keptOf(this.#shows.get(q.id));
			const after = keptOf(this.#shownBy.get(q.id));
			// q comes after each of `first` and before each of `after`: impossible when one of
			// `after` must already come before one of `first`.
			if (after.some((a) => first.some((b) => precedes(later, a, b)))) continue;
			kept.push(q);
			keptIds.add(q.id);
			for (const quote of passages) quoted.add(quote);
			later.set(q.id, new Set(after));
			for (const b of first) later.get(b)!.add(q.id);
		}
		return askingOrder(kept, later);
	}
}

/** Whether `from` is `to`, or must be asked before it through the links of `later`. */
function precedes(later: Map<string, Set<string>>, from: string, to: string): boolean {
	const seen = new Set<string>();
	const walk = [from];
	for (let id = walk.pop(); id !== undefined; id = walk.pop()) {
		if (id === to) return true;
		if (seen.has(id)) continue;
		seen.add(id);
		walk.push(...(later.get(id) ?? []));
	}
	return false;
}

/**
 * `kept` in an order that asks each question before those `later` says follow it: at each step
 * the first of `kept` that nothing still unasked must precede.
 */
function askingOrder(kept: readonly Question[], later: Map<string, Set<string>>): Question[] {
	const waiting = new Map(kept.map((q) => [q.id, 0]));
	for (const ids of later.values()) for (const id of ids) waiting.set(id, waiting.get(id)! + 1);
	const order: Question[] = [];
	const asked = new Set<string>();
	while (order.length < kept.length) {
		const q = kept.find((candidate) => !asked.has(candidate.id) && waiting.get(candidate.id) === 0);
		if (!q) throw new Error('Quiz questions that must each be asked before another');
		order.push(q);
		asked.add(q.id);
		for (const id of later.get(q.id) ?? []) waiting.set(id, waiting.get(id)! - 1);
	}
	return order;
}

const built = new WeakMap<readonly Question[], { bank: QuizBank; giveAways: GiveAways }>();

/** The give-aways of `bank`, worked out on its first quiz and kept while it is the same bank. */
export function giveAwaysOf(bank: QuizBank): GiveAways {
	const known = built.get(bank.questions);
	if (known && known.bank.frameworks === bank.frameworks) return known.giveAways;
	const giveAways = new GiveAways(bank.questions, bank.frameworks);
	built.set(bank.questions, { bank, giveAways });
	return giveAways;
}
