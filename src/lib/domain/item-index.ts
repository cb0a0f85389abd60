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

export class ItemIndex {
	readonly entries: IndexedItem[] = [];
	/** Entries by each trigram of their key, each entry listed once per trigram. */
	readonly #postings = new Map<string, number[]>();
	readonly #byKey = new Map<string, number[]>();
	/**
	 * The key lengths that occur after each three-letter prefix: a phrase's substrings are looked
	 * up only at lengths some key starting there has, not at every length in the index.
	 */
	readonly #lengthsByPrefix = new Map<string, number[]>();
	/** Entries with keys under three letters, which no prefix covers. */
	readonly #short: number[] = [];
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
		const key = entry.key;
		push(this.#byKey, key, index);
		if (key.length < 3) this.#short.push(index);
		else {
			const lengths = this.#lengthsByPrefix.get(key.slice(0, 3));
			if (!lengths) this.#lengthsByPrefix.set(key.slice(0, 3), [key.length]);
			else if (!lengths.includes(key.length)) lengths.push(key.length);
		}
		for (let i = 0; i + 3 <= key.length; i++) {
			const gram = key.slice(i, i + 3);
			const list = this.#postings.get(gram);
			// A key repeating a trigram would list the entry twice, right after itself.
			if (!list) this.#postings.set(gram, [index]);
			else if (list[list.length - 1] !== index) list.push(index);
		}
		return entry;
	}

	/** Entries whose phrase contains `item` (they state `item`, and maybe more). */
	containing(item: string): IndexedItem[] {
		const key = textKey(item);
		if (key.length < 3) return this.entries.filter((e) => e.key.includes(key));
		// Every entry containing the key holds each of its trigrams: scan the rarest one's list.
		let best: number[] = [];
		for (let i = 0; i + 3 <= key.length; i++) {
			const list = this.#postings.get(key.slice(i, i + 3)) ?? [];
			if (i === 0 || list.length < best.length) best = list;
			if (best.length === 0) return [];
		}
		return best.map((i) => this.entries[i]!).filter((e) => e.key.includes(key));
	}

	/** Entries whose phrase contains `item` or is contained in it. */
	overlapping(item: string): IndexedItem[] {
		const key = textKey(item);
		const found = new Set<IndexedItem>(this.containing(item));
		const add = (indexes: readonly number[] | undefined) => {
			for (const j of indexes ?? []) found.add(this.entries[j]!);
		};
		// Phrases contained in this one are among its substrings.
		for (const j of this.#short)
			if (key.includes(this.entries[j]!.key)) found.add(this.entries[j]!);
		for (let i = 0; i + 3 <= key.length; i++) {
			for (const length of this.#lengthsByPrefix.get(key.slice(i, i + 3)) ?? []) {
				if (i + length <= key.length) add(this.#byKey.get(key.slice(i, i + length)));
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
