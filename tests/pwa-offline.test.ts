import { expect, test, type Page } from './support/clock';
import { routes } from './support/routes';
import { waitForServiceWorker } from './support/service-worker';

// One online visit, then no network at all: a phone on a train. Tests of offline study (a review,
// a quiz, what survives going back online) belong in this describe block and start offline.
test.describe('offline after one visit', () => {
	test.beforeEach(async ({ page, context }) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		await context.setOffline(true);
	});

	test.afterEach(async ({ context }) => {
		await context.setOffline(false);
	});

	test('the network really is gone', async ({ page }) => {
		// Without this, a test that passes offline might just have reached the server.
		const status = await page.evaluate(() =>
			fetch('/not-precached.txt').then(
				() => 'reached',
				() => 'failed'
			)
		);
		expect(status).toBe('failed');
	});

	for (const route of routes) {
		test(`${route.path} loads and reloads with its heading`, async ({ page }) => {
			await page.goto(route.path);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
			await page.reload();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
			await expectStyled(page);
		});
	}

	test('the navigation reaches every page without reloading', async ({ page }) => {
		const nav = page.getByRole('navigation', { name: 'Main' });
		for (const route of routes) {
			await nav.getByRole('link', { name: route.link, exact: true }).click();
			await expect(page).toHaveURL(route.path);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
		}
	});

	test('a URL the app does not have shows its 404 page, not Today', async ({ page }) => {
		await page.goto('/no-such-page');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByText('There is no page at /no-such-page in Kizuna.')).toBeVisible();
		await page.getByRole('link', { name: 'Go to Today' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
	});

	test("Browse's Anki deck link says it needs a connection", async ({ page }) => {
		await page.goto('/browse');
		// A click reaches no deck: it says why, no download starts, and the page stays.
		let downloads = 0;
		page.on('download', () => (downloads += 1));
		await page.getByRole('link', { name: 'Download the Anki deck' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'It needs a connection' })).toHaveText(
			'It needs a connection: you are offline.'
		);
		expect(downloads).toBe(0);
		await expect(page).toHaveURL('/browse');
	});

	test('a page never visited online still comes back after a restart', async ({
		page,
		context
	}) => {
		await page.close();
		const fresh = await context.newPage();
		await fresh.goto('/stats');
		await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Stats');
	});

	test('a review and a quiz work offline, and nothing is lost back online', async ({
		page,
		context
	}) => {
		await page.goto('/review');
		await page.reload();
		for (let i = 0; i < 2; i += 1) {
			await page.getByRole('button', { name: 'Show answer' }).click();
			await page.getByRole('button', { name: 'Easy', exact: true }).click();
			await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
		}
		await page.goto('/quiz?framework=arf&n=10&kind=truefalse');
		const region = page.getByRole('region', { name: /^Question 1 of \d+$/ });
		await region.getByText('True', { exact: true }).click();
		await region.getByRole('button', { name: 'Check' }).click();
		await expect(region.getByRole('status')).toBeVisible();

		await context.setOffline(false);
		await page.goto('/');
		await expect(page.getByText('Reviewed today').locator('xpath=../dd')).toHaveText('2');
	});
});

/** The page got its CSS from the cache too, not only its HTML. */
async function expectStyled(page: Page) {
	const paddingTop = await page
		.locator('main')
		.evaluate((main) => getComputedStyle(main).paddingTop);
	expect(paddingTop).not.toBe('0px');
}

test.describe('served from the cache', () => {
	// Read from the browser's resource timings, which the fixed clock's `performance` leaves empty.
	test.use({ fixedClock: false });

	test('after one visit, scripts and static files come straight from the cache, not through the worker', async ({
		page
	}) => {
		// Static routing: the browser reads them from the cache itself instead of starting the
		// worker's JavaScript once per file, which shortened a repeat visit's script load by ~20 ms.
		await page.goto('/review');
		await waitForServiceWorker(page);
		await page.reload();
		await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
		const sources = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((entry) => ({
					path: new URL(entry.name).pathname,
					source: (entry as PerformanceResourceTiming & { workerFinalSourceType?: string })
						.workerFinalSourceType
				}))
				.filter(({ path }) => path.startsWith('/_app/immutable/'))
		);
		expect(sources.filter(({ path }) => path.endsWith('.js')).length).toBeGreaterThan(3);
		expect(sources.filter(({ source }) => source !== 'cache')).toEqual([]);
	});
});
