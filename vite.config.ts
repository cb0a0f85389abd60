import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { benchBank } from './bench/review/bank-plugin.js';
import { ankiDeck } from './questions/anki-plugin.js';
import { firstLoadChunks } from './scripts/first-load-chunks.mjs';

const chunks = firstLoadChunks();

// Unit tests run at UTC+14 unless TZ says otherwise (npm test also runs them in UTC under CI): a
// test that mixes UTC and local dates fails here rather than for a learner far from Greenwich.
if (process.env.VITEST) process.env.TZ ??= 'Pacific/Kiritimati';

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
