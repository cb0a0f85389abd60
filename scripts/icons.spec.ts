// The committed icons must be exactly what `npm run icons` makes from static/icon.svg, and the
// manifest must list them at their real sizes: an edited SVG without regenerated PNGs fails here.
import { readFile } from 'node:fs/promises';
import { instructions } from '@vite-pwa/assets-generator/api/instructions';
import { describe, expect, it } from 'vitest';
import config from '../pwa-assets.config.js';

const STATIC = new URL('../static/', import.meta.url);

async function generated() {
	if (!config.preset || typeof config.preset === 'string') throw new Error('expected a preset');
	const result = await instructions({
		imageResolver: () => readFile(new URL('icon.svg', STATIC)),
		imageName: 'icon.svg',
		preset: config.preset,
		faviconPreset: '2023',
		htmlLinks: { xhtml: false, includeId: false },
		basePath: '/',
		resolveSvgName: (name) => name
	});
	return [
		...Object.values(result.transparent),
		...Object.values(result.maskable),
		...Object.values(result.apple),
		...Object.values(result.favicon).filter((icon) => icon.mimeType !== 'image/svg+xml')
	];
}

function pngSize(bytes: Buffer) {
	// A PNG's IHDR chunk holds width and height right after the 8-byte signature and chunk header.
	return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('icons', () => {
	it('match what npm run icons generates from static/icon.svg', { timeout: 30_000 }, async () => {
		const icons = await generated();
		expect(icons.map((icon) => icon.name).sort()).toEqual([
			'apple-touch-icon-180x180.png',
			'favicon.ico',
			'maskable-icon-512x512.png',
			'pwa-192x192.png',
			'pwa-512x512.png'
		]);
		for (const icon of icons) {
			const committed = await readFile(new URL(icon.name, STATIC));
			expect(committed.equals(await icon.buffer()), `static/${icon.name} is stale`).toBe(true);
		}
	});

	it('are listed in the manifest at their real sizes, with a maskable one', async () => {
		const manifest = JSON.parse(await readFile(new URL('manifest.webmanifest', STATIC), 'utf8'));
		const pngs = manifest.icons.filter((icon: { type: string }) => icon.type === 'image/png');
		expect(pngs.map((icon: { sizes: string }) => icon.sizes).sort()).toEqual([
			'192x192',
			'512x512',
			'512x512'
		]);
		for (const icon of pngs) {
			const bytes = await readFile(new URL(icon.src.replace(/^\//, ''), STATIC));
			expect(pngSize(bytes)).toBe(icon.sizes);
		}
		expect(pngs.some((icon: { purpose?: string }) => icon.purpose === 'maskable')).toBe(true);
	});
});
