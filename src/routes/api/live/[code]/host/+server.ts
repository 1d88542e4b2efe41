import { json } from '@sveltejs/kit';
import { requireHost } from '$lib/server/live/host';
import { handle } from '$lib/server/live/http';
import { lessonItems } from '$lib/server/live/lesson-items';
import { broadcast } from '$lib/server/live/service';
import { LiveError, hostBody, readJson } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

/**
 * The facilitator's controls: push an item (or "waiting"), show its results, reveal the answer,
 * approve, reject (delete) or hide a response, a countdown, anonymity and pre-moderation, close
 * answers, lock the room to newcomers, end the session.
 */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const { live, session } = await requireHost(event);
		const body = await readJson(event.request, hostBody);
		const tidying = ['hide', 'hide-all', 'approve', 'reject', 'anonymous'].includes(body.action);
		if (session.status === 'ended' && !tidying)
			throw new LiveError(409, 'This session has ended. Export the results or delete it.');
		// What participants see changes with a push, a reveal or closing answers; the rest is the
		// facilitator's own view.
		let scope: 'all' | 'hosts' = 'hosts';
		switch (body.action) {
			case 'push': {
				const item = body.itemKey
					? lessonItems(session.lessonSlug).find((i) => i.key === body.itemKey)
					: null;
				if (item === undefined) throw new LiveError(404, 'This lesson has no such item.');
				live.store.push(session.id, item);
				scope = 'all';
				break;
			}
			case 'reveal':
				live.store.reveal(session.id, body.revealed);
				scope = 'all';
				break;
			case 'close':
				live.store.setClosed(session.id, body.closed);
				scope = 'all';
				break;
			case 'hide':
				live.store.hide(session.id, body.itemKey, body.participantId, body.hidden);
				break;
			case 'hide-all':
				live.store.hideAll(session.id, body.itemKey, body.hidden);
				break;
			case 'approve':
				live.store.approve(session.id, body.itemKey, body.participantId);
				break;
			case 'reject':
				live.store.reject(session.id, body.itemKey, body.participantId);
				break;
			case 'results':
				live.store.showResults(session.id, body.shown);
				break;
			case 'timer':
				live.store.setTimer(session.id, body.seconds);
				scope = 'all';
				break;
			case 'anonymous':
				live.store.setAnonymous(session.id, body.on);
				break;
			case 'moderate':
				live.store.setModerated(session.id, body.on);
				break;
			case 'lock':
				live.store.setLocked(session.id, body.locked);
				break;
			case 'end':
				live.store.end(session.id);
				live.hub.endParticipants(session.id);
				break;
		}
		broadcast(live, session.id, scope);
		return json({ ok: true }, { headers: { 'cache-control': 'private, no-store' } });
	});
