// Every route is prerendered: the build is a folder any static host can serve.
export const prerender = true;
export const trailingSlash = 'never';
