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
	build: {
		// A page's own modules are preloaded by the HTML, and SvelteKit's navigation preloads each
		// page's: those lists stay. A lazy part's JS dependencies are not listed in the file that
		// imports it (its CSS still is, or it would show unstyled): each list is a row of file names
		// in every first load (about 0.6 KB gzipped on Today and the review), for parts loaded ahead
		// of use (the scheduler as an answer shows, the write path with it) or seldom (a banner, a
		// dialog), whose imports then come one step later: from the service worker's cache after
		// the first visit.
		modulePreload: {
			resolveDependencies: (_file, deps, { hostId }) =>
				/^_app\/immutable\/entry\/app\./.test(hostId)
					? deps
					: deps.filter((dep) => dep.endsWith('.css'))
		},
		rolldownOptions: { output: { codeSplitting: { groups: chunks.groups } } }
	},
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
