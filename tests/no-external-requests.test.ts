import { expect, test } from './support/clock';
import { routes } from './support/routes';
import { waitForServiceWorker } from './support/service-worker';

// "No request to any other origin, ever": every request of every route is recorded, the service
// worker's precaching included, and each must stay on the app's own origin.
for (const route of routes) {
	test(`${route.path} requests nothing from any other origin`, async ({
		page,
		context,
		baseURL
	}) => {
		const requested: string[] = [];
		context.on('request', (request) => requested.push(request.url()));
		await page.goto(route.path);
		await waitForServiceWorker(page);
		await page.waitForLoadState('networkidle');
		// The navigation through the menu loads the other pages' code as well.
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link').last().click();
		await page.waitForLoadState('networkidle');

		const origin = new URL(baseURL ?? '').origin;
		expect(requested.length).toBeGreaterThan(1);
		expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
	});
}
