import { json } from '@sveltejs/kit';
import { requireHost } from '$lib/server/live/host';
import { handle } from '$lib/server/live/http';
import type { RequestHandler } from './$types';

export const prerender = false;

/** Deletes the session and every response in it, and closes everyone's stream. */
export const DELETE: RequestHandler = (event) =>
	handle(async () => {
		const { live, session } = await requireHost(event);
		live.store.deleteSession(session.id);
		live.hub.end(session.id);
		return json({ deleted: true });
	});
