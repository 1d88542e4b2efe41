import { error, redirect } from '@sveltejs/kit';
import { getLesson } from '$lib/content/lessons.server';
import { hostCookie, setTokenCookie } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { startSession } from '$lib/server/live/start';
import { LiveError } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/** The lesson a "Start a live session" form names, or a 400 that says what was wrong. */
async function lessonField(request: Request): Promise<string> {
	if (!formTypes.test(request.headers.get('content-type') ?? ''))
		error(400, 'Start a live session from the button in a facilitator guide.');
	try {
		const lesson = (await request.formData()).get('lesson');
		if (typeof lesson === 'string' && lesson.length > 0 && lesson.length <= 100) return lesson;
	} catch {
		// A broken form body: answered below like a missing field.
	}
	error(400, 'That form did not say which lesson to run. Start from a facilitator guide.');
}

/** The facilitator guide's "Start a live session" form: works without JavaScript. */
export const POST: RequestHandler = async ({ request, cookies, url, getClientAddress }) => {
	const lesson = await lessonField(request);
	const live = getLive();
	let code: string;
	try {
		const { session, hostToken } = await startSession(live, getLesson(lesson), getClientAddress());
		setTokenCookie(cookies, url, hostCookie(session.code), hostToken, live.retentionMs);
		code = session.code;
	} catch (e) {
		if (e instanceof LiveError) error(e.status, e.message);
		throw e;
	}
	redirect(303, `/live/${code}/host`);
};
