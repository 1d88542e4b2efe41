import { json } from '@sveltejs/kit';
import { handle, participantCookie, tokenFrom } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { broadcast, requireParticipant, sessionByCode } from '$lib/server/live/service';
import { handleBody, readJson } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

export const POST: RequestHandler = ({ params, request, cookies }) =>
	handle(async () => {
		const live = getLive();
		const session = sessionByCode(live, params.code);
		const token = tokenFrom(request, cookies, participantCookie(session.code));
		const participant = requireParticipant(live, session, token);
		const body = await readJson(request, handleBody);
		const handleText = live.store.rename(participant.id, body.handle);
		// The facilitator's cards show handles, so they refresh.
		broadcast(live, session.id);
		return json({ handle: handleText });
	});
