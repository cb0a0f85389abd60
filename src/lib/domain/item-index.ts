/**
 * Finds list items that overlap a phrase ("counter terrorism" and "counter terrorism and
 * transnational crime") without comparing every pair: a trigram index keeps a bank of a thousand
 * frameworks fast to generate.
 */
import { hash, textKey } from './text';

export interface IndexedItem {
	key: string;
	frameworkId: string;
	item: string;
}

function trigrams(key: string): string[] {
	const out = new Set<string>();
	for (let i = 0; i + 3 <= key.length; i++) out.add(key.slice(i, i + 3));
	return [...out];
}

export class ItemIndex {
	readonly entries: IndexedItem[] = [];
	readonly #postings = new Map<string, number[]>();
	readonly #byKey = new Map<string, number[]>();
	readonly #lengths = new Set<number>();
	// Many items share a phrase ("summit meetings"): each phrase is looked up once.
	readonly #containing = new Map<string, Set<string>>();
	readonly #overlapping = new Map<string, Set<string>>();

	/** Frameworks with an item that contains `item`. */
	frameworksContaining(item: string): Set<string> {
		return memo(this.#containing, textKey(item), () => this.containing(item));
	}

	/** Frameworks with an item that contains `item` or is contained in it. */
	frameworksOverlapping(item: string): Set<string> {
		return memo(this.#overlapping, textKey(item), () => this.overlapping(item));
	}

	add(frameworkId: string, item: string): IndexedItem {
		const entry = { key: textKey(item), frameworkId, item };
		const index = this.entries.push(entry) - 1;
		push(this.#byKey, entry.key, index);
		this.#lengths.add(entry.key.length);
		for (const gram of trigrams(entry.key)) push(this.#postings, gram, index);
		return entry;
	}

	/** Entries whose phrase contains `item` (they state `item`, and maybe more). */
	containing(item: string): IndexedItem[] {
		const key = textKey(item);
		if (key.length < 3) return this.entries.filter((e) => e.key.includes(key));
		let best: number[] | undefined;
		for (const gram of trigrams(key)) {
			const list = this.#postings.get(gram) ?? [];
			if (!best || list.length < best.length) best = list;
		}
		return (best ?? []).map((i) => this.entries[i]!).filter((e) => e.key.includes(key));
	}

	/** Entries whose phrase contains `item` or is contained in it. */
	overlapping(item: string): IndexedItem[] {
		const key = textKey(item);
		const found = new Set<IndexedItem>(this.containing(item));
		// Phrases contained in this one are among its substrings of the lengths that occur.
		for (const length of this.#lengths) {
			for (let i = 0; i + length <= key.length; i++) {
				for (const j of this.#byKey.get(key.slice(i, i + length)) ?? []) {
					found.add(this.entries[j]!);
				}
			}
		}
		return [...found];
	}
}

function memo(cache: Map<string, Set<string>>, key: string, find: () => IndexedItem[]) {
	let found = cache.get(key);
	if (!found) cache.set(key, (found = new Set(find().map((e) => e.frameworkId))));
	return found;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * Up to `count` values that pass `accept`, visited in an order seeded by `seed`: stable without
 * shuffling the whole pool, which matters when the pool holds every item of every framework.
 */
export function pickWhere<T>(
	values: readonly T[],
	count: number,
	seed: string,
	accept: (value: T) => boolean
): T[] {
	const n = values.length;
	const out: T[] = [];
	if (n === 0 || count <= 0) return out;
	const start = hash(seed) % n;
	let stride = (hash(seed, 1) % n) + 1;
	while (gcd(stride, n) !== 1) stride += 1;
	for (let i = 0; i < n && out.length < count; i++) {
		const value = values[(start + i * stride) % n]!;
		if (accept(value)) out.push(value);
	}
	return out;
}

function gcd(a: number, b: number): number {
	return b === 0 ? a : gcd(b, a % b);
}
