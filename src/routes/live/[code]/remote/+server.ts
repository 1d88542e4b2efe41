import { error, redirect } from '@sveltejs/kit';
import { hostCookie, setTokenCookie } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { sessionByCode } from '$lib/server/live/service';
import { LiveError } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

/**
 * Opens the facilitator's console on a second device: the link from the console carries the host
 * key; a right key becomes this browser's host cookie and the key leaves the address at once.
 */
export const GET: RequestHandler = async ({ params, url, cookies, getClientAddress }) => {
	const live = getLive();
	const key = url.searchParams.get('key') ?? '';
	let code: string;
	try {
		const session = await sessionByCode(live, params.code, getClientAddress(), (s) =>
			live.store.isHost(s.id, key)
		);
		if (!live.store.isHost(session.id, key))
			throw new LiveError(403, 'That link does not open this session’s controls.');
		setTokenCookie(cookies, url, hostCookie(session.code), key, session.expiresAt - Date.now());
		code = session.code;
	} catch (e) {
		if (e instanceof LiveError) error(e.status, e.message);
		throw e;
	}
	redirect(303, `/live/${code}/host`);
};
