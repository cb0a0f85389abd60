import { expect, test } from './support/clock';
import { waitForServiceWorker } from './support/service-worker';

// Chromium's own verdict on whether the app can be installed to a home screen, and the manifest
// it parsed (name, icons, display), so a broken manifest or icon fails here.
test('Chromium finds the app installable', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	const cdp = await context.newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	// Playwright's contexts are incognito ones, where Chromium never installs anything.
	const errors = installabilityErrors.map((error) => error.errorId);
	expect(errors.filter((id) => id !== 'in-incognito')).toEqual([]);
	const manifest = await cdp.send('Page.getAppManifest');
	expect(manifest.errors).toEqual([]);
	expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
});
