// What the live routes do, between the HTTP layer (thin routes) and the store and hub.
import type {
	HostState,
	LiveItem,
	ParticipantState,
	PublicItem,
	StreamEvent
} from '$lib/live/types';
import { tallyOf } from '$lib/live/types';
import type { LiveHub } from './hub';
import type { RateLimiter } from './rate-limit';
import type { LiveSession, LiveStore, Participant } from './store';
import { LiveError, normaliseCode } from './validation';

export interface Live {
	store: LiveStore;
	hub: LiveHub;
	/** Answers and handle changes, per participant. */
	participantLimit: RateLimiter;
	/** Session starts, per client address. */
	createLimit: RateLimiter;
	retentionMs: number;
}

export function sessionByCode(live: Live, rawCode: string): LiveSession {
	const code = normaliseCode(rawCode);
	const session = code && live.store.findByCode(code);
	if (!session) throw new LiveError(404, 'There is no live session with that code.');
	return session;
}

export function requireHost(live: Live, session: LiveSession, token: string | undefined): void {
	if (!live.store.isHost(session.id, token))
		throw new LiveError(403, 'Only the facilitator who started this session can do that.');
}

export function requireParticipant(
	live: Live,
	session: LiveSession,
	token: string | undefined
): Participant {
	const participant = live.store.participantByToken(session.id, token);
	if (!participant) throw new LiveError(403, 'Join the session first.');
	if (!live.participantLimit.take(participant.id))
		throw new LiveError(429, 'That was a lot of answers at once. Wait a moment and try again.');
	return participant;
}

function publicItem(item: LiveItem): PublicItem {
	if (item.kind === 'prompt') return item;
	const { key, kind, title, prompt, options, multiple } = item;
	return { key, kind, title, prompt, options, multiple };
}

export function hostState(live: Live, session: LiveSession): HostState {
	return {
		code: session.code,
		lessonSlug: session.lessonSlug,
		current: session.current,
		revealed: session.revealed,
		participants: live.store.participantCount(session.id),
		responses: session.current ? live.store.responses(session.id, session.current.key) : [],
		expiresAt: session.expiresAt
	};
}

export function participantState(
	live: Live,
	session: LiveSession,
	participant: Participant
): ParticipantState {
	const item = session.current;
	const state: ParticipantState = {
		code: session.code,
		participantId: participant.id,
		handle: participant.handle,
		current: item && publicItem(item),
		revealed: session.revealed,
		myAnswer: item
			? (live.store.response(session.id, item.key, participant.id)?.answer ?? null)
			: null
	};
	if (item?.kind === 'question' && session.revealed) {
		state.correct = item.correct;
		state.explanation = item.explanation;
		state.tally = tallyOf(item, live.store.responses(session.id, item.key));
	}
	return state;
}

/** Sends everyone in a session their own view of it, after a push, a reveal or a hide. */
export function broadcast(live: Live, sessionId: string): void {
	const session = live.store.getSession(sessionId);
	if (!session) return live.hub.end(sessionId);
	const clients = live.hub.clients(sessionId);
	if (clients.length === 0) return;
	const host: StreamEvent = { type: 'host', state: hostState(live, session) };
	for (const client of clients) {
		if (client.role === 'host') client.send(host);
		else if (client.participantId) {
			const participant = live.store.participantById(client.participantId);
			if (participant)
				client.send({
					type: 'participant',
					state: participantState(live, session, participant)
				});
		}
	}
}
