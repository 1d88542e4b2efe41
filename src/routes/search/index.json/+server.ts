import { buildSearchIndex } from '$lib/search/index.server';
import type { RequestHandler } from './$types';

// Written once at build time; the search page fetches it and searches in the browser.
export const prerender = true;

export const GET: RequestHandler = () =>
	new Response(buildSearchIndex(), {
		headers: { 'content-type': 'application/json; charset=utf-8' }
	});
