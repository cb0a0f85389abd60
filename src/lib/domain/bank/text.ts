/** Small pure text helpers for the question generator (no Node or browser APIs). */

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/**
 * cyrb53, fed in pieces: `update('ab').update('c')` gives the same digest as `update('abc')`, so
 * a long input (a whole bank) can be hashed without first being built as one string.
 */
export class Cyrb53 {
	#h1: number;
	#h2: number;

	constructor(seed = 0) {
		this.#h1 = 0xdeadbeef ^ seed;
		this.#h2 = 0x41c6ce57 ^ seed;
	}

	update(input: string): this {
		let h1 = this.#h1;
		let h2 = this.#h2;
		for (let i = 0; i < input.length; i++) {
			const ch = input.charCodeAt(i);
			h1 = Math.imul(h1 ^ ch, 2654435761);
			h2 = Math.imul(h2 ^ ch, 1597334677);
		}
		this.#h1 = h1;
		this.#h2 = h2;
		return this;
	}

	/** Feeds one number as if it were a single character: a length or a marker, no string built. */
	unit(code: number): this {
		this.#h1 = Math.imul(this.#h1 ^ code, 2654435761);
		this.#h2 = Math.imul(this.#h2 ^ code, 1597334677);
		return this;
	}

	/** A copy that goes on from here: strings sharing a prefix hash the prefix once. */
	copy(): Cyrb53 {
		const copy = new Cyrb53();
		copy.#h1 = this.#h1;
		copy.#h2 = this.#h2;
		return copy;
	}

	/** The 53-bit hash of everything passed to `update` so far. */
	digest(): number {
		let [h1, h2] = [this.#h1, this.#h2];
		h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
		h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
		return 4294967296 * (2097151 & h2) + (h1 >>> 0);
	}
}

/** cyrb53: a fast 53-bit string hash, the same in Node and the browser. */
export function hash(input: string, seed = 0): number {
	return new Cyrb53(seed).update(input).digest();
}

/** `hash(`${seed}|${key}`)` for many keys, with the seed hashed once. */
export function ranker(seed: string): (key: string) => number {
	const prefix = new Cyrb53().update(`${seed}|`);
	return (key) => prefix.copy().update(key).digest();
}

interface Ranked<T> {
	value: T;
	key: string;
	rank: number;
}

function ranked<T>(values: readonly T[], seed: string, key: (value: T) => string): Ranked<T>[] {
	const rank = ranker(seed);
	return values.map((value) => {
		const text = key(value);
		return { value, key: text, rank: rank(text) };
	});
}

/** The shuffle's order: by rank, then by key; equal ones keep their order. */
function byRank<T>(a: Ranked<T>, b: Ranked<T>): number {
	return a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Orders `values` by a hash of `seed` and each value: a stable shuffle, no randomness. */
export function shuffle<T>(values: readonly T[], seed: string, key: (value: T) => string): T[] {
	return ranked(values, seed, key)
		.sort(byRank)
		.map((entry) => entry.value);
}

/**
 * The first `count` of `shuffle(values, seed, key)`, without ordering what is not kept: with many
 * frameworks a question's few wrong choices come from a thousand candidates.
 */
export function pick<T>(
	values: readonly T[],
	count: number,
	seed: string,
	key: (value: T) => string
): T[] {
	if (count >= values.length) return shuffle(values, seed, key);
	const kept: Ranked<T>[] = [];
	for (const entry of ranked(values, seed, key)) {
		let at = kept.length;
		// After every entry it does not sort before, as the stable sort places it.
		while (at > 0 && byRank(entry, kept[at - 1]!) < 0) at -= 1;
		if (at >= count) continue;
		kept.splice(at, 0, entry);
		if (kept.length > count) kept.pop();
	}
	return kept.map((entry) => entry.value);
}

/** Letters and digits only, lower case: "Counter terrorism" and "counterterrorism" share a key. */
export function textKey(value: string): string {
	return value.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function slugify(value: string): string {
	return value
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

export function capitalize(value: string): string {
	return value.charAt(0).toUpperCase() + value.slice(1);
}

/**
 * "a", "a and b", "a, b and c"; with a serial comma when an item (of `like`, by default the items
 * themselves) has its own "and" ("disaster relief, and counter terrorism and transnational
 * crime"), as the source does.
 */
export function joinList(items: readonly string[], like: readonly string[] = items): string {
	if (items.length <= 1) return items.join('');
	// `like`: the list whose items decide the comma, so a gap does not change it (a giveaway).
	const serial = items.length > 2 && like.some((item) => / and /.test(item)) ? ',' : '';
	return `${items.slice(0, -1).join(', ')}${serial} and ${items[items.length - 1]}`;
}

/** "2014-03-25" → "March 25, 2014"; "2014-08" → "August 2014"; `month` drops the day. */
export function formatDate(date: string, precision: 'day' | 'month' = 'day'): string {
	const [year, month, day] = date.split('-');
	const name = MONTHS[Number(month) - 1] ?? month;
	return day && precision === 'day' ? `${name} ${Number(day)}, ${year}` : `${name} ${year}`;
}

export function datePrecision(date: string): 'day' | 'month' {
	return date.split('-').length === 3 ? 'day' : 'month';
}

export function ordinalDigits(n: number): string {
	const tens = n % 100;
	const suffixes: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };
	return `${n}${tens >= 11 && tens <= 13 ? 'th' : (suffixes[n % 10] ?? 'th')}`;
}

const flat = (value: string) => value.toLowerCase().replace(/[’‘]/g, "'");

/** A text's words as `mentions` compares them: lower case, apostrophes straightened. */
export function words(text: string): string[] {
	return flat(text)
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
}
/** The pattern of each phrase asked about: a bank asks about the same few hundred again and again. */
const phrasePatterns = new Map<string, RegExp>();

/** Whole-word, case-insensitive containment, with apostrophes and quotes straightened. */
export function mentions(text: string, phrase: string): boolean {
	return mentionedIn(text)(phrase);
}

/** `mentions` of one text, for many phrases: the text is flattened once. */
export function mentionedIn(text: string): (phrase: string) => boolean {
	const flatText = flat(text);
	return (phrase) => {
		let pattern = phrasePatterns.get(phrase);
		if (!pattern) {
			const escaped = flat(phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			pattern = new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`);
			phrasePatterns.set(phrase, pattern);
		}
		return pattern.test(flatText);
	};
}

/** Removes the `[` `]` that mark a statement's key phrase. */
export function plain(text: string): string {
	return text.replace(/[[\]]/g, '');
}

/** Other typed answers for a phrase: "X Dialogues (TSDs)" also accepts "TSDs" and "X Dialogues". */
export function alternatives(answer: string): string[] {
	const match = /^(.*\S)\s*\(([^()]+)\)$/.exec(answer);
	return match ? [match[1] ?? '', match[2] ?? ''] : [];
}
