import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { benchBank } from './bench/review/bank-plugin.js';
import { ankiDeck } from './questions/anki-plugin.js';
import { firstLoadChunks } from './scripts/first-load-chunks.mjs';

const chunks = firstLoadChunks();

export default defineConfig({
	plugins: [...benchBank(), sveltekit(), ankiDeck(), chunks.plugin],
	// The optimizer's worker (src/lib/optimizer/worker.ts) is a module: fsrs-browser loads parts of
	// itself with import().
	worker: { format: 'es' },
	build: { rolldownOptions: { output: { codeSplitting: { groups: chunks.groups } } } },
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	test: {
		include: ['src/**/*.spec.ts', 'questions/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node',
		setupFiles: ['vitest.setup.ts'],
		expect: { requireAssertions: true },
		// Property tests run thousands of cases: on a busy 2-core machine one can pass 5 s.
		testTimeout: 20_000
	}
});
