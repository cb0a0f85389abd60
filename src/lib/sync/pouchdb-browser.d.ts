// pouchdb-browser ships no types; pouch.ts types the part of its API that sync uses.
declare module 'pouchdb-browser';
