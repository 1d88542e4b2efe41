import { eventStream } from '$lib/server/live/hub';
import { requireHost } from '$lib/server/live/host';
import { cookieCode, handle, participantCookie, tokenFrom } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import {
	hostState,
	isParticipantOf,
	broadcast,
	participantState,
	screenState,
	sessionByCode
} from '$lib/server/live/service';
import { LiveError } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

/** The session as server-sent events: the facilitator's view with a host token, else a participant's. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const { params, request, cookies, url } = event;
		const address = event.getClientAddress();
		const as = url.searchParams.get('as');
		if (as === 'screen') {
			const { live, session } = await requireHost(
				event,
				'Only the facilitator can open the screen of this session.'
			);
			return eventStream(
				live.hub,
				{ sessionId: session.id, role: 'screen', address },
				{ type: 'screen', state: screenState(live, session) }
			);
		}
		if (as === 'host') {
			const { live, session } = await requireHost(
				event,
				'Only the facilitator can watch this stream.'
			);
			return eventStream(
				live.hub,
				{ sessionId: session.id, role: 'host', address },
				{ type: 'host', state: hostState(live, session) },
				// An open facilitator screen counts as the facilitator being there.
				{ onHeartbeat: () => live.store.touchHost(session.id) }
			);
		}
		const live = getLive();
		const token = tokenFrom(request, cookies, participantCookie(cookieCode(params.code)));
		const session = await sessionByCode(live, params.code, address, isParticipantOf(live, token));
		const participant = live.store.participantByToken(session.id, token);
		if (!participant) throw new LiveError(403, 'Join the session first.');
		// After the end, a phone that reconnects is told so once, and stops.
		const ended = session.status === 'ended';
		return eventStream(
			live.hub,
			{ sessionId: session.id, role: 'participant', participantId: participant.id, address },
			ended
				? { type: 'ended' }
				: { type: 'participant', state: participantState(live, session, participant) },
			// The facilitator's count is of phones connected now.
			{ endAfterFirst: ended, onPresence: () => broadcast(live, session.id, 'hosts') }
		);
	});
