// `npm run audit`: Lighthouse (its default mobile settings: a mid-range phone, slow 4G) on the
// production build, every prerendered route, the median of 3 runs, and the JS each route loads on
// a first visit, gzipped. Exits 1 when a target is missed, so CI can run it too.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, provisionChromium } from './browser.mjs';

const BUILD = 'build';
const PORT = Number(process.env.KIZUNA_AUDIT_PORT || 4191);
const ORIGIN = `http://127.0.0.1:${PORT}`;
// On this local server a page's scripts often finish downloading before its first paint; the
// simulation then counts them toward FCP and LCP (about 1.2 and 1.7 s, against 0.8 and 1.0 when
// the paint comes first), so a route's score can move between 99 and 100 from run to run.
const RUNS = Number(process.env.AUDIT_RUNS ?? 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const TARGET_SCORE = 100;
// A SvelteKit hello world loads about 29 KB. Today shows progress only (no ts-fsrs, no valibot,
// no import, repair or write code, no sync); the review adds its page and the rating state, its
// scheduler (ts-fsrs) loading only when the first answer is shown. How the files are cut:
// scripts/first-load-chunks.mjs.
const JS_BUDGET_KB = { '/': 45, '/review': 50 };
// The flags of every other run, with Chrome's new headless mode.
const CHROME_FLAGS = CHROMIUM_ARGS.map((flag) => (flag === '--headless' ? '--headless=new' : flag));

/**
 * Every prerendered page of the build, as the route a visitor asks for.
 * @param {string} dir
 */
function routesOf(dir) {
	return (
		readdirSync(dir, { recursive: true, encoding: 'utf8' })
			// 404.html is the page for URLs the app does not have (svelte.config.js), not a route.
			.filter((file) => file.endsWith('.html') && file !== '404.html')
			.map(
				(file) =>
					`/${file
						.replace(/\\/g, '/')
						.replace(/(^|\/)?index\.html$/, '')
						.replace(/\.html$/, '')}`
			)
			.sort()
	);
}

async function startPreview() {
	const child = spawn(
		process.execPath,
		['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'],
		{ stdio: 'ignore' }
	);
	for (let attempt = 0; attempt < 100 && child.exitCode === null; attempt += 1) {
		if (
			await fetch(ORIGIN).then(
				(r) => r.ok,
				() => false
			)
		)
			return child;
		await sleep(100);
	}
	child.kill();
	throw new Error(`vite preview did not answer on ${ORIGIN}`);
}

/**
 * Gzipped size of the scripts the page itself fetched (not the service worker's precaching).
 * @param {any} lhr Lighthouse's result
 */
function firstLoadJsGzip(lhr) {
	const requests = lhr.audits['network-requests'].details.items;
	const scripts = requests.filter(
		(/** @type {any} */ request) =>
			request.resourceType === 'Script' &&
			request.sessionTargetType === 'page' &&
			request.url.startsWith(ORIGIN)
	);
	const bytes = scripts.reduce((/** @type {number} */ sum, /** @type {any} */ request) => {
		const file = join(BUILD, decodeURIComponent(new URL(request.url).pathname));
		return sum + gzipSync(readFileSync(file)).length;
	}, 0);
	return { kb: bytes / 1024, files: scripts.length };
}

const median = (/** @type {number[]} */ values) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * @param {number} port Chrome's debugging port
 * @param {string} route
 */
async function auditRoute(port, route) {
	/** @type {any[]} */
	const runs = [];
	for (let run = 0; run < RUNS; run += 1) {
		const result = await lighthouse(`${ORIGIN}${route}`, {
			port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: CATEGORIES
		});
		if (!result) throw new Error(`Lighthouse returned nothing for ${route}`);
		const { lhr } = result;
		if (lhr.runtimeError) throw new Error(`${route}: ${lhr.runtimeError.message}`);
		runs.push(lhr);
	}
	const scores = Object.fromEntries(
		CATEGORIES.map((id) => [
			id,
			median(runs.map((lhr) => Math.round(lhr.categories[id].score * 100)))
		])
	);
	const failing = [
		...new Set(
			runs.flatMap((lhr) =>
				Object.values(lhr.audits)
					.filter(
						(audit) => audit.scoreDisplayMode === 'binary' || audit.scoreDisplayMode === 'numeric'
					)
					.filter((audit) => audit.score !== null && audit.score < 0.9)
					.map((audit) => audit.id)
			)
		)
	];
	const js = firstLoadJsGzip(runs[0]);
	// Every run's performance score beside the median: a route's score moves from run to run.
	const perfRuns = runs.map((lhr) => Math.round(lhr.categories.performance.score * 100));
	return { route, ...scores, perfRuns, jsKb: js.kb, jsFiles: js.files, failing };
}

/** @param {string} route */
const budgetOf = (route) => /** @type {Record<string, number>} */ (JS_BUDGET_KB)[route];

/** @param {any[]} rows */
function printTable(rows) {
	const header = [
		'route',
		'perf (each run)',
		'a11y',
		'best practices',
		'SEO',
		'first-load JS (gzip)',
		'JS budget'
	];
	const cells = rows.map((row) => [
		row.route,
		`${row.performance} (${row.perfRuns.join(' ')})`,
		String(row.accessibility),
		String(row['best-practices']),
		String(row.seo),
		`${row.jsKb.toFixed(1)} KB in ${row.jsFiles} files`,
		budgetOf(row.route) === undefined ? '' : `≤ ${budgetOf(row.route)} KB`
	]);
	const widths = header.map((title, i) =>
		Math.max(title.length, ...cells.map((cell) => cell[i].length))
	);
	const line = (/** @type {string[]} */ cols) =>
		`| ${cols.map((col, i) => col.padEnd(widths[i] ?? 0)).join(' | ')} |`;
	console.log(line(header));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const row of cells) console.log(line(row));
}

/** @param {any[]} rows */
function missedTargets(rows) {
	const missed = [];
	for (const row of rows) {
		for (const id of CATEGORIES) {
			if (row[id] < TARGET_SCORE) missed.push(`${row.route} ${id} ${row[id]} < ${TARGET_SCORE}`);
		}
		const budget = budgetOf(row.route);
		if (budget !== undefined && row.jsKb > budget) {
			missed.push(`${row.route} first-load JS ${row.jsKb.toFixed(1)} KB > ${budget} KB`);
		}
		if (row.failing.length > 0)
			console.log(`${row.route}: audits below 0.9 in some run: ${row.failing.join(', ')}`);
	}
	return missed;
}

if (!process.argv.includes('--no-build')) {
	const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (build.status !== 0) process.exit(build.status ?? 1);
}
const routes = routesOf(BUILD);
console.log(`Lighthouse ${RUNS}× per route (mobile), ${routes.length} routes: ${routes.join(' ')}`);
const preview = await startPreview();
const chrome = await launch({ chromePath: provisionChromium(), chromeFlags: CHROME_FLAGS });
let missed;
try {
	const rows = [];
	for (const route of routes) rows.push(await auditRoute(chrome.port, route));
	printTable(rows);
	missed = missedTargets(rows);
} finally {
	chrome.kill();
	preview.kill();
}
console.log(missed.length === 0 ? 'All targets met.' : `Targets missed:\n  ${missed.join('\n  ')}`);
process.exit(missed.length === 0 ? 0 : 1);
