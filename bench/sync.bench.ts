/// <reference lib="dom" />
// Sync in Chromium against a production build and a real CouchDB-protocol server (pouchdb-server
// in memory): a device holding 10,000 review events turns sync on and uploads them to an empty
// database (timed until the server holds them all), then a fresh device turns sync on and pulls
// them (timed until its IndexedDB holds them all) and shows its first card on /review.
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
	createScheduler,
	DEFAULT_SCHEDULER_PARAMS,
	newCard
} from '../src/lib/domain/schedule/scheduler';
import { DEFAULT_SETTINGS } from '../src/lib/domain/records/settings';
import { startCouchServer } from '../tests/support/couch-server';
import type { Entry } from './review/data';
import { benchPort, buildApp, openApp } from './app';
import { SEED } from './review/page';
import { BLANK_PATH } from './review/server';

const CARDS = 1_000;
const LOGS_PER_CARD = 10;
const EVENTS = CARDS * LOGS_PER_CARD;
const DAY = 86_400_000;
const BUILD = resolve('bench/results/sync-build');

/**
 * 10,000 ratings of 1,000 cards made by the app's scheduler, all in the past (the server's
 * documents must pass the same checks as a backup's), stored as the app stores them.
 */
function seed(now: number): Entry[] {
	const scheduler = createScheduler(DEFAULT_SCHEDULER_PARAMS);
	const entries: Entry[] = [
		['meta', { schemaVersion: 2, createdAt: now - 400 * DAY }],
		['settings', { ...DEFAULT_SETTINGS }]
	];
	for (let i = 0; i < CARDS; i++) {
		const id = `bench.${i}.recall`;
		let at = now - 365 * DAY + i * 60_000;
		let card = newCard(id, at);
		for (let k = 0; k < LOGS_PER_CARD; k++) {
			const rated = scheduler.rate(card, k % 7 === 3 ? 'hard' : 'good', at, 5000);
			card = rated.card;
			entries.push([['log', at, `${i}-${k}`], rated.log]);
			// Reviewed when due, or after a month at most, so ten ratings stay within the year.
			at = Math.min(card.due, at + 30 * DAY);
		}
		entries.push([['card', id], card]);
	}
	return entries;
}

async function turnOnSync(page: Page, origin: string, url: string, name: string, password: string) {
	await page.goto(`${origin}/settings`);
	const section = page.getByRole('region', { name: 'Sync' });
	await section.getByLabel('Server URL').fill(url);
	await section.getByLabel('User name').fill(name);
	await section.getByLabel('Password').fill(password);
	const start = performance.now();
	await section.getByRole('button', { name: 'Turn on sync' }).click();
	return start;
}

async function until(check: () => Promise<boolean>, what: string) {
	const deadline = performance.now() + 120_000;
	while (performance.now() < deadline) {
		if (await check()) return performance.now();
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`${what} did not happen within 120 s`);
}

const COUNT_LOGS = `new Promise((resolve, reject) => {
	const open = indexedDB.open('kizuna');
	open.onerror = () => reject(open.error);
	open.onsuccess = () => {
		const db = open.result;
		if (!db.objectStoreNames.contains('kizuna')) return resolve(0);
		const request = db.transaction('kizuna').objectStore('kizuna').count(IDBKeyRange.bound(['log'], ['log', []]));
		request.onsuccess = () => { db.close(); resolve(request.result); };
		request.onerror = () => reject(request.error);
	};
})`;

console.log(`Building the app for the sync benchmark (${BUILD}) …`);
buildApp(BUILD);
const couch = await startCouchServer();
const { origin, browser, close } = await openApp(BUILD, benchPort(4501));
try {
	const url = await couch.createDatabase('kizuna-bench');
	const reviewDocs = async () => {
		const info = (await (await couch.request('/kizuna-bench')).json()) as { doc_count: number };
		if (info.doc_count < EVENTS) return info.doc_count;
		const range = encodeURI('start_key="review:"&end_key="review;"');
		const body = await (await couch.request(`/kizuna-bench/_all_docs?${range}`)).json();
		return (body as { rows: unknown[] }).rows.length;
	};

	const deviceA = await browser.newContext({ serviceWorkers: 'allow' });
	const a = await deviceA.newPage();

	await a.goto(origin + BLANK_PATH);
	const entries = seed(Date.now());
	for (let i = 0; i < entries.length; i += 5000)
		await a.evaluate(`(${SEED})(${JSON.stringify(entries.slice(i, i + 5000))})`);
	const upStart = await turnOnSync(a, origin, url, couch.admin.name, couch.admin.password);
	// The events and the settings document.
	// Until the server holds every event (the settings document follows once in step).
	const upEnd = await until(async () => (await reviewDocs()) >= EVENTS, 'the upload');

	const deviceB = await browser.newContext({ serviceWorkers: 'allow' });
	const b = await deviceB.newPage();

	const downStart = await turnOnSync(b, origin, url, couch.admin.name, couch.admin.password);
	const pulled = await until(
		async () => (await b.evaluate<number>(COUNT_LOGS)) >= EVENTS,
		'the pull'
	);
	await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
	await b.locator('#card-front').waitFor();
	const shown = performance.now();

	const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	console.log(`\nSync of ${EVENTS.toLocaleString('en')} review events (target: each under 10 s)`);
	console.log(`  upload from a device to an empty server:   ${s(upEnd - upStart)}`);
	console.log(`  fresh device, pull until all are stored:   ${s(pulled - downStart)}`);
	console.log(`  fresh device, pull and show its first card: ${s(shown - downStart)}`);
	// On a shared machine the figures grow with the load: they are read beside it.
	const [load] = loadavg();
	console.log(`  (load average ${load?.toFixed(1)} on ${cpus().length} CPUs during the run)`);
	await deviceA.close();
	await deviceB.close();
} finally {
	await close();
	await couch.close();
}
