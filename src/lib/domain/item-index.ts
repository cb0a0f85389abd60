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
	readonly #byFirst = new Map<string, number[]>();
	readonly #short: number[] = [];

	add(frameworkId: string, item: string): IndexedItem {
		const entry = { key: textKey(item), frameworkId, item };
		const index = this.entries.push(entry) - 1;
		if (entry.key.length < 3) {
			this.#short.push(index);
			return entry;
		}
		for (const gram of trigrams(entry.key)) push(this.#postings, gram, index);
		push(this.#byFirst, entry.key.slice(0, 3), index);
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
		for (const i of this.#short) {
			const entry = this.entries[i]!;
			if (key.includes(entry.key)) found.add(entry);
		}
		for (const gram of trigrams(key)) {
			for (const i of this.#byFirst.get(gram) ?? []) {
				const entry = this.entries[i]!;
				if (key.includes(entry.key)) found.add(entry);
			}
		}
		return [...found];
	}
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
