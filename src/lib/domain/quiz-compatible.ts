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
 * Lower-case words, apostrophes straightened, as `mentions` compares: wherever it finds a form in
 * a text, the form's words follow one another among the text's. A tree of the forms' words then
 * finds the few (text, form) pairs worth asking `mentions` about, where trying every pair of a
 * bank of thousands would take seconds.
 */
const words = (text: string) =>
	text
		.toLowerCase()
		.replace(/[’‘]/g, "'")
		.split(/[^a-z0-9]+/)
		.filter(Boolean);

interface Form {
	id: string;
	text: string;
}

/** The forms whose words are the path to this node, and the nodes one word further. */
interface Node {
	forms: Form[];
	next: Map<string, Node>;
}

const node = (): Node => ({ forms: [], next: new Map() });

export class GiveAways {
	/** Question id → the passages its feedback quotes. */
	readonly #passages = new Map<string, string[]>();
	/** Question id → the ids of the questions it gives away or that give it away. */
	readonly #neighbours = new Map<string, Set<string>>();

	constructor(questions: readonly Question[], frameworks: readonly BankFramework[]) {
		const root = node();
		for (const q of questions) {
			this.#passages.set(
				q.id,
				passagesOf(q).map((ref) => ref.quote)
			);
			for (const text of tellingForms(q, frameworks)) {
				let at = root;
				for (const word of words(text)) {
					let next = at.next.get(word);
					if (!next) at.next.set(word, (next = node()));
					at = next;
				}
				if (at !== root) at.forms.push({ id: q.id, text });
			}
		}
		for (const a of questions) {
			const screen = screenText(a, frameworks);
			const seen = words(screen);
			const shows = mentionedIn(screen);
			const tried = new Set<Form>();
			for (let start = 0; start < seen.length; start += 1) {
				let at = root.next.get(seen[start]!);
				for (let k = start + 1; at; k += 1) {
					for (const form of at.forms) {
						if (form.id === a.id || tried.has(form)) continue;
						tried.add(form);
						if (shows(form.text)) this.#link(a.id, form.id);
					}
					at = k < seen.length ? at.next.get(seen[k]!) : undefined;
				}
			}
		}
	}

	#link(a: string, b: string) {
		if (!this.#neighbours.has(a)) this.#neighbours.set(a, new Set());
		if (!this.#neighbours.has(b)) this.#neighbours.set(b, new Set());
		this.#neighbours.get(a)!.add(b);
		this.#neighbours.get(b)!.add(a);
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
			if (ruledOut.has(q.id) || passages.some((quote) => quoted.has(quote))) continue;
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
