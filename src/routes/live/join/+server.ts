import { redirect } from '@sveltejs/kit';
import { getLive } from '$lib/server/live/instance';
import { sessionByCode } from '$lib/server/live/service';
import { LiveError, normaliseCode } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

/**
 * The join form on /live sends the typed code here: a code of a session goes to it; anything else
 * goes back to the form with the code kept and the reason, so it can be fixed there.
 */
export const GET: RequestHandler = async ({ url, getClientAddress }) => {
	const typed = (url.searchParams.get('code') ?? '').trim().slice(0, 12);
	const back = (error: string) =>
		redirect(303, `/live?${new URLSearchParams({ code: typed, error })}`);
	if (!typed) back('empty');
	const code = normaliseCode(typed);
	if (!code) back('format');
	let found: string | undefined;
	try {
		// Counts towards the unknown-code lockout, as opening /live/CODE does.
		found = (await sessionByCode(getLive(), code!, getClientAddress())).code;
	} catch (e) {
		if (!(e instanceof LiveError)) throw e;
		back(e.status === 429 ? 'busy' : 'unknown');
	}
	redirect(303, `/live/${found}`);
};
