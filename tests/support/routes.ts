// Every page of the app, with the h1 it shows and the navigation's link that reaches it. Browser
// tests that must cover every route use this.
export const routes = [
	{ path: '/', heading: 'Today', link: 'Today' },
	{ path: '/review', heading: 'Review', link: 'Review' },
	{ path: '/quiz', heading: 'Quiz', link: 'Quiz' },
	{ path: '/browse', heading: 'Browse', link: 'Browse' },
	{ path: '/compare', heading: 'Compare the frameworks', link: 'Compare' },
	{ path: '/source', heading: 'Source', link: 'Source' },
	{ path: '/stats', heading: 'Stats', link: 'Stats' },
	{ path: '/settings', heading: 'Settings', link: 'Settings' }
] as const;

export type Route = (typeof routes)[number];
