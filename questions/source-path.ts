/**
 * Where the bank's one source is, relative to the repository root (the build and the tests run
 * there). Its own module, so the app's prerendering reads the source without loading the
 * generator.
 */
export const SOURCE = 'questions/source/japans-security-policy-2016.txt';
