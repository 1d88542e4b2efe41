import { json } from '@sveltejs/kit';
import { handle, hostCookie, tokenFrom } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { lessonItems } from '$lib/server/live/lesson-items';
import { broadcast, requireHost, sessionByCode } from '$lib/server/live/service';
import { LiveError, hostBody, readJson } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

/** The facilitator's controls: push an item (or "waiting"), reveal the answer, hide a response. */
export const POST: RequestHandler = ({ params, request, cookies }) =>
	handle(async () => {
		const live = getLive();
		const session = sessionByCode(live, params.code);
		requireHost(live, session, tokenFrom(request, cookies, hostCookie(session.code)));
		const body = await readJson(request, hostBody);
		if (body.action === 'push') {
			const item = body.itemKey
				? lessonItems(session.lessonSlug).find((i) => i.key === body.itemKey)
				: null;
			if (item === undefined) throw new LiveError(404, 'This lesson has no such item.');
			live.store.push(session.id, item);
		} else if (body.action === 'reveal') {
			live.store.reveal(session.id, body.revealed);
		} else {
			live.store.hide(session.id, body.itemKey, body.participantId, body.hidden);
		}
		broadcast(live, session.id);
		return json({ ok: true });
	});
