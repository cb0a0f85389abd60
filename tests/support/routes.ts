// Every page of the app, with the h1 it shows. Browser tests that must cover every route use this.
export const routes = [
	{ path: '/', heading: 'Today' },
	{ path: '/review', heading: 'Review' },
	{ path: '/quiz', heading: 'Quiz' },
	{ path: '/browse', heading: 'Browse' },
	{ path: '/stats', heading: 'Stats' },
	{ path: '/settings', heading: 'Settings' }
] as const;

export type Route = (typeof routes)[number];
