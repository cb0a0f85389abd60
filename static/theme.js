// Why: see the comment above its <script> in src/app.html.
(function () {
	let theme;
	try {
		theme = localStorage.getItem('kizuna-theme');
	} catch {
		return;
	}
	if (theme !== 'light' && theme !== 'dark') return;
	document.documentElement.dataset.theme = theme;
	const color = theme === 'dark' ? '#121417' : '#1d4e89';
	for (const meta of document.querySelectorAll('meta[name="theme-color"]')) {
		meta.setAttribute('content', color);
	}
})();
