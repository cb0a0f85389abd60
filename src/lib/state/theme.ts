import type { Theme } from '$lib/domain/records/settings';
import { metaScheme, themeColor, THEME_STORAGE_KEY } from '$lib/domain/records/theme';

/**
 * Shows `theme` on the page and mirrors it for the next load: data-theme on <html> (without it
 * the CSS follows the system), the theme-color metas (each keeps its media query and gets the
 * colour of the theme that shows under it), and localStorage, which the theme script in app.html
 * reads before the first paint. Called with the settings from IndexedDB, so a stale mirror is
 * rewritten.
 */
export function applyTheme(
	theme: Theme,
	doc: Document = document,
	storage: () => Pick<Storage, 'setItem'> = () => localStorage
): void {
	if (theme === 'system') delete doc.documentElement.dataset.theme;
	else doc.documentElement.dataset.theme = theme;
	for (const meta of doc.querySelectorAll('meta[name="theme-color"]')) {
		meta.setAttribute('content', themeColor(theme, metaScheme(meta.getAttribute('media'))));
	}
	try {
		storage().setItem(THEME_STORAGE_KEY, theme);
	} catch {
		// Storage blocked (some private modes) or full: the next load shows the system theme
		// until IndexedDB answers, as it did before the mirror existed.
	}
}
