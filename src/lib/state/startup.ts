/**
 * One ordering at start-up. IndexedDB's open needs the main thread for a moment before the read
 * of the cards can start, and parsing a big bank's JSON holds the main thread for tens of
 * milliseconds: parsed first, it delays the read. So the bank is parsed once storage has been
 * asked for its data (or after a short wait, should storage be slow to answer), and the parse
 * overlaps the read instead of queueing before it.
 */
let release: () => void = () => undefined;
const asked = new Promise<void>((resolve) => (release = resolve));

/** Called by progress once the start-up read is under way (or storage failed). */
export function storageAsked(): void {
	release();
}

/** Resolves once storage has been asked for its data, or after `maxWaitMs`. */
export function afterStorageAsked(maxWaitMs = 100): Promise<void> {
	return Promise.race([asked, new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs))]);
}
