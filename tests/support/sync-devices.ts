// The sync tests' harness: a real CouchDB-protocol server per test file (started and stopped by
// the worker fixture, even when a test fails), a fresh database per test, and devices as separate
// browser contexts (each with its own IndexedDB, as two phones would have).
import { expect, test as base, type Browser, type BrowserContext, type Page } from './clock';
import { fixClock } from './clock';
import { startCouchServer, type CouchServer } from './couch-server';
import type { Stored } from './stored';

export interface Database {
	name: string;
	url: string;
}

let databases = 0;

export const test = base.extend<
	{
		db: Database;
		/** Opens a device (see `openDevice`), closed after the test, even when it fails. */
		open: (path?: string, prepare?: (context: BrowserContext) => Promise<void>) => Promise<Device>;
		/** Two devices with sync on, in step with the server, on Settings. */
		synced: [Device, Device];
	},
	{ couch: CouchServer }
>({
	couch: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures from the pattern
		async ({}, use) => {
			const server = await startCouchServer();
			try {
				await use(server);
			} finally {
				await server.close();
			}
		},
		{ scope: 'worker' }
	],
	db: async ({ couch }, use) => {
		databases += 1;
		const name = `kizuna-test-${process.pid}-${databases}`;
		try {
			await use({ name, url: await couch.createDatabase(name) });
		} finally {
			// The next test finds the server up, even when this one failed while it was stopped.
			await couch.start();
		}
	},
	open: async ({ browser, baseURL }, use) => {
		const opened: Device[] = [];
		try {
			await use(async (path, prepare) => {
				const device = await openDevice(browser, baseURL!, path, prepare);
				opened.push(device);
				return device;
			});
		} finally {
			for (const device of opened) await device.context.close();
		}
	},
	synced: async ({ open, couch, db }, use) => {
		const devices: [Device, Device] = [await open(), await open()];
		await syncAll(devices, couch, db);
		await use(devices);
	}
});

export { expect };

export interface Device {
	context: BrowserContext;
	page: Page;
}

/**
 * A device: its own browser context on the app, at `path`; `prepare` runs before the app loads.
 * The caller closes it (the `open` fixture does).
 */
async function openDevice(
	browser: Browser,
	baseURL: string,
	path = '/',
	prepare?: (context: BrowserContext) => Promise<void>
): Promise<Device> {
	const context = await browser.newContext({ baseURL, serviceWorkers: 'allow' });
	await fixClock(context);
	await prepare?.(context);
	const page = await context.newPage();
	await page.goto(path);
	return { context, page };
}

/** Turns sync on on each device, one after the other, and waits until each is in step. */
export async function syncAll(devices: readonly Device[], couch: CouchServer, db: Database) {
	for (const device of devices) {
		await turnOnSync(device.page, couch, db);
		await expectSynced(device.page);
	}
}

/** Goes to a page through the menu, as a person would (no reload). */
export async function go(page: Page, name: 'Today' | 'Review' | 'Settings' | 'Stats') {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
	await expect(page).toHaveURL(name === 'Today' ? /\/$/ : new RegExp(`/${name.toLowerCase()}$`));
}

/** Turns sync on in Settings → Sync and waits until it says what happened. */
export async function turnOnSync(
	page: Page,
	couch: CouchServer,
	db: Database,
	password = couch.admin.password
) {
	await go(page, 'Settings');
	const section = page.getByRole('region', { name: 'Sync' });
	await section.getByLabel('Server URL').fill(db.url);
	await section.getByLabel('User name').fill(couch.admin.name);
	await section.getByLabel('Password').fill(password);
	await section.getByRole('button', { name: 'Turn on sync' }).click();
}

export function syncStatus(page: Page) {
	return page.getByTestId('sync-status');
}

/** Waits for "Last synced …" on the Settings page. */
export async function expectSynced(page: Page) {
	await expect(syncStatus(page)).toHaveText(/^Last synced /, { timeout: 20_000 });
}

/** Rates `count` cards on the review page with `rating`; returns their fronts. */
export async function rateCards(
	page: Page,
	count: number,
	rating: 'Again' | 'Hard' | 'Good' | 'Easy' = 'Good'
) {
	const fronts: string[] = [];
	for (let i = 0; i < count; i++) {
		const front = page.locator('#card-front');
		const text = (await front.textContent())?.trim() ?? '';
		fronts.push(text);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: rating, exact: true }).click();
		await expect(front).not.toHaveText(text);
	}
	return fronts;
}

/** The identity of each rating, in review order. */
export function ratings(stored: Stored): string[] {
	return stored.logs.map((l) => `${l.card_id}:${l.review}:${l.rating}`).sort();
}

/** Cards sorted by id, as JSON text: two devices with the same schedule give the same bytes. */
function cardBytes(stored: Stored): string {
	return JSON.stringify([...stored.cards].sort((a, b) => String(a.id).localeCompare(String(b.id))));
}

/** Two devices' progress is in step: the same ratings, and the cards rebuilt from them to the byte. */
export function expectInStep(one: Stored, other: Stored) {
	expect(ratings(other)).toEqual(ratings(one));
	expect(cardBytes(other)).toBe(cardBytes(one));
}

/** The rating documents on the server. */
export async function serverReviews(couch: CouchServer, db: Database) {
	return (await couch.allDocs(db.name)).filter((d) => d._id.startsWith('review:'));
}
