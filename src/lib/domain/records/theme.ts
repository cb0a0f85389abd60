/**
 * The colours and the localStorage mirror of the theme chosen in Settings. The theme script in
 * src/app.html applies the mirror before the first paint and repeats these values: it runs before
 * any bundle, so it cannot import them (src/lib/state/theme.spec.ts runs it and checks the two
 * agree).
 */
import type { Theme } from './settings';

/** The color scheme a theme ends up as, once the system's is known. */
export type Scheme = 'light' | 'dark';

/** localStorage key of the mirror; IndexedDB's settings record stays the source of truth. */
export const THEME_STORAGE_KEY = 'kizuna-theme';

/** The browser UI colour (`<meta name="theme-color">`) in each scheme, as in the manifest. */
export const THEME_COLORS: Readonly<Record<Scheme, string>> = Object.freeze({
	light: '#1d4e89',
	dark: '#121417'
});

/** The scheme shown when the system prefers `system` and Settings chose `theme`. */
export function effectiveScheme(theme: Theme, system: Scheme): Scheme {
	return theme === 'system' ? system : theme;
}

/** The theme-color content for the meta that applies when the system prefers `system`. */
export function themeColor(theme: Theme, system: Scheme): string {
	return THEME_COLORS[effectiveScheme(theme, system)];
}

/** The scheme a theme-color meta's media query stands for (`(prefers-color-scheme: dark)`). */
export function metaScheme(media: string | null): Scheme {
	return media !== null && /prefers-color-scheme:\s*dark/.test(media) ? 'dark' : 'light';
}
