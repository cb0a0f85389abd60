// Vite plugin and code-splitting groups for the client build: the JS a first visit loads comes in
// a few large files instead of about twenty. Rolldown's automatic chunking gives every set of pages
// that shares a module its own chunk; each file then costs its own import list and its own gzip
// dictionary (Today's 20 files gzipped apart were 4 KB more than the same code as one file).
//
//   common  what every page loads (what SvelteKit's entries, the root layout and the error page,
//           which SvelteKit loads eagerly, import; the entries themselves keep their own files)
//           and what Today and the review both load: Svelte's and SvelteKit's runtime, progress
//           and storage, the queue
//   review  what the review shares with the quizzes (the rating, the card, the keys), less what
//           is in common: Browse and Source, which share other parts of the review, keep
//           rolldown's smaller chunks instead of loading all of it
//
// What only one page loads stays in that page's own file, as rolldown does by default, and dynamic
// imports are not followed, so what they load stays apart. The other pages load `common` too: it
// holds what they all need, plus the queue (a few KB) that they may not.

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const route = (/** @type {string} */ file) => resolve('src/routes', file);

// Parts of Svelte's runtime only some pages use: the input and select bindings of forms (about
// 1 KB gzipped), an element's bound property (Stats' chart table) and {#key} (the quiz). Every
// component imports Svelte's runtime through one barrel module that re-exports all of it, so
// following imports reaches every runtime feature from every page: one that any page uses lands in
// `common` (a page that needs, say, {#await} puts it on Today too). These are left out here, so
// they stay with the pages that use them. A module's parts go together: Stats' props are not
// spread, as spread_props would bring it to `common` with `prop`, which every page uses.
const PAGE_RUNTIME =
	/svelte[\\/]src[\\/]internal[\\/]client[\\/]dom[\\/](elements[\\/]bindings[\\/](input|select|universal)|blocks[\\/]key)\.js$/;

// SvelteKit's client takes two of Svelte's exports by destructuring its namespace import, and
// rolldown then keeps the whole namespace object: every export of `svelte` (mount, fork,
// createRawSnippet, …), about 1 KB gzipped on every page. It tree-shakes reads of one member, so
// the line is read as two of those, on the same line. Should SvelteKit change it, the build says so.
const KIT_CLIENT = /@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]client[\\/]client\.js$/;
const KIT_NAMESPACE_READ = 'const { onMount, tick } = svelte;';
const KIT_MEMBER_READS = 'const onMount = svelte.onMount, tick = svelte.tick;';

/**
 * Every module `roots` import statically, the roots included.
 * @param {Pick<import('rolldown').PluginContext, 'getModuleInfo'>} graph the build's module graph
 * @param {string[]} roots
 */
function staticClosure(graph, roots) {
	const seen = new Set();
	const stack = [...roots];
	while (stack.length > 0) {
		const id = /** @type {string} */ (stack.pop());
		if (seen.has(id) || PAGE_RUNTIME.test(id)) continue;
		seen.add(id);
		stack.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
	}
	return seen;
}

export function firstLoadChunks() {
	/** @type {Set<string>} */
	const common = new Set();
	/** @type {Set<string>} */
	const review = new Set();
	// SvelteKit runs a server build, then a client build with this same config: only the client's
	// chunks are fetched by a browser, so the sets stay empty in the server build.
	let client = false;
	/** Where the client build writes Vite's manifest, which SvelteKit reads once it is done. */
	let manifestFile = '';
	/** @type {import('vite').Plugin} */
	const plugin = {
		name: 'kizuna-first-load-chunks',
		apply: 'build',
		configResolved(config) {
			client = !config.build.ssr;
			const manifest = config.build.manifest;
			manifestFile = join(
				config.build.outDir,
				typeof manifest === 'string' ? manifest : '.vite/manifest.json'
			);
		},
		transform(code, id) {
			if (!KIT_CLIENT.test(id)) return;
			if (!code.includes(KIT_NAMESPACE_READ)) {
				this.warn(`${id} no longer has "${KIT_NAMESPACE_READ}": see KIT_NAMESPACE_READ`);
				return;
			}
			// Nothing moves to another line, so the source map stays right.
			return { code: code.replace(KIT_NAMESPACE_READ, KIT_MEMBER_READS), map: null };
		},
		options(options) {
			// The groups below leave out what their modules import (`includeDependenciesRecursively`),
			// which rolldown allows only where an entry's chunk may export more than the entry does.
			options.preserveEntrySignatures = 'allow-extension';
			// Svelte declares no `sideEffects`; these have none, and saying so lets a page that
			// only reaches them through the barrel leave them out.
			const treeshake = typeof options.treeshake === 'object' ? options.treeshake : {};
			options.treeshake = {
				...treeshake,
				moduleSideEffects: (id) => (PAGE_RUNTIME.test(id) ? false : undefined)
			};
		},
		buildEnd() {
			common.clear();
			review.clear();
			if (!client) return;
			// SvelteKit's own entries (start, app); its per-route nodes are entries too, left out.
			const starts = [...this.getModuleIds()].filter(
				(id) => this.getModuleInfo(id)?.isEntry && !/[\\/]nodes[\\/]\d+\.js$/.test(id)
			);
			const every = staticClosure(this, [
				...starts,
				route('+layout.svelte'),
				route('+error.svelte')
			]);
			const today = staticClosure(this, [route('+page.svelte')]);
			const reviewPage = staticClosure(this, [route('review/+page.svelte')]);
			// The entries themselves stay in their own files. `app` imports every page's node
			// dynamically; in `common`, those imports would hide the page's own chunks and styles
			// from the HTML's preload links (SvelteKit's `find_deps` skips what it first met through
			// a dynamic import), and the page would fetch them only after its scripts ran.
			for (const id of every) if (!starts.includes(id)) common.add(id);
			for (const id of today) if (reviewPage.has(id)) common.add(id);
			const quiz = staticClosure(this, [route('quiz/+page.svelte')]);
			for (const id of reviewPage) if (!common.has(id) && quiz.has(id)) review.add(id);
		},
		writeBundle() {
			if (!client) return;
			// SvelteKit lists a page's files in its HTML by walking the manifest from the page's
			// entry, and leaves out a file it first reached through a dynamic import. `common`
			// loads parts of storage, sync and the exam lazily that some pages import outright;
			// walked first, it would hide them, and those pages would fetch them only once their
			// scripts ran. A shared chunk's dynamic imports tell SvelteKit nothing else (it uses
			// them only for the styles of lazy components it rendered on the server), so they go.
			const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
			for (const chunk of Object.values(manifest)) if (!chunk.isEntry) delete chunk.dynamicImports;
			// SvelteKit's start fetches the root error page's node (a one-line re-export) on every
			// page, error or not, but lists it nowhere: it was requested only once the start script
			// had run, a round trip after the others. Among the app entry's imports it is preloaded
			// with them (Lighthouse /review, 6 runs each: LCP median 1.80 → 1.60 s).
			const app = Object.values(manifest).find(
				(chunk) => chunk.isEntry && chunk.name === 'entry/app'
			);
			const errorNode = Object.keys(manifest).find(
				(key) => manifest[key].isEntry && manifest[key].name === 'nodes/1'
			);
			if (app && errorNode) app.imports = [...(app.imports ?? []), errorNode];
			writeFileSync(manifestFile, JSON.stringify(manifest, null, '\t'));
		}
	};
	// A page's own component stays in its node's file (SvelteKit's entry for that route); the root
	// layout's and error page's go in `common`, leaving their nodes a one-line re-export.
	const isPage = (/** @type {string} */ id) =>
		id.startsWith(resolve('src/routes')) && !/\+(layout|error)\.svelte($|\?)/.test(id);
	const groups = [
		{
			name: 'common',
			priority: 2,
			includeDependenciesRecursively: false,
			test: (/** @type {string} */ id) => common.has(id) && !isPage(id)
		},
		{
			name: 'review',
			priority: 1,
			includeDependenciesRecursively: false,
			test: (/** @type {string} */ id) => review.has(id) && !isPage(id)
		}
	];
	return { plugin, groups };
}
