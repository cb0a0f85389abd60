import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { benchBank } from './bench/review/bank-plugin.js';
import { ankiDeckPlugin } from './questions/anki-plugin';

export default defineConfig({
	plugins: [...benchBank(), sveltekit(), ankiDeckPlugin()],
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	test: {
		include: ['src/**/*.spec.ts', 'questions/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node',
		setupFiles: ['vitest.setup.ts'],
		expect: { requireAssertions: true }
	}
});
