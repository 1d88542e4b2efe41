import { json } from '@sveltejs/kit';
import { handle, hostCookie, tokenFrom } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { requireHost, sessionByCode } from '$lib/server/live/service';
import type { RequestHandler } from './$types';

export const prerender = false;

/** Deletes the session and every response in it, and closes everyone's stream. */
export const DELETE: RequestHandler = ({ params, request, cookies }) =>
	handle(() => {
		const live = getLive();
		const session = sessionByCode(live, params.code);
		requireHost(live, session, tokenFrom(request, cookies, hostCookie(session.code)));
		live.store.deleteSession(session.id);
		live.hub.end(session.id);
		return json({ deleted: true });
	});
