import { json } from '@sveltejs/kit';
import { cookieCode, handle, participantCookie, tokenFrom } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import {
	broadcast,
	isParticipantOf,
	requireParticipant,
	sessionByCode
} from '$lib/server/live/service';
import { handleBody, readJson } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

export const POST: RequestHandler = ({ params, request, cookies, getClientAddress }) =>
	handle(async () => {
		const live = getLive();
		const token = tokenFrom(request, cookies, participantCookie(cookieCode(params.code)));
		const session = await sessionByCode(
			live,
			params.code,
			getClientAddress(),
			isParticipantOf(live, token)
		);
		const participant = await requireParticipant(live, session, token);
		const body = await readJson(request, handleBody);
		const handleText = live.store.rename(participant.id, body.handle);
		// Only the facilitator's cards show handles: other phones need nothing.
		broadcast(live, session.id, 'hosts');
		return json({ handle: handleText });
	});
