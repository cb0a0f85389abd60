// What the browser benchmarks set up alike: their own production build of the app (apart from the
// tests' build/), served on 127.0.0.1 by ./review/server, and Chromium launched as the tests
// launch it.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import config from '../playwright.config';
import { provisionChromium } from '../scripts/browser.mjs';
import { serve } from './review/server';

/** KIZUNA_BENCH_PORT, or the benchmark's own port (two benchmarks may run side by side). */
export function benchPort(fallback: number): number {
	return Number(process.env.KIZUNA_BENCH_PORT || fallback);
}

/** Builds the app into `dir`, with `env` added (KIZUNA_BANK: another question bank). */
export function buildApp(dir: string, env: Record<string, string> = {}) {
	rmSync(dir, { recursive: true, force: true });
	// The bundler reads tsconfig.json, which extends the one `svelte-kit sync` writes.
	if (!existsSync('.svelte-kit/tsconfig.json')) spawnSync('npx', ['svelte-kit', 'sync']);
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		encoding: 'utf8',
		env: { ...process.env, ...env, KIZUNA_BUILD_DIR: dir }
	});
	if (result.status !== 0) {
		console.error(result.stdout, result.stderr);
		throw new Error(`the benchmark build failed (${result.status})`);
	}
}

export interface BenchApp {
	/** Where the build is served, e.g. http://127.0.0.1:4501. */
	origin: string;
	browser: Browser;
	/** Closes the browser and stops serving. */
	close(): Promise<void>;
}

/** Serves the build in `dir` on `port` and launches Chromium. */
export async function openApp(dir: string, port: number): Promise<BenchApp> {
	const server = await serve(dir, port);
	try {
		const browser = await chromium.launch({
			executablePath: provisionChromium(),
			args: config.use?.launchOptions?.args ?? []
		});
		return {
			origin: `http://127.0.0.1:${port}`,
			browser,
			async close() {
				await browser.close();
				server.close();
			}
		};
	} catch (error) {
		server.close();
		throw error;
	}
}

/** `items` in slices of `size`: one page.evaluate per slice keeps each message small. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
	return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
		items.slice(i * size, (i + 1) * size)
	);
}
