// The theme script that src/app.html runs inline before the first paint (why: its comment there),
// and the hash by which the Content-Security-Policy (svelte.config.js) lets it, and only it, run.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function themeScript() {
	const html = readFileSync(new URL('../src/app.html', import.meta.url), 'utf8');
	const source = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
	if (source === undefined) throw new Error('src/app.html: the inline theme <script> is missing');
	return { source, hash: `sha256-${createHash('sha256').update(source).digest('base64')}` };
}
