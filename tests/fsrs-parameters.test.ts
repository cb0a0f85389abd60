import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, START, test } from './support/clock';
import { writeFileSync } from 'node:fs';
import { buildBackup } from '../src/lib/domain/records/backup-export';
import { DEFAULT_SETTINGS } from '../src/lib/domain/records/settings';
import { reviewHistory, writeHistoryBackup } from './support/review-history';
import { waitForServiceWorker } from './support/service-worker';
import { readStored, storedRecords } from './support/stored';

// Fitting takes a few seconds of WebAssembly; on a loaded machine, several times that.
test.setTimeout(120_000);

const folder = mkdtempSync(join(tmpdir(), 'kizuna-fsrs-'));

async function importHistory(page: Page, reviews: number) {
	const path = join(folder, `history-${reviews}.json`);
	const written = writeHistoryBackup(path, reviews);
	await page.goto('/settings');
	await page.getByLabel('Import backup').setInputFiles(path);
	await page.getByRole('button', { name: 'Replace', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Backup restored' })).toBeVisible();
	return written;
}

/** The parameters in the stored settings, read straight from IndexedDB. */
async function storedParameters(page: Page): Promise<unknown> {
	return (await readStored(page)).settings?.fsrsParameters;
}

const section = (page: Page) =>
	page
		.getByRole('region', { name: 'FSRS parameters' })
		.or(page.locator('section', { has: page.getByRole('heading', { name: 'FSRS parameters' }) }));

test('optimize about 1,000 reviews, compare, use the parameters, and they are kept', async ({
	page
}) => {
	const written = await importHistory(page, 1000);
	const fsrs = section(page);
	await expect(fsrs.getByTestId('review-count')).toHaveText(String(written));
	await expect(fsrs.getByTestId('parameters-in-use')).toHaveText(
		'The default parameters are in use.'
	);
	const before = (await storedRecords(page, 'card')) as {
		id: string;
		stability: number;
		due: number;
	}[];

	await fsrs.getByRole('button', { name: 'Optimize' }).click();
	await expect(fsrs.getByRole('button', { name: 'Cancel' })).toBeVisible();
	await expect(fsrs.getByTestId('row-personal')).toBeVisible({ timeout: 90_000 });
	for (const row of ['row-default', 'row-personal']) {
		const cells = fsrs.getByTestId(row).getByRole('cell');
		await expect(cells).toHaveCount(2);
		for (const text of await cells.allTextContents()) expect(Number(text)).toBeGreaterThan(0);
	}
	const weights = await fsrs.getByTestId('weights').getByRole('listitem').allTextContents();
	expect(weights).toHaveLength(21);
	for (const item of weights) expect(item).toMatch(/^w\d+ -?\d+\.\d{4}$/);
	await expect(fsrs.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
	// The result, in both themes, passes axe like every page.
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	}

	await fsrs.getByRole('button', { name: 'Use these parameters' }).click();
	await expect(fsrs.getByRole('status')).toHaveText(/Your parameters are in use/);
	await page.reload();
	await expect(section(page).getByTestId('parameters-in-use')).toHaveText(
		'Your personal parameters are in use.'
	);
	expect(await storedParameters(page)).toHaveLength(21);
	// Every card was rebuilt under the new parameters; due dates stayed (Reschedule was off).
	const after = (await storedRecords(page, 'card')) as typeof before;
	const changed = after.filter((card) => {
		const old = before.find((b) => b.id === card.id);
		return old && Math.abs(old.stability - card.stability) > 1e-6 && old.due === card.due;
	});
	expect(changed.length).toBeGreaterThan(after.length / 2);

	// Back to defaults undoes it.
	await section(page).getByRole('button', { name: 'Back to defaults' }).click();
	await expect(section(page).getByTestId('parameters-in-use')).toHaveText(
		'The default parameters are in use.'
	);
});

test('Cancel stops the fit, and nothing changes', async ({ page }) => {
	await importHistory(page, 1000);
	const fsrs = section(page);
	await fsrs.getByRole('button', { name: 'Optimize' }).click();
	await fsrs.getByRole('button', { name: 'Cancel' }).click();
	await expect(fsrs.getByRole('status')).toHaveText(
		'Optimizing was cancelled. Nothing was changed.'
	);
	await expect(fsrs.getByTestId('row-personal')).toHaveCount(0);
	await expect(fsrs.getByRole('button', { name: 'Optimize' })).toBeEnabled();
});

test('under 400 reviews the button says why it is off', async ({ page }) => {
	await importHistory(page, 120);
	const fsrs = section(page);
	const button = fsrs.getByRole('button', { name: 'Optimize' });
	await expect(button).toBeDisabled();
	await expect(button).toHaveAccessibleDescription(
		'Optimize needs at least 400 reviews; you have 120. Keep reviewing and come back.'
	);
});

test('the optimizer is not precached, and works offline after one use', async ({
	page,
	context
}) => {
	const fetched: string[] = [];
	page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
	await page.goto('/');
	await waitForServiceWorker(page);
	const cached = await page.evaluate(async () => {
		const names = await caches.keys();
		const all = await Promise.all(
			names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url))
		);
		return all.flat();
	});
	expect(cached.filter((url) => url.includes('/workers/'))).toEqual([]);
	expect(fetched.filter((path) => path.includes('/workers/'))).toEqual([]);

	await importHistory(page, 1000);
	const fsrs = section(page);
	await fsrs.getByRole('button', { name: 'Optimize' }).click();
	await expect(fsrs.getByTestId('row-personal')).toBeVisible({ timeout: 90_000 });

	await context.setOffline(true);
	try {
		await page.reload();
		await section(page).getByRole('button', { name: 'Optimize' }).click();
		await expect(section(page).getByTestId('row-personal')).toBeVisible({ timeout: 90_000 });
	} finally {
		await context.setOffline(false);
	}
});

test('an exam date shows the predicted recall on Today and its outlook on Stats', async ({
	page
}) => {
	await importHistory(page, 1000);
	const exam = new Date(START.getTime() + 10 * 86_400_000);
	const day = `${exam.getFullYear()}-${String(exam.getMonth() + 1).padStart(2, '0')}-${String(exam.getDate()).padStart(2, '0')}`;
	await page.getByRole('textbox', { name: 'Exam date' }).fill(day);
	// Saved as it is picked: there is no Save button.
	await expect(
		page.getByRole('status').filter({ hasText: 'Saved: no card will be scheduled past' })
	).toBeVisible();

	await page.goto('/');
	const outlook = page.getByRole('region', { name: /^Exam in (9|10|11) days/ });
	await expect(outlook.getByTestId('exam-recall')).toHaveText(
		/^Predicted recall on exam day: \d{1,3}% of the \d+ cards you have studied/
	);
	await expect(outlook.getByTestId('exam-below')).toHaveText(
		/^\d+ cards? below your desired retention \(90%\) on exam day\.$/
	);

	// Stats: predicted recall from today to the exam day, as a chart and a table.
	await page.goto('/stats');
	const until = page.getByRole('region', { name: 'Until the exam' });
	// The chart is drawn once it is scrolled to, as a reader would.
	await until.scrollIntoViewIfNeeded();
	await expect(until.locator('canvas').first()).toBeVisible();
	await until.getByText('Show as table').click();
	const rows = until.getByRole('table').getByRole('row');
	await expect(rows).not.toHaveCount(0);
	const percents = (await until.getByRole('table').getByRole('cell').allTextContents()).map(
		(text) => Number(text.replace('%', ''))
	);
	expect(percents.length).toBeGreaterThanOrEqual(10);
	expect(percents.at(-1)).toBeLessThan(percents[0] as number);
});

test('a panic in the optimizer ends its worker and says so; the next Optimize works', async ({
	page
}) => {
	// The app's input builder never hands fsrs-rs a log it panics on (each item starts with its
	// first learning, ends on a later day, ratings 1–4), so this hands the real worker, once, the
	// log with every rating out of range (5), as a corrupted log would read. fsrs-rs panics on it
	// (dataset.rs), which WebAssembly reports as "RuntimeError: unreachable".
	await page.addInitScript(() => {
		const post = Worker.prototype.postMessage as (
			this: Worker,
			message: unknown,
			transfer: Transferable[]
		) => void;
		let corrupted = false;
		Worker.prototype.postMessage = function (
			this: Worker,
			message: unknown,
			transfer: Transferable[] = []
		) {
			if (
				corrupted ||
				typeof message !== 'object' ||
				message === null ||
				!('dayStartHour' in message)
			)
				return post.call(this, message, transfer);
			corrupted = true;
			const n = 1200;
			const day = 86_400_000;
			const columns = {
				cards: Uint32Array.from({ length: n }, (_, i) => i >> 1),
				ratings: new Uint8Array(n).fill(5),
				first: Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0)),
				times: Float64Array.from({ length: n }, (_, i) => Date.now() - 30 * day + (i % 2) * 3 * day)
			};
			return post.call(this, { ...message, columns }, []);
		} as Worker['postMessage'];
	});
	await importHistory(page, 1000);
	const fsrs = section(page);
	const started = page.waitForEvent('worker');
	await fsrs.getByRole('button', { name: 'Optimize' }).click();
	const worker = await started;
	const closed = new Promise<void>((resolve) => worker.on('close', () => resolve()));
	await expect(fsrs.getByRole('alert')).toHaveText(
		/^The optimizer crashed and was stopped \(RuntimeError: unreachable\)\. Nothing was changed/,
		{ timeout: 60_000 }
	);
	await closed;
	await expect(fsrs.getByTestId('row-personal')).toHaveCount(0);
	expect(await storedParameters(page)).toBeNull();

	// A fresh worker (a panicked WebAssembly instance is never reused) fits the real log.
	await fsrs.getByRole('button', { name: 'Optimize' }).click();
	await expect(fsrs.getByTestId('row-personal')).toBeVisible({ timeout: 90_000 });
	await expect(fsrs.getByRole('alert')).toHaveCount(0);
});

test('a log the optimizer cannot use says why: too few usable reviews, cards left out', async ({
	page
}) => {
	// A thousand ratings, but only six cards' logs start with their first learning (as when
	// older reviews were lost): the rest are dropped, and six cards are too few to fit to, so
	// fsrs-rs would hand back its defaults without a word.
	const now = START.getTime();
	const { cards, logs } = reviewHistory(1000, now);
	const kept = new Set(cards.slice(0, 6).map((card) => card.id));
	const firsts = new Set<string>();
	const cut = logs.filter((log) => {
		if (kept.has(log.card_id) || log.state !== 'new' || firsts.has(log.card_id)) return true;
		firsts.add(log.card_id);
		return false;
	});
	const path = join(folder, 'history-cut.json');
	const settings = { ...DEFAULT_SETTINGS };
	const backup = buildBackup({
		cards,
		logs: cut,
		quiz: [],
		settings,
		appVersion: '0.1.0',
		bankVersion: null,
		now
	});
	writeFileSync(path, JSON.stringify(backup));
	await page.goto('/settings');
	await page.getByLabel('Import backup').setInputFiles(path);
	await page.getByRole('button', { name: 'Replace', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Backup restored' })).toBeVisible();

	const fsrs = section(page);
	await fsrs.getByRole('button', { name: 'Optimize' }).click();
	await expect(fsrs.getByRole('alert')).toHaveText(
		new RegExp(
			`^Your review log is too small to fit parameters to yet \\(\\d+ usable reviews\\): the defaults stay\\. ${firsts.size} cards were left out because their log does not start with their first rating\\.$`
		),
		{ timeout: 60_000 }
	);
	await expect(fsrs.getByTestId('row-personal')).toHaveCount(0);
	await expect(fsrs.getByRole('button', { name: 'Use these parameters' })).toHaveCount(0);
});
