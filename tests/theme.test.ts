import { expect, test, type Page } from './support/clock';
import { settingNotice } from './support/app-pages';
import { waitForServiceWorker } from './support/service-worker';

const LIGHT = { color: '#1d4e89', background: 'rgb(255, 255, 255)' };
const DARK = { color: '#121417', background: 'rgb(18, 20, 23)' };
/** What `shown` reads: a chosen theme puts its colour in both theme-color metas; following the
 * system leaves each meta its own, and the system's scheme picks the background. */
const LOOKS = {
	dark: { theme: 'dark', background: DARK.background, colors: [DARK.color, DARK.color] },
	light: { theme: 'light', background: LIGHT.background, colors: [LIGHT.color, LIGHT.color] },
	systemDark: { theme: null, background: DARK.background, colors: [LIGHT.color, DARK.color] },
	systemLight: { theme: null, background: LIGHT.background, colors: [LIGHT.color, DARK.color] }
};

interface Trace {
	/** The page as the parser finished it, before the app's code ran: what the first frame shows. */
	atParse?: { theme: string | null; background: string; colors: string[] };
	/** Every value data-theme took on <html> while the page loaded (null: removed). */
	changes: (string | null)[];
	violations: string[];
}

/**
 * Records, in every document the page loads, how the theme looked from the start; `reload` reloads
 * the page, waits until it has shown its data and reads the record of that load.
 */
async function traceTheme(page: Page) {
	await page.addInitScript(() => {
		const trace: Trace = { changes: [], violations: [] };
		Object.assign(window, { themeTrace: trace });
		// Init scripts run before <html> exists: watch the document for it.
		new MutationObserver((records) => {
			for (const record of records) {
				if (record.target === document.documentElement)
					trace.changes.push(document.documentElement.getAttribute('data-theme'));
			}
		}).observe(document, { subtree: true, attributeFilter: ['data-theme'] });
		document.addEventListener('securitypolicyviolation', (event) =>
			trace.violations.push(`${event.violatedDirective} ${event.blockedURI}`)
		);
		document.addEventListener('DOMContentLoaded', () => {
			trace.atParse = {
				theme: document.documentElement.getAttribute('data-theme'),
				background: getComputedStyle(document.body).backgroundColor,
				colors: [...document.querySelectorAll('meta[name="theme-color"]')].map(
					(meta) => meta.getAttribute('content') ?? ''
				)
			};
		});
	});
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return {
		errors,
		async reload() {
			await page.reload();
			await loaded(page);
			return page.evaluate(() => (window as unknown as { themeTrace: Trace }).themeTrace);
		}
	};
}

/** Picks a theme on Settings: it applies and is saved at once, with no Save button. */
async function chooseTheme(page: Page, label: 'Follow the system' | 'Light' | 'Dark') {
	await page.goto('/settings');
	const radio = page.getByRole('radio', { name: label, exact: true });
	await radio.check();
	await expect(settingNotice(page, radio)).toHaveText(/^Saved\./);
}

/** On a system in `system` colours, traces the theme from then on and picks `label` on Settings. */
async function chooseOnSystem(page: Page, system: 'light' | 'dark', label: 'Light' | 'Dark') {
	await page.emulateMedia({ colorScheme: system });
	const trace = await traceTheme(page);
	await chooseTheme(page, label);
	return trace;
}

async function shown(page: Page) {
	return page.evaluate(() => ({
		theme: document.documentElement.getAttribute('data-theme'),
		background: getComputedStyle(document.body).backgroundColor,
		colors: [...document.querySelectorAll('meta[name="theme-color"]')].map(
			(meta) => meta.getAttribute('content') ?? ''
		)
	}));
}

/** Waits until the page has read IndexedDB and shown its data. */
async function loaded(page: Page) {
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('main')).not.toContainText('Loading');
}

test('dark chosen on a light system shows dark from the first frame after a reload', async ({
	page
}) => {
	const trace = await chooseOnSystem(page, 'light', 'Dark');
	// Live, without a reload: the page and the browser's UI colour.
	expect(await shown(page)).toEqual(LOOKS.dark);

	const { atParse, changes, violations } = await trace.reload();
	expect(atParse).toEqual(LOOKS.dark);
	// Never removed, not even for a frame while the settings loaded.
	expect(changes.length).toBeGreaterThan(0);
	expect(changes).toEqual(changes.map(() => 'dark'));
	expect((await shown(page)).theme).toBe('dark');
	expect(violations).toEqual([]);
	expect(trace.errors).toEqual([]);
});

test('light chosen on a dark system, then the system again: page and theme-color follow', async ({
	page
}) => {
	const trace = await chooseOnSystem(page, 'dark', 'Light');
	expect(await shown(page)).toEqual(LOOKS.light);
	expect((await trace.reload()).atParse).toMatchObject({
		theme: 'light',
		background: LIGHT.background
	});

	const system = page.getByRole('radio', { name: 'Follow the system' });
	await system.check();
	await expect(settingNotice(page, system)).toHaveText(/^Saved\./);
	// Each meta answers its own media query again; the dark one applies here.
	expect(await shown(page)).toEqual(LOOKS.systemDark);
	expect(await page.evaluate(() => localStorage.getItem('kizuna-theme'))).toBe('system');
	expect(trace.errors).toEqual([]);
});

test('IndexedDB wins over a stale copy of the theme in localStorage', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/');
	await loaded(page);
	// Settings were never saved, so IndexedDB says "system"; the copy says otherwise.
	await page.evaluate(() => localStorage.setItem('kizuna-theme', 'dark'));
	await page.reload();
	await loaded(page);
	await expect(page.locator('html')).not.toHaveAttribute('data-theme');
	await expect.poll(() => page.evaluate(() => localStorage.getItem('kizuna-theme'))).toBe('system');
	expect(await shown(page)).toEqual(LOOKS.systemLight);
});

test('a theme saved in another tab shows in this one and in its theme-color', async ({
	context
}) => {
	const other = await context.newPage();
	const here = await context.newPage();
	await here.emulateMedia({ colorScheme: 'light' });
	await here.goto('/');
	await loaded(here);
	await chooseTheme(other, 'Dark');
	await expect(here.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(await shown(here)).toEqual(LOOKS.dark);
});

test('without localStorage (blocked), the theme still applies from IndexedDB', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		});
	});
	const trace = await chooseOnSystem(page, 'light', 'Dark');
	// No copy to read before the first paint, so the system theme shows until IndexedDB answers.
	expect((await trace.reload()).atParse?.theme).toBeNull();
	expect(await shown(page)).toEqual(LOOKS.dark);
	expect(trace.errors).toEqual([]);
});

test('offline, the chosen theme still shows from the first frame', async ({ page, context }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	const trace = await traceTheme(page);
	await page.goto('/');
	await waitForServiceWorker(page);
	await chooseTheme(page, 'Dark');
	await context.setOffline(true);
	try {
		expect((await trace.reload()).atParse).toMatchObject({
			theme: 'dark',
			background: DARK.background
		});
	} finally {
		await context.setOffline(false);
	}
});
