import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './support/clock';
import { unzipSync } from 'fflate';
import { waitForServiceWorker } from './support/service-worker';

/** Every URL path in the app's caches. */
function cachedPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const paths: string[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
		}
		return paths;
	});
}

test('Browse offers the Anki deck, fetched only when asked and never cached', async ({ page }) => {
	const deckRequests: string[] = [];
	page.on('request', (request) => {
		if (request.url().endsWith('.apkg')) deckRequests.push(request.url());
	});
	await page.goto('/browse');
	await waitForServiceWorker(page);
	const link = page.getByRole('link', { name: 'Download the Anki deck' });
	await expect(link).toBeVisible();

	// Installed: the pages are precached, the deck is not, and nothing asked for it.
	const installed = await cachedPaths(page);
	expect(installed).toContain('/browse');
	expect(installed.filter((path) => path.endsWith('.apkg'))).toEqual([]);
	expect(deckRequests).toEqual([]);

	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	expect(download.suggestedFilename()).toBe('kizuna.apkg');
	const bytes = await readFile(await download.path());
	expect(bytes.length).toBeGreaterThan(1000);
	// An Anki package: a zip holding the collection and the media map.
	expect(Object.keys(unzipSync(bytes)).sort()).toEqual(['collection.anki2', 'media']);

	expect((await cachedPaths(page)).filter((path) => path.endsWith('.apkg'))).toEqual([]);
});
