import { json } from '@sveltejs/kit';
import { cookieCode, handle, hostCookie, tokenFrom } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { isHostOf, requireHost, sessionByCode } from '$lib/server/live/service';
import type { RequestHandler } from './$types';

export const prerender = false;

/** Deletes the session and every response in it, and closes everyone's stream. */
export const DELETE: RequestHandler = ({ params, request, cookies, getClientAddress }) =>
	handle(async () => {
		const live = getLive();
		const token = tokenFrom(request, cookies, hostCookie(cookieCode(params.code)));
		const session = await sessionByCode(
			live,
			params.code,
			getClientAddress(),
			isHostOf(live, token)
		);
		requireHost(live, session, token);
		live.store.deleteSession(session.id);
		live.hub.end(session.id);
		return json({ deleted: true });
	});
