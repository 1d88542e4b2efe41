import { error, redirect } from '@sveltejs/kit';
import { getLesson } from '$lib/content/lessons.server';
import { cookieCode, participantCookie } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { isParticipantOf, sessionByCode } from '$lib/server/live/service';
import { LiveError } from '$lib/server/live/validation';
import type { PageServerLoad } from './$types';

export const prerender = false;

export const load: PageServerLoad = async ({ params, cookies, getClientAddress, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const live = getLive();
	const token = cookies.get(participantCookie(cookieCode(params.code)));
	try {
		const session = await sessionByCode(
			live,
			params.code,
			getClientAddress(),
			isParticipantOf(live, token)
		);
		return {
			code: session.code,
			lessonTitle: getLesson(session.lessonSlug)?.title ?? '',
			status: session.status
		};
	} catch (e) {
		if (!(e instanceof LiveError)) throw e;
		// Back to the join form, with the code kept to fix and the reason beside it.
		if (e.status === 404)
			redirect(
				303,
				`/live?${new URLSearchParams({ code: params.code.slice(0, 12), error: 'unknown' })}`
			);
		error(e.status, e.message);
	}
};
