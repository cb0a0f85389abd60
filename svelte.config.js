import adapter from '@sveltejs/adapter-static';

// The review benchmark builds into its own directory (KIZUNA_BUILD_DIR) so the normal build and
// its .svelte-kit stay untouched.
const benchDir = process.env.KIZUNA_BUILD_DIR;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({
			pages: benchDir ?? 'build',
			assets: benchDir ?? 'build',
			fallback: undefined,
			strict: true
		}),
		...(benchDir ? { outDir: `${benchDir}-kit` } : {}),
		// Hashes for SvelteKit's own inline bootstrap script keep script-src free of 'unsafe-inline'.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		version: { name: process.env.KIZUNA_VERSION }
	}
};

export default config;
