import { expect, newContext, test } from './support/clock';
import { routes } from './support/routes';
import { waitForServiceWorker } from './support/service-worker';

function directive(policy: string, name: string): string[] {
	const found = policy
		.split(';')
		.map((part) => part.trim().split(/\s+/))
		.find(([key]) => key === name);
	return found?.slice(1) ?? [];
}

for (const route of routes) {
	test(`${route.path} is served with a strict Content-Security-Policy`, async ({ request }) => {
		const html = await (await request.get(route.path)).text();
		const policy = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1];
		expect(policy, 'no CSP meta tag').toBeDefined();
		const scripts = directive(policy ?? '', 'script-src');
		expect(scripts).toContain("'self'");
		expect(scripts.some((source) => source.startsWith("'sha256-"))).toBe(true);
		expect(scripts).not.toContain("'unsafe-inline'");
		expect(scripts).not.toContain("'unsafe-eval'");
		expect(directive(policy ?? '', 'default-src')).toEqual(["'self'"]);
		expect(directive(policy ?? '', 'object-src')).toEqual(["'none'"]);
	});

	test(`${route.path} runs without any CSP violation`, async ({ page }) => {
		await page.addInitScript(() => {
			const seen: string[] = [];
			Object.assign(window, { cspViolations: seen });
			document.addEventListener('securitypolicyviolation', (event) =>
				seen.push(`${event.violatedDirective} ${event.blockedURI}`)
			);
		});
		const consoleErrors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') consoleErrors.push(message.text());
		});
		await page.goto(route.path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// Hydrated: the app's script ran (an inline script blocked by the CSP would stop this).
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().click();
		const violations = await page.evaluate(
			() => (window as { cspViolations?: string[] }).cspViolations
		);
		expect(violations).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	test(`${route.path} has a title and its own meta description`, async ({ page }) => {
		await page.goto(route.path);
		await expect(page).toHaveTitle(new RegExp(`^${route.heading} · Kizuna$`));
		const descriptions = page.locator('meta[name="description"]');
		await expect(descriptions).toHaveCount(1);
		const content = (await descriptions.getAttribute('content')) ?? '';
		expect(content.length).toBeGreaterThan(20);
	});
}

test('HTML reaches the page only through the policies Svelte and SvelteKit create', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const attempts = await page.evaluate(() => {
		const attempt = (write: () => void) => {
			try {
				write();
				return 'allowed';
			} catch (error) {
				return error instanceof Error ? error.name : String(error);
			}
		};
		const box = document.createElement('div');
		const types = (
			window as { trustedTypes?: { createPolicy: (name: string, rules: object) => unknown } }
		).trustedTypes;
		return {
			innerHTML: attempt(() => (box.innerHTML = '<img src="x">')),
			script: attempt(() => (document.createElement('script').text = 'window.hacked = 1')),
			newPolicy: attempt(() => types?.createPolicy('mine', { createHTML: (s: string) => s })),
			svelteAgain: attempt(() =>
				types?.createPolicy('svelte-trusted-html', { createHTML: (s: string) => s })
			)
		};
	});
	expect(attempts).toEqual({
		innerHTML: 'TypeError',
		script: 'TypeError',
		newPolicy: 'TypeError',
		svelteAgain: 'TypeError'
	});
});

test('robots.txt allows crawling', async ({ request }) => {
	const response = await request.get('/robots.txt');
	expect(response.ok()).toBe(true);
	expect(await response.text()).toMatch(/^User-agent: \*\nAllow: \/$/m);
});

test('the manifest makes the app installable', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifestUrl = new URL(href ?? '', page.url());
	const manifest = await (await request.get(manifestUrl.href)).json();
	expect(manifest).toMatchObject({
		short_name: 'Kizuna',
		start_url: '/',
		scope: '/',
		display: 'standalone',
		theme_color: '#1d4e89',
		background_color: '#ffffff'
	});
	expect(manifest.name).toContain('Kizuna');
	expect(manifest.description.length).toBeGreaterThan(20);
	for (const icon of manifest.icons as { src: string; type: string }[]) {
		const response = await request.get(new URL(icon.src, manifestUrl).href);
		expect(response.ok(), icon.src).toBe(true);
		expect(response.headers()['content-type']).toContain(icon.type);
	}
	const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
	expect((await request.get(new URL(apple ?? '', page.url()).href)).ok()).toBe(true);
	const themeColors = page.locator('meta[name="theme-color"]');
	await expect(themeColors).toHaveCount(2);
});

test('the question bank is preloaded with the page and fetched once, the preload reused', async ({
	browser
}) => {
	// No service worker: every request reaches the network, where a second fetch would show.
	const context = await newContext(browser, { serviceWorkers: 'block' });
	const page = await context.newPage();
	const warnings: string[] = [];
	page.on('console', (message) => {
		if (message.text().includes('preload')) warnings.push(message.text());
	});
	const bankRequests: string[] = [];
	page.on('request', (request) => {
		if (/\/bank\.[\w-]+\.json$/.test(new URL(request.url()).pathname))
			bankRequests.push(request.url());
	});
	const response = await page.goto('/review');
	expect(await response?.text()).toMatch(
		/<link rel="preload" href="[^"]*\/bank\.[\w-]+\.json" as="fetch" crossorigin="anonymous"/
	);
	await expect(page.locator('#card-front')).toBeVisible();
	expect(bankRequests).toHaveLength(1);
	expect(warnings).toEqual([]);
	await context.close();
});

test('a page served by the service worker has no bank preload; the bank still loads once', async ({
	page
}) => {
	await page.goto('/review');
	await waitForServiceWorker(page);
	let bankLoads = 0;
	page.on('request', (request) => {
		if (/\/bank\.[\w-]+\.json$/.test(new URL(request.url()).pathname)) bankLoads += 1;
	});
	const response = await page.reload();
	expect(response?.fromServiceWorker()).toBe(true);
	// Cached, the bank is a cache read away: a preload would only compete with the scripts.
	expect(await response?.text()).not.toMatch(/rel="preload"[^>]*bank/);
	await expect(page.locator('#card-front')).toBeVisible();
	expect(bankLoads).toBe(1);
});
