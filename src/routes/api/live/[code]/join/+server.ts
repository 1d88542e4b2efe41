import { json } from '@sveltejs/kit';
import {
	cookieCode,
	handle,
	participantCookie,
	setTokenCookie,
	tokenFrom
} from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import {
	broadcast,
	isParticipantOf,
	joinSession,
	participantState,
	sessionByCode
} from '$lib/server/live/service';
import type { RequestHandler } from './$types';

export const prerender = false;

/** Joins, or rejoins with the token from an earlier visit: same handle, same answers. */
export const POST: RequestHandler = ({ params, request, cookies, url, getClientAddress }) =>
	handle(async () => {
		const live = getLive();
		const address = getClientAddress();
		const cookie = participantCookie(cookieCode(params.code));
		const known = tokenFrom(request, cookies, cookie);
		const session = await sessionByCode(live, params.code, address, isParticipantOf(live, known));
		const { participant, token, rejoined } = await joinSession(live, session, known, address);
		setTokenCookie(cookies, url, cookie, token, session.expiresAt - Date.now());
		// The facilitator's "joined" count; "connected now" follows when the phone's stream opens.
		if (!rejoined) broadcast(live, session.id, 'hosts');
		return json(
			{ token, state: participantState(live, session, participant) },
			{ headers: { 'cache-control': 'private, no-store' } }
		);
	});
