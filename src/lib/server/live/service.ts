// What the live routes do, between the HTTP layer (thin routes) and the store and hub.
import type {
	HostState,
	LiveItem,
	LiveResponse,
	ParticipantState,
	PublicItem,
	ScreenState
} from '$lib/live/types';
import { tallyOf } from '$lib/live/types';
import { waitText, type Admission } from './admission';
import { frame, type LiveHub } from './hub';
import type { LiveSession, LiveStore, Participant } from './store';
import { LiveError, normaliseCode } from './validation';

export interface Live {
	store: LiveStore;
	hub: LiveHub;
	admission: Admission;
	retentionMs: number;
	/** Changes within this many milliseconds reach the streams as one update. */
	coalesceMs: number;
	/** Sessions with an update waiting, and whether it is for everyone or for the hosts only. */
	pending: Map<string, 'all' | 'hosts'>;
}

/**
 * The session a code names. An address that keeps asking for codes that do not exist is locked
 * out for longer and longer; a request that already belongs to the session (`member`: it carries
 * the session's host or participant token) is never locked out, so a guesser on a venue's shared
 * network cannot lock the room out of its own session.
 */
export async function sessionByCode(
	live: Live,
	rawCode: string,
	address: string,
	member: (session: LiveSession) => boolean = () => false
): Promise<LiveSession> {
	const code = normaliseCode(rawCode);
	const session = code ? live.store.findByCode(code) : undefined;
	if (session && member(session)) return session;
	const lockedFor = await live.admission.unknownCodes.lockedFor(address);
	if (lockedFor > 0) throw lockedOut(lockedFor);
	if (session) return session;
	const verdict = await live.admission.unknownCodes.miss(address);
	if (!verdict.allowed) throw lockedOut(verdict.retryAfterS);
	throw new LiveError(404, 'There is no live session with that code.');
}

function lockedOut(seconds: number): LiveError {
	return new LiveError(
		429,
		`Too many codes that do not exist were tried from this network. Try again in ${waitText(seconds)}.`,
		seconds
	);
}

export const isParticipantOf = (live: Live, token: string | undefined) => (session: LiveSession) =>
	live.store.participantByToken(session.id, token) !== undefined;

export async function requireParticipant(
	live: Live,
	session: LiveSession,
	token: string | undefined
): Promise<Participant> {
	const participant = live.store.participantByToken(session.id, token);
	if (!participant) throw new LiveError(403, 'Join the session first.');
	const verdict = await live.admission.actions.take(participant.id);
	if (!verdict.allowed)
		throw new LiveError(
			429,
			'That was a lot of answers at once. Wait a moment and try again.',
			verdict.retryAfterS
		);
	return participant;
}

const closedMessages = {
	ended: 'This session has ended. Thank you for taking part.',
	idle: 'This session is no longer taking new participants: the facilitator has not been active for a while.',
	locked: 'The facilitator has closed this session to new participants.'
};

/** Rejoins with a known token, or admits a new participant within the session's and address's limits. */
export async function joinSession(
	live: Live,
	session: LiveSession,
	token: string | undefined,
	address: string
): Promise<{ participant: Participant; token: string; rejoined: boolean }> {
	const known = live.store.participantByToken(session.id, token);
	if (known && token) return { participant: known, token, rejoined: true };
	if (session.status !== 'open') throw new LiveError(409, closedMessages[session.status]);
	// The address first, so that one busy address does not use up the session's allowance.
	const fromHere = await live.admission.joinsPerAddress.take(address);
	if (!fromHere.allowed)
		throw new LiveError(
			429,
			`Many people have joined from this network in the last minute. Try again in ${waitText(fromHere.retryAfterS)}.`,
			fromHere.retryAfterS
		);
	const intoSession = await live.admission.joinsPerSession.take(session.id);
	if (!intoSession.allowed)
		throw new LiveError(
			429,
			`Many people are joining this session at once. Try again in ${waitText(intoSession.retryAfterS)}.`,
			intoSession.retryAfterS
		);
	return live.store.join(session.id);
}

/** A question as phones get it before the reveal: named fields only, so no answer can slip in. */
export function publicItem(item: LiveItem): PublicItem {
	if (item.kind === 'prompt') return item;
	const { key, kind, title, scenario, prompt, options, multiple } = item;
	return { key, kind, title, ...(scenario ? { scenario } : {}), prompt, options, multiple };
}

export function hostState(live: Live, session: LiveSession, responses?: LiveResponse[]): HostState {
	return {
		code: session.code,
		lessonSlug: session.lessonSlug,
		current: session.current,
		revealed: session.revealed,
		resultsShown: session.resultsShown,
		endsAt: session.endsAt,
		anonymous: session.anonymous,
		moderated: session.moderated,
		now: Date.now(),
		participants: live.hub.connected(session.id),
		joined: live.store.participantCount(session.id),
		responses:
			responses ?? (session.current ? live.store.responses(session.id, session.current.key) : []),
		expiresAt: session.expiresAt,
		status: session.status,
		closed: session.closed
	};
}

/**
 * What the audience screen shows: the item without its answer, and results, the answer and cards
 * only once the facilitator shows them. Unapproved or hidden text and, in an anonymous session,
 * handles never leave the server for that screen.
 */
export function screenState(
	live: Live,
	session: LiveSession,
	responses?: LiveResponse[]
): ScreenState {
	const item = session.current;
	const all = responses ?? (item ? live.store.responses(session.id, item.key) : []);
	const state: ScreenState = {
		code: session.code,
		current: item && publicItem(item),
		revealed: session.revealed,
		resultsShown: session.resultsShown,
		endsAt: session.endsAt,
		closed: session.closed,
		ended: session.status === 'ended',
		participants: live.hub.connected(session.id),
		answered: all.length,
		now: Date.now()
	};
	if (!item || !session.resultsShown) return state;
	if (item.kind === 'question') {
		state.tally = tallyOf(item, all);
		if (session.revealed) {
			state.correct = item.correct;
			if (item.explanation) state.explanation = item.explanation;
		}
	} else {
		state.cards = all
			.filter((r) => r.approved && !r.hidden && typeof r.answer === 'string')
			// Numbered by position, not by participant: cards cannot be linked from item to item.
			.map((r, i) => ({
				id: String(i + 1),
				text: r.answer as string,
				...(session.anonymous ? {} : { handle: r.handle })
			}));
	}
	return state;
}

/** What every participant sees of the current item, built once per update. */
function sharedView(session: LiveSession, responses: LiveResponse[]) {
	const item = session.current;
	const shared: Omit<ParticipantState, 'participantId' | 'handle' | 'myAnswer'> = {
		code: session.code,
		current: item && publicItem(item),
		revealed: session.revealed,
		closed: session.closed,
		ended: session.status === 'ended',
		endsAt: session.endsAt,
		now: Date.now()
	};
	if (item?.kind === 'question' && session.revealed) {
		shared.correct = item.correct;
		shared.explanation = item.explanation;
		shared.tally = tallyOf(item, responses);
	}
	return shared;
}

export function participantState(
	live: Live,
	session: LiveSession,
	participant: Participant
): ParticipantState {
	const item = session.current;
	const responses =
		item?.kind === 'question' && session.revealed ? live.store.responses(session.id, item.key) : [];
	return {
		...sharedView(session, responses),
		participantId: participant.id,
		handle: participant.handle,
		myAnswer: item
			? (live.store.response(session.id, item.key, participant.id)?.answer ?? null)
			: null
	};
}

/**
 * Sends everyone in a session (or only its hosts) their own view of it after a change. Changes
 * within `coalesceMs` go out as one update, so a burst of renames or hides costs one update.
 */
export function broadcast(live: Live, sessionId: string, scope: 'all' | 'hosts' = 'all'): void {
	const waiting = live.pending.get(sessionId);
	if (waiting) {
		if (scope === 'all') live.pending.set(sessionId, 'all');
		return;
	}
	live.pending.set(sessionId, scope);
	setTimeout(() => {
		const due = live.pending.get(sessionId);
		live.pending.delete(sessionId);
		if (due) flush(live, sessionId, due);
	}, live.coalesceMs).unref();
}

/** One update: the host view and each participant's view are built once, whatever the streams. */
export function flush(live: Live, sessionId: string, scope: 'all' | 'hosts'): void {
	const session = live.store.getSession(sessionId);
	if (!session) return live.hub.end(sessionId);
	const clients = live.hub.clients(sessionId);
	if (clients.length === 0) return;
	const responses = session.current ? live.store.responses(session.id, session.current.key) : [];
	if (clients.some((c) => c.role === 'host')) {
		const hostFrame = frame({ type: 'host', state: hostState(live, session, responses) });
		for (const c of clients) if (c.role === 'host') c.write(hostFrame);
	}
	// The screens follow every change the facilitator makes, and the count of answers.
	if (clients.some((c) => c.role === 'screen'))
		live.hub.toScreens(
			sessionId,
			frame({ type: 'screen', state: screenState(live, session, responses) })
		);
	if (scope === 'hosts') return;

	const streams = new Map<string, typeof clients>();
	for (const c of clients)
		if (c.role === 'participant' && c.participantId) {
			const list = streams.get(c.participantId);
			if (list) list.push(c);
			else streams.set(c.participantId, [c]);
		}
	if (streams.size === 0) return;
	const shared = sharedView(session, responses);
	const answers = new Map(responses.map((r) => [r.participantId, r.answer]));
	const handles = live.store.handles(session.id);
	for (const [participantId, list] of streams) {
		const handle = handles.get(participantId);
		if (handle === undefined) continue;
		const text = frame({
			type: 'participant',
			state: { ...shared, participantId, handle, myAnswer: answers.get(participantId) ?? null }
		});
		for (const c of list) c.write(text);
	}
}
