/// <reference lib="dom" />
// Settings → FSRS parameters in Chromium against a production build, with 10,000 and 100,000
// ratings in IndexedDB: the fit's time and the scoring's (log loss and RMSE for the defaults and
// the fit), both timed in the worker, and the page's longest task from the click on Optimize to
// the result (target: none over 50 ms, so the page stays responsive while it fits).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { benchPort, buildApp, chunks, openApp } from './app';
import { seedFor, type Entry } from './review/data';
import { SEED } from './review/page';
import { BLANK_PATH } from './review/server';

const SIZES = [
	{ cards: 1_000, logsPerCard: 10 },
	{ cards: 10_000, logsPerCard: 10 }
];
const OUT = resolve('bench/results');
const BUILD = `${OUT}/fsrs-build`;

/** Records every task over 50 ms on the page's main thread (the Long Tasks API's threshold). */
const OBSERVE = `(() => {
	window.__longTasks = [];
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
	}).observe({ type: 'longtask' });
})()`;

async function fit(page: Page, origin: string) {
	await page.goto(`${origin}/settings`);
	const optimize = page.getByRole('button', { name: 'Optimize' });
	await optimize.waitFor();
	await page.waitForFunction(
		() => !document.querySelector('[data-testid="review-count"]')?.textContent?.includes('…')
	);
	await page.evaluate(OBSERVE);
	const started = Date.now();
	await optimize.click();
	const table = page.locator('table[data-fit-ms]');
	await table.waitFor({ timeout: 600_000 });
	const wall = Date.now() - started;
	const fitMs = Number(await table.getAttribute('data-fit-ms'));
	const evaluateMs = Number(await table.getAttribute('data-evaluate-ms'));
	const longTasks = await page.evaluate<number[]>('window.__longTasks');
	return {
		fitMs,
		evaluateMs,
		wall,
		longest: Math.max(0, ...longTasks),
		longTasks: longTasks.length
	};
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

mkdirSync(OUT, { recursive: true });
console.log('Building…');
buildApp(BUILD);
const { origin, browser, close } = await openApp(BUILD, benchPort(4501));
try {
	for (const { cards, logsPerCard } of SIZES) {
		const ids = Array.from({ length: cards }, (_, i) => `bench.${i}.recall`);
		const seed = seedFor(ids, logsPerCard, Date.now());
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.goto(origin + BLANK_PATH);
		const batches: Entry[][] = [
			seed.rest,
			...chunks(seed.cards, 5_000),
			...chunks(seed.logs, 10_000)
		];
		for (const batch of batches) await page.evaluate(`(${SEED})(${JSON.stringify(batch)})`);
		const result = await fit(page, origin);
		console.log(
			`${seed.logs.length.toLocaleString('en')} reviews: fit ${ms(result.fitMs)}, evaluation ` +
				`${ms(result.evaluateMs)} (click to result ${ms(result.wall)}); longest main-thread task ` +
				`${result.longTasks === 0 ? 'none over 50 ms' : `${ms(result.longest)} (${result.longTasks} over 50 ms)`}`
		);
		await context.close();
	}
} finally {
	await close();
}
