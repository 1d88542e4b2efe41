import { eventStream } from '$lib/server/live/hub';
import { handle, hostCookie, participantCookie, tokenFrom } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { hostState, participantState, sessionByCode } from '$lib/server/live/service';
import { LiveError } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

/** The session as server-sent events: the facilitator's view with a host token, else a participant's. */
export const GET: RequestHandler = ({ params, request, cookies, url }) =>
	handle(() => {
		const live = getLive();
		const session = sessionByCode(live, params.code);
		if (url.searchParams.get('as') === 'host') {
			const token = tokenFrom(request, cookies, hostCookie(session.code));
			if (!live.store.isHost(session.id, token))
				throw new LiveError(403, 'Only the facilitator can watch this stream.');
			return eventStream(
				live.hub,
				{ sessionId: session.id, role: 'host' },
				{ type: 'host', state: hostState(live, session) }
			);
		}
		const token = tokenFrom(request, cookies, participantCookie(session.code));
		const participant = live.store.participantByToken(session.id, token);
		if (!participant) throw new LiveError(403, 'Join the session first.');
		return eventStream(
			live.hub,
			{ sessionId: session.id, role: 'participant', participantId: participant.id },
			{ type: 'participant', state: participantState(live, session, participant) }
		);
	});
