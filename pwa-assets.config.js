// `npm run icons` generates every icon in static/ from static/icon.svg. The PNGs are committed
// because the build serves them, but this file and the SVG are their source: edit these, rerun.
import { defineConfig } from '@vite-pwa/assets-generator/config';

const THEME_BLUE = '#1d4e89';

export default defineConfig({
	images: ['static/icon.svg'],
	headLinkOptions: { preset: '2023' },
	preset: {
		transparent: { sizes: [192, 512], favicons: [[48, 'favicon.ico']] },
		// Maskable and Apple icons get no transparency: the launcher crops them, so the blue must
		// reach every edge; the rings stay inside the maskable safe zone (a circle of 40 %).
		maskable: { sizes: [512], padding: 0.1, resizeOptions: { background: THEME_BLUE } },
		apple: { sizes: [180], padding: 0.1, resizeOptions: { background: THEME_BLUE } }
	}
});
