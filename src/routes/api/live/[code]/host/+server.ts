import { json } from '@sveltejs/kit';
import { requireHost } from '$lib/server/live/host';
import { handle } from '$lib/server/live/http';
import { lessonItems } from '$lib/server/live/lesson-items';
import { broadcast } from '$lib/server/live/service';
import { LiveError, hostBody, readJson } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

/**
 * The facilitator's controls: push an item (or "waiting"), reveal the answer, hide one response or
 * all of them, close answers, lock the room to newcomers, end the session.
 */
export const POST: RequestHandler = (event) =>
	handle(async () => {
		const { live, session } = await requireHost(event);
		const body = await readJson(event.request, hostBody);
		if (session.status === 'ended' && body.action !== 'hide' && body.action !== 'hide-all')
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
