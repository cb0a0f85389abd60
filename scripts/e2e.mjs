// Runs the Playwright suite against the production build with a provisioned Chromium.
import { spawnSync } from 'node:child_process';
import { provisionChromium } from './browser.mjs';

let executable;
try {
	executable = provisionChromium();
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, KIZUNA_CHROMIUM: executable }
});
process.exit(result.status ?? 1);
