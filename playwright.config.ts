import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/browser.mjs';

// scripts/e2e.mjs resolves the browser and passes it here; running Playwright directly falls back
// to Debian's Chromium.
const executablePath = process.env.KIZUNA_CHROMIUM || '/usr/bin/chromium';
// Another port lets two checkouts run their browser tests side by side.
const port = Number(process.env.KIZUNA_E2E_PORT || 4173);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.test.ts',
	outputDir: 'test-results/artifacts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		serviceWorkers: 'allow',
		trace: 'off',
		launchOptions: {
			executablePath,
			args: CHROMIUM_ARGS
		}
	},
	webServer: {
		command: `npm run build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
		url: `http://127.0.0.1:${port}`,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000,
		stdout: 'ignore'
	}
});
