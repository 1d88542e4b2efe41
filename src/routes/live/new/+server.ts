import { error, redirect } from '@sveltejs/kit';
import { getLesson } from '$lib/content/lessons.server';
import { hostCookie, setTokenCookie } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { startSession } from '$lib/server/live/start';
import { LiveError } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

/** The facilitator guide's "Start a live session" form: works without JavaScript. */
export const POST: RequestHandler = async ({ request, cookies, url, getClientAddress }) => {
	const form = await request.formData();
	const live = getLive();
	let code: string;
	try {
		const { session, hostToken } = startSession(
			live,
			getLesson(String(form.get('lesson') ?? '')),
			getClientAddress()
		);
		setTokenCookie(cookies, url, hostCookie(session.code), hostToken, live.retentionMs);
		code = session.code;
	} catch (e) {
		if (e instanceof LiveError) error(e.status, e.message);
		throw e;
	}
	redirect(303, `/live/${code}/host`);
};
