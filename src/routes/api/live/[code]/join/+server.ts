import { json } from '@sveltejs/kit';
import { handle, participantCookie, setTokenCookie, tokenFrom } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { participantState, sessionByCode } from '$lib/server/live/service';
import type { RequestHandler } from './$types';

export const prerender = false;

/** Joins, or rejoins with the token from an earlier visit: same handle, same answers. */
export const POST: RequestHandler = ({ params, request, cookies, url }) =>
	handle(() => {
		const live = getLive();
		const session = sessionByCode(live, params.code);
		const cookie = participantCookie(session.code);
		const { participant, token, rejoined } = live.store.join(
			session.id,
			tokenFrom(request, cookies, cookie)
		);
		setTokenCookie(cookies, url, cookie, token, session.expiresAt - Date.now());
		if (!rejoined)
			live.hub.toHosts(session.id, {
				type: 'participants',
				count: live.store.participantCount(session.id)
			});
		return json({ token, state: participantState(live, session, participant) });
	});
