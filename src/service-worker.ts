/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline: every file of this build is precached on install, in a cache named after the version,
// and answered from there. A new version installs beside the old one and waits until the page
// sends SKIP_WAITING (the user clicked Reload), so it never swaps in under someone mid-review.
import { base, build, files, prerendered, version } from '$service-worker';
import { readSyncOrigin } from '$lib/storage/sync-config';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `kizuna-${version}`;
const IMMUTABLE = `${base}/_app/immutable/`;
// The FSRS optimizer (a worker and 1.7 MB of WebAssembly, Settings → FSRS parameters) is fetched
// the first time someone uses it, never before, then kept in this version's cache for offline use.
const ON_DEMAND = `${IMMUTABLE}workers/`;
// `build` holds the JS chunks (the question bank among them), `files` static/, `prerendered` the
// pages, cached under their route ('/review'), which is what a navigation asks for. The Anki deck
// is left out: most learners never want it, so it is fetched only when Browse's link is clicked.
// The optimizer too: fetched on first use, then cached (see `respond`).
// 404.html is the build's page for a URL the app does not have (svelte.config.js).
const NOT_FOUND = `${base}/404.html`;
const ASSETS = [...build, ...files, ...prerendered].filter(
	(path) => !path.endsWith('.apkg') && !path.startsWith(ON_DEMAND)
);
// Hashed build files never change under their name; everything else must skip the HTTP cache,
// or a new version could store the previous version's copy of a page.
const HASHED = new Set(build);

/** Static routing (Chromium 123+), not yet in TypeScript's types. */
type RoutedInstall = ExtendableEvent & {
	addRoutes?: (
		rules: {
			condition: { urlPattern: { pathname: string } };
			source: { cacheName: string } | 'fetch-event';
		}[]
	) => Promise<void>;
};

sw.addEventListener('install', (event) => {
	const requests = ASSETS.map(
		(path) => new Request(path, { cache: HASHED.has(path) ? 'default' : 'reload' })
	);
	event.waitUntil(
		caches.open(CACHE).then((cache) => Promise.all([cache.addAll(requests), cacheNotFound(cache)]))
	);
	// Every file but the pages (scripts, styles, the bank, static/) is read from this version's
	// cache by the browser itself, without starting this worker's JavaScript once per file: the
	// page's dozen-odd modules and its blocking theme script came 20-30 ms sooner. Browsers without
	// static routing send them to the fetch handler below.
	const paths = [`${IMMUTABLE}*`, ...files.map(escapePattern)];
	// The first rule that matches wins: the optimizer's files go to the fetch handler, which
	// caches them when first fetched (a cache route would fetch them but never store them).
	void (event as RoutedInstall)
		.addRoutes?.([
			{ condition: { urlPattern: { pathname: `${ON_DEMAND}*` } }, source: 'fetch-event' },
			...paths.map((pathname) => ({
				condition: { urlPattern: { pathname } },
				source: { cacheName: CACHE }
			}))
		])
		.catch(() => undefined);
});

/**
 * Caches the 404 page. Some hosts answer for the file itself with a 404 (vite preview does), which
 * `addAll` would refuse: any answer with the page in it is kept.
 */
async function cacheNotFound(cache: Cache): Promise<void> {
	const response = await fetch(NOT_FOUND, { cache: 'reload' });
	if (response.status !== 200 && response.status !== 404)
		throw new Error(`${NOT_FOUND}: ${response.status}`);
	await cache.put(NOT_FOUND, response);
}

/** A file's path as a URLPattern that matches only it. */
function escapePattern(path: string): string {
	return path.replace(/[\\:*?+(){}]/g, '\\$&');
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const keys = await caches.keys();
			await Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)));
			// Take over the page of the very first visit too, so it works offline without a reload.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	// The only message: src/lib/components/UpdatePrompt.svelte sends it when Reload is clicked.
	const message: unknown = event.data;
	if (typeof message === 'object' && message !== null && 'type' in message) {
		if (message.type === 'SKIP_WAITING') void sw.skipWaiting();
	}
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(respond(request, url));
});

// The layout preloads the question bank so a first visit fetches it alongside the scripts. Here
// it is a cache read away, and preloading it through this worker makes it compete with the
// scripts (a bench with a 4.7 MB bank showed the first card 60 ms later): pages from the cache
// go without the link.
// The only fetch preload is the bank's (whatever its file is called, as in the benchmark's build).
const BANK_PRELOAD = /<link rel="preload" href="[^"]*" as="fetch"[^>]*>/;

/**
 * A page as this worker serves it: without the bank's preload, and with a second policy that
 * narrows the HTML's connect-src (any https: origin, since a static build cannot know the
 * person's server) to this site and the one sync server saved on this device, or this site alone
 * while sync is off. A document obeys every policy it is given, so the header can only narrow:
 * scripts, styles and the rest stay as the HTML's policy sets them. Turning sync on to a new
 * server reloads the page to get its new policy (state/sync.svelte.ts).
 */
async function asServedPage(page: Response, fromCache: boolean): Promise<Response> {
	// A navigation can be a download (the Anki deck): only pages are read and rewritten.
	if (!page.headers.get('content-type')?.startsWith('text/html')) return page;
	const [html, origin] = await Promise.all([page.text(), readSyncOrigin()]);
	const headers = new Headers(page.headers);
	headers.delete('content-length');
	headers.append('content-security-policy', `connect-src 'self'${origin ? ` ${origin}` : ''}`);
	return new Response(fromCache ? html.replace(BANK_PRELOAD, '') : html, {
		status: page.status,
		statusText: page.statusText,
		headers
	});
}

async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	const cached = await cache.match(url.pathname);
	const navigate = request.mode === 'navigate';
	if (cached) return navigate ? asServedPage(cached, true) : cached;
	try {
		const response = await fetch(request);
		if (response.ok && url.pathname.startsWith(ON_DEMAND))
			await cache.put(url.pathname, response.clone());
		// Whatever the host answers for a page it does not have, the app's own 404 page.
		if (navigate && response.status === 404) {
			const shown = await notFound(cache);
			if (shown) return asServedPage(shown, true);
		}
		return navigate ? asServedPage(response, false) : response;
	} catch (error) {
		// Offline, a page the app does not have: its 404 page rather than the browser's error.
		const shown = navigate ? await notFound(cache) : undefined;
		if (shown) return asServedPage(shown, true);
		throw error;
	}
}

/** The cached 404 page, with the status it stands for. */
async function notFound(cache: Cache): Promise<Response | undefined> {
	const cached = await cache.match(NOT_FOUND);
	if (!cached) return undefined;
	return new Response(cached.body, {
		status: 404,
		statusText: 'Not Found',
		headers: cached.headers
	});
}
