import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from './support/clock';
import { writeHistoryBackup } from './support/review-history';
import { expect, go, test } from './support/sync-devices';
import { readStored } from './support/stored';

// Fitting takes a few seconds of WebAssembly, and a thousand ratings travel to the other device.
test.setTimeout(180_000);

const section = (page: Page) =>
	page.locator('section', { has: page.getByRole('heading', { name: 'FSRS parameters' }) });

interface MemoryCard {
	id: string;
	stability: number;
	difficulty: number;
}

/** Each card's memory state by id, rounded past float noise. */
function memory(cards: readonly Record<string, unknown>[]): Record<string, string> {
	const byId: Record<string, string> = {};
	for (const card of cards as unknown as MemoryCard[])
		byId[card.id] = `${card.stability.toFixed(6)} ${card.difficulty.toFixed(6)}`;
	return byId;
}

test('personal parameters used on A reach B, which rebuilds its cards; a backup holds them', async ({
	synced: [a, b]
}) => {
	const path = join(mkdtempSync(join(tmpdir(), 'kizuna-fsrs-sync-')), 'history.json');
	const reviews = writeHistoryBackup(path, 1000);
	await a.page.getByLabel('Import backup').setInputFiles(path);
	await a.page.getByRole('button', { name: 'Replace', exact: true }).click();
	await expect(a.page.getByRole('status').filter({ hasText: 'Backup restored' })).toBeVisible();
	await expect
		.poll(async () => (await readStored(b.page)).logs.length, { timeout: 60_000 })
		.toBe(reviews);
	const defaultsOnB = memory((await readStored(b.page)).cards);

	const fsrs = section(a.page);
	await fsrs.getByRole('button', { name: 'Optimize' }).click();
	await expect(fsrs.getByTestId('row-personal')).toBeVisible({ timeout: 90_000 });
	await fsrs.getByRole('button', { name: 'Use these parameters' }).click();
	await expect(fsrs.getByRole('status')).toHaveText(/Your parameters are in use/);
	const onA = await readStored(a.page);
	const fitted = onA.settings?.fsrsParameters as number[];
	expect(fitted).toHaveLength(21);

	// B gets the parameters as it gets any setting, and shows them in use.
	await expect
		.poll(async () => (await readStored(b.page)).settings?.fsrsParameters, { timeout: 30_000 })
		.toEqual(fitted);
	await go(b.page, 'Today');
	await go(b.page, 'Settings');
	await expect(section(b.page).getByTestId('parameters-in-use')).toHaveText(
		'Your personal parameters are in use.'
	);
	// B's cards were rebuilt under them too: the same memory as A's, not the defaults' any more.
	const onB = memory((await readStored(b.page)).cards);
	expect(onB).toEqual(memory(onA.cards));
	expect(onB).not.toEqual(defaultsOnB);

	// A backup exported on B carries them, and one taken on A as well.
	for (const device of [a, b]) {
		const downloading = device.page.waitForEvent('download');
		await device.page.getByRole('button', { name: 'Export backup' }).click();
		const file = await (await downloading).path();
		const backup = JSON.parse(readFileSync(file, 'utf8')) as {
			settings: { fsrsParameters: number[] };
		};
		expect(backup.settings.fsrsParameters).toEqual(fitted);
	}
});
