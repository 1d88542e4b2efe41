import { json } from '@sveltejs/kit';
import { cookieCode, handle, participantCookie, tokenFrom } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import {
	broadcast,
	isParticipantOf,
	requireParticipant,
	sessionByCode
} from '$lib/server/live/service';
import { answerBody, readJson } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

/** One answer per participant per item, to the current item only; answering again changes it. */
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
		const body = await readJson(request, answerBody);
		const response = live.store.answer(session.id, participant.id, body.itemKey, body.answer);
		// Only the facilitator's screen needs each answer as it comes.
		live.hub.toHosts(session.id, { type: 'answer', response });
		// The screen's count of answers (and its results, when shown) follow, coalesced.
		if (live.hub.clients(session.id).some((c) => c.role === 'screen'))
			broadcast(live, session.id, 'hosts');
		return json({ answer: response.answer });
	});
