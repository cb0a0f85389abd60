/**
 * Vite plugin: the client build emits the Anki deck of questions/bank.json as `kizuna.apkg`, so
 * it lands in the build output (and in `vite preview`) beside the app. The service worker leaves
 * it out of its precache: only Browse's link fetches it.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import type { Bank } from '../src/lib/domain/bank';

export const DECK_FILE = 'kizuna.apkg';

/** SOURCE_DATE_EPOCH (seconds), when set, stands in for now: a build reproduced byte for byte. */
function buildTime(): number {
	const epoch = process.env.SOURCE_DATE_EPOCH;
	return epoch ? Number(epoch) * 1000 : Date.now();
}

export function ankiDeckPlugin(bankFile = 'questions/bank.json'): Plugin {
	// SvelteKit runs a server build, then a client build with this same config: emit once, there.
	let client = false;
	return {
		name: 'kizuna-anki-deck',
		apply: 'build',
		configResolved(config) {
			client = !config.build.ssr;
		},
		async generateBundle() {
			if (!client) return;
			// Loaded only here, so `vite dev` and Vitest never start SQLite.
			const { ankiDeck } = await import('./anki-deck');
			const bank = JSON.parse(readFileSync(bankFile, 'utf8')) as Bank;
			const source = await ankiDeck(bank, { modified: buildTime() });
			this.emitFile({ type: 'asset', fileName: DECK_FILE, source });
		}
	};
}
