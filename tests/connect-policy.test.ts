// What an injected script could send, and where: pages the service worker serves allow requests
// to this site and to the one sync server saved on this device, nowhere else, even where the
// HTML's own policy (which cannot know the server) would allow any https: origin.
import type { Page } from './support/clock';
import { waitForServiceWorker } from './support/service-worker';
import { expect, expectSynced, test, turnOnSync } from './support/sync-devices';

test.setTimeout(60_000);

/** Tries a fetch from the page; says whether it was sent and which policy directive refused it. */
function tryFetch(page: Page, url: string) {
	return page.evaluate(async (target) => {
		const refused: string[] = [];
		const listen = (event: SecurityPolicyViolationEvent) => refused.push(event.violatedDirective);
		document.addEventListener('securitypolicyviolation', listen);
		let status: number | 'failed';
		try {
			status = (await fetch(target, { cache: 'no-store' })).status;
		} catch {
			status = 'failed';
		}
		// The violation event is queued as a task after the fetch fails.
		await new Promise((resolve) => setTimeout(resolve, 50));
		document.removeEventListener('securitypolicyviolation', listen);
		return { status, refused };
	}, url);
}

test('with sync off, a page the service worker served can send to no other origin', async ({
	open
}) => {
	const { page } = await open();
	await waitForServiceWorker(page);
	await page.reload();
	// The HTML's policy alone allows both (https: and this computer's http ports).
	for (const url of ['https://example.org/', 'http://127.0.0.1:9/'])
		expect(await tryFetch(page, url), url).toEqual({ status: 'failed', refused: ['connect-src'] });
	expect((await tryFetch(page, '/robots.txt')).status).toBe(200);
});

test('with sync on, the saved server is reachable and every other origin is refused', async ({
	open,
	couch,
	db
}) => {
	const { page } = await open();
	await waitForServiceWorker(page);
	await turnOnSync(page, couch, db);
	await expectSynced(page);
	// The same server under another name is another origin, and refused like any other.
	const port = new URL(couch.origin).port;
	for (const url of ['https://example.org/', `http://localhost:${port}/`])
		expect(await tryFetch(page, url), url).toEqual({ status: 'failed', refused: ['connect-src'] });
	const server = await tryFetch(page, `${couch.origin}/`);
	expect(server.refused).toEqual([]);
	expect(server.status).toBe(200);
});
