// Vite plugin: the client build emits the Anki deck of questions/bank.json as kizuna.apkg, so it
// lands in the build output (and in `vite preview`) beside the app; the service worker leaves it
// out of its precache, so only Browse's link fetches it. The deck is made by
// questions/anki-deck.ts, loaded through Vite's module runner only when the build gets here: the
// config itself stays free of SQLite and of the domain code it imports.

/** @returns {import('vite').Plugin} */
export function ankiDeck() {
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
			const { runnerImport } = await import('vite');
			/** @type {{ module: typeof import('./anki-deck') }} */
			const { module } = await runnerImport('/questions/anki-deck.ts', {
				configFile: false,
				logLevel: 'error'
			});
			const { fileName, source } = await module.deckAsset();
			this.emitFile({ type: 'asset', fileName, source });
		}
	};
}
