/**
 * Which questions a quiz can ask together: none may show, before or after it is answered, what
 * answers another (./question-display.ts `givesAway`, in either direction). Worked out once per
 * bank, so that picking a quiz is one walk over each question's precomputed neighbours.
 */
import type { BankFramework, Question } from './bank';
import { passagesOf, screenText, tellingForms } from './question-display';
import { mentionedIn } from './text';

/** The bank a quiz is drawn from: its questions, and its frameworks for the headers they show. */
export interface QuizBank {
	questions: readonly Question[];
	frameworks: readonly BankFramework[];
}

/**
 * Lower-case words, apostrophes straightened, as `mentions` compares: wherever it finds a text
 * in a screen, the text's words follow one another among the screen's. A tree of the words of
 * what answers each question then finds the few (screen, text) pairs worth asking `mentions`
 * about, where trying every pair of a bank of thousands would take seconds.
 */
const words = (text: string) =>
	text
		.toLowerCase()
		.replace(/[’‘]/g, "'")
		.split(/[^a-z0-9]+/)
		.filter(Boolean);

/** A question a text answers; `passage` when the text is a passage it rests on. */
interface Answered {
	id: string;
	passage: boolean;
}

/** The texts whose words are the path to this node, and the nodes one word further. */
interface Node {
	texts: Map<string, Answered[]>;
	next: Map<string, Node>;
}

const node = (): Node => ({ texts: new Map(), next: new Map() });

export class GiveAways {
	/** Question id → the passages it rests on, which its feedback quotes. */
	readonly #passages = new Map<string, Set<string>>();
	/** Question id → the ids of the questions it gives away or that give it away. */
	readonly #neighbours = new Map<string, Set<string>>();

	constructor(questions: readonly Question[], frameworks: readonly BankFramework[]) {
		const root = node();
		const add = (text: string, answered: Answered) => {
			let at = root;
			for (const word of words(text)) {
				let next = at.next.get(word);
				if (!next) at.next.set(word, (next = node()));
				at = next;
			}
			if (at !== root) at.texts.set(text, [...(at.texts.get(text) ?? []), answered]);
		};
		for (const q of questions) {
			const passages = new Set(passagesOf(q).map((ref) => ref.quote));
			this.#passages.set(q.id, passages);
			for (const form of tellingForms(q, frameworks)) add(form, { id: q.id, passage: false });
			for (const quote of passages) add(quote, { id: q.id, passage: true });
		}
		for (const a of questions) {
			const screen = screenText(a, frameworks);
			const seen = words(screen);
			const shows = mentionedIn(screen);
			const own = this.#passages.get(a.id);
			for (let start = 0; start < seen.length; start += 1) {
				let at = root.next.get(seen[start]!);
				for (let k = start + 1; at; k += 1) {
					for (const [text, answered] of at.texts) {
						if (!shows(text)) continue;
						for (const b of answered) {
							// A passage both rest on: `compatible` keeps them apart without a link, as
							// dozens of questions may share one.
							if (b.id !== a.id && !(b.passage && own?.has(text))) this.#link(a.id, b.id);
						}
					}
					at = k < seen.length ? at.next.get(seen[k]!) : undefined;
				}
			}
		}
	}

	#link(a: string, b: string) {
		for (const [from, to] of [
			[a, b],
			[b, a]
		] as const) {
			const linked = this.#neighbours.get(from);
			if (linked) linked.add(to);
			else this.#neighbours.set(from, new Set([to]));
		}
	}

	/**
	 * The questions of `ordered`, in that order, that can be asked together: each is kept when no
	 * question kept before it gives it away or is given away by it.
	 */
	compatible(ordered: readonly Question[]): Question[] {
		const kept: Question[] = [];
		const quoted = new Set<string>();
		const ruledOut = new Set<string>();
		for (const q of ordered) {
			const passages = this.#passages.get(q.id) ?? passagesOf(q).map((ref) => ref.quote);
			if (ruledOut.has(q.id) || [...passages].some((quote) => quoted.has(quote))) continue;
			kept.push(q);
			for (const quote of passages) quoted.add(quote);
			for (const id of this.#neighbours.get(q.id) ?? []) ruledOut.add(id);
		}
		return kept;
	}
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
