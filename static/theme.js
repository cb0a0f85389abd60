// Applies the theme chosen in Settings before the first paint, from the copy the app keeps in
// localStorage (IndexedDB, the source of truth, answers only after the page has painted). Loaded
// synchronously from src/app.html; an external file because the CSP allows no inline script.
// The key and colours repeat src/lib/domain/theme.ts, which cannot be imported here.
(function () {
	let theme;
	try {
		theme = localStorage.getItem('kizuna-theme');
	} catch {
		// Storage blocked (some private modes): the system theme applies until settings load.
		return;
	}
	if (theme !== 'light' && theme !== 'dark') return;
	document.documentElement.dataset.theme = theme;
	const color = theme === 'dark' ? '#121417' : '#1d4e89';
	for (const meta of document.querySelectorAll('meta[name="theme-color"]')) {
		meta.setAttribute('content', color);
	}
})();
