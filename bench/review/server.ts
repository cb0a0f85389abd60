// A tiny static server for the benchmark build (adapter-static output), plus two pages of its own:
// a blank page to seed IndexedDB from, and a page that only swaps text, the baseline to compare a
// rating with.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain',
	'.wasm': 'application/wasm'
};

export const BLANK_PATH = '/__bench/blank';
export const SWAP_PATH = '/__bench/swap';

const BLANK = '<!doctype html><meta charset="utf-8"><title>seed</title>';
const SWAP = `<!doctype html><meta charset="utf-8"><title>swap</title>
<p id="card-front">Card 0</p><button type="button" id="swap">Good</button>
<script>let n = 0; document.getElementById('swap').onclick = () => {
document.getElementById('card-front').textContent = 'Card ' + ++n; };</script>`;

function fileFor(root: string, pathname: string): string | undefined {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	for (const candidate of [clean, `${clean}.html`, join(clean, 'index.html')]) {
		const path = join(root, candidate);
		if (path.startsWith(root) && existsSync(path) && statSync(path).isFile()) return path;
	}
	return undefined;
}

/** Serves `root` on 127.0.0.1:`port`; resolves once listening. */
export function serve(root: string, port: number): Promise<Server> {
	const server = createServer((request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://localhost');
		const own = pathname === BLANK_PATH ? BLANK : pathname === SWAP_PATH ? SWAP : undefined;
		if (own !== undefined) {
			response.writeHead(200, { 'content-type': TYPES['.html'] as string });
			response.end(own);
			return;
		}
		const file = fileFor(root, pathname);
		if (!file) {
			response.writeHead(404).end('not found');
			return;
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
		createReadStream(file).pipe(response);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}
