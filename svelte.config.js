import adapter from '@sveltejs/adapter-static';
import { themeScript } from './scripts/theme-script.mjs';

// The update test (tests/pwa-update.test.ts) and the review benchmark build extra versions side by
// side; these put them in folders of their own instead of over the build the other tests are served.
const buildDir = process.env.KIZUNA_BUILD_DIR || 'build';
const kitDir =
	process.env.KIZUNA_KIT_DIR ||
	(process.env.KIZUNA_BUILD_DIR ? `${process.env.KIZUNA_BUILD_DIR}-kit` : '.svelte-kit');

// Sync talks to the person's own CouchDB, whose address a static build cannot know: connect-src
// allows any https origin and plain http on this computer only (what the app itself accepts,
// src/lib/domain/records/sync-config.ts). A deployment for one known server narrows it to that origin
// with KIZUNA_SYNC_ORIGIN. Scripts, styles, frames and everything else stay 'self'.
const syncOrigins = process.env.KIZUNA_SYNC_ORIGIN
	? [process.env.KIZUNA_SYNC_ORIGIN]
	: ['https:', 'http://localhost:*', 'http://127.0.0.1:*'];

/** @type {import('@sveltejs/kit').Config} */
const config = {
	// Runes mode for every component of the app, even one without a rune: a component left in
	// legacy mode brings Svelte 4's runtime onto every page.
	compilerOptions: {
		// Not `window.__svelte.v`: no page needs to tell which Svelte it runs, and every page loaded it.
		discloseVersion: false,
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// 404.html: the page for a URL the app does not have. Static hosts serve it (GitHub Pages by
		// itself, nginx with error_page, see the README), and the service worker does offline. It is
		// an empty shell that shows the app's error page.
		adapter: adapter({ pages: buildDir, assets: buildDir, fallback: '404.html', strict: true }),
		outDir: kitDir,
		// Every page's styles inline in its HTML (the largest file is under 5 KB): a first visit
		// paints with the HTML alone instead of waiting for stylesheets.
		inlineStyleThreshold: 16 * 1024,
		// Hashes for SvelteKit's own inline bootstrap script and for the theme script in app.html
		// keep script-src free of 'unsafe-inline'.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', themeScript().hash],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self', ...syncOrigins],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				// Trusted Types: a string reaches an HTML or script sink only through a named
				// policy, and only these may exist: Svelte's (its templates), SvelteKit's (the
				// service worker's URL) and the optimizer's worker URL (src/lib/optimizer/client.ts).
				'require-trusted-types-for': ['script'],
				'trusted-types': ['svelte-trusted-html', 'sveltekit-trusted-url', 'kizuna-worker']
			}
		},
		version: { name: process.env.KIZUNA_VERSION }
	}
};

export default config;
