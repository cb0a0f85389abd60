import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/clock';
import { waitForServiceWorker } from './support/service-worker';
import { buildVersion, VersionServer, type Version } from './support/versions';

// Two builds that differ only in their version, served one after the other on the same origin
// (its own port, so the suite's main server keeps serving the ordinary build).
const PORT = 4183;
let first: Version;
let second: Version;

test.beforeAll(() => {
	test.setTimeout(180_000);
	first = buildVersion('update-first');
	second = buildVersion('update-second');
});

test('a new version waits for Reload, then replaces the old one', async ({ page }) => {
	test.setTimeout(90_000);
	let server = await VersionServer.start(first, PORT);
	try {
		await page.goto(`${server.url}/review`);
		await waitForServiceWorker(page);
		expect(await cacheNames(page)).toEqual(['kizuna-update-first']);

		await server.stop();
		server = await VersionServer.start(second, PORT);
		// A marker that only survives as long as the page is not reloaded.
		await page.evaluate(() => Object.assign(window, { untouched: true }));
		await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

		const prompt = page.getByRole('status').filter({ hasText: 'A new version is available' });
		await expect(prompt).toBeVisible({ timeout: 20_000 });
		await expect(prompt.getByRole('button', { name: 'Reload' })).toBeVisible();
		expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

		// Left alone, the page stays as it is: same document, old version in control.
		await page.waitForTimeout(2_000);
		expect(await page.evaluate(() => 'untouched' in window)).toBe(true);
		expect(await cacheNames(page)).toContain('kizuna-update-first');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review');

		await prompt.getByRole('button', { name: 'Reload' }).click();
		await page.waitForFunction(() => !('untouched' in window), undefined, { timeout: 20_000 });
		await waitForServiceWorker(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review');
		await expect(prompt).toBeHidden();
		// The old version's cache is gone: only the new one serves from now on.
		await expect.poll(() => cacheNames(page)).toEqual(['kizuna-update-second']);
	} finally {
		await server.stop();
	}
});

function cacheNames(page: import('@playwright/test').Page): Promise<string[]> {
	return page.evaluate(() => caches.keys());
}
