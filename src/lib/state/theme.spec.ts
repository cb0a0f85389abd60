import { themeScript } from '../../../scripts/theme-script.mjs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { THEMES } from '$lib/domain/records/settings';
import { THEME_STORAGE_KEY, themeColor } from '$lib/domain/records/theme';
import { applyTheme } from './theme';

const MEDIA = ['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)'] as const;

/** Just enough of a document for the theme code: <html>'s dataset and the two metas of app.html. */
function fakeDocument() {
	const metas = MEDIA.map((media) => {
		const attributes = new Map<string, string>([
			['media', media],
			['content', themeColor('system', media.includes('dark') ? 'dark' : 'light')]
		]);
		return {
			getAttribute: (name: string) => attributes.get(name) ?? null,
			setAttribute: (name: string, value: string) => void attributes.set(name, value)
		};
	});
	const documentElement = { dataset: {} as Record<string, string | undefined> };
	const doc = {
		documentElement,
		querySelectorAll: (selector: string) => (selector === 'meta[name="theme-color"]' ? metas : [])
	};
	return {
		doc: doc as unknown as Document,
		theme: () => documentElement.dataset.theme,
		colors: () => metas.map((meta) => meta.getAttribute('content'))
	};
}

function memoryStorage(initial?: string) {
	const items = new Map<string, string>(
		initial === undefined ? [] : [[THEME_STORAGE_KEY, initial]]
	);
	return {
		items,
		getItem: (key: string) => items.get(key) ?? null,
		setItem: (key: string, value: string) => void items.set(key, value)
	};
}

const blocked = () => {
	throw new DOMException('The operation is insecure.', 'SecurityError');
};

describe('applyTheme', () => {
	it('sets data-theme and both theme-color metas for an override, and mirrors it', () => {
		const page = fakeDocument();
		const storage = memoryStorage();
		applyTheme('dark', page.doc, () => storage);
		expect(page.theme()).toBe('dark');
		expect(page.colors()).toEqual(['#121417', '#121417']);
		expect(storage.items.get(THEME_STORAGE_KEY)).toBe('dark');
	});

	it('going back to system removes data-theme and gives each meta its own scheme again', () => {
		const page = fakeDocument();
		const storage = memoryStorage();
		applyTheme('light', page.doc, () => storage);
		applyTheme('system', page.doc, () => storage);
		expect(page.theme()).toBeUndefined();
		expect(page.colors()).toEqual(['#1d4e89', '#121417']);
		expect(storage.items.get(THEME_STORAGE_KEY)).toBe('system');
	});

	it('still shows the theme when localStorage throws', () => {
		const page = fakeDocument();
		expect(() => applyTheme('dark', page.doc, blocked)).not.toThrow();
		expect(page.theme()).toBe('dark');
	});
});

/** Runs app.html's theme script as the browser does, before any bundle, on a fake page. */
function runStaticScript(storage: { getItem(key: string): string | null } | 'blocked') {
	const page = fakeDocument();
	const { source } = themeScript();
	const context: Record<string, unknown> = { document: page.doc };
	if (storage === 'blocked') Object.defineProperty(context, 'localStorage', { get: blocked });
	else context.localStorage = storage;
	runInNewContext(source, context);
	return page;
}

describe("app.html's theme script", () => {
	it('shows the mirrored theme exactly as applyTheme does, colours included', () => {
		for (const theme of THEMES) {
			const early = runStaticScript(memoryStorage(theme));
			const late = fakeDocument();
			applyTheme(theme, late.doc, () => memoryStorage());
			expect(early.theme()).toBe(late.theme());
			expect(early.colors()).toEqual(late.colors());
		}
	});

	it('reads the key the app writes', () => {
		const storage = memoryStorage();
		applyTheme('dark', fakeDocument().doc, () => storage);
		expect(runStaticScript(storage).theme()).toBe('dark');
	});

	it('leaves the page to the system when the mirror is missing, foreign or unreadable', () => {
		const cases: (string | undefined | 'blocked')[] = [undefined, 'purple', '', 'blocked'];
		for (const value of cases) {
			const page = runStaticScript(value === 'blocked' ? 'blocked' : memoryStorage(value));
			expect(page.theme()).toBeUndefined();
			expect(page.colors()).toEqual(['#1d4e89', '#121417']);
		}
	});
});
