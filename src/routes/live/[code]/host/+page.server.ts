import { error } from '@sveltejs/kit';
import { getLesson } from '$lib/content/lessons.server';
import { requireHost } from '$lib/server/live/host';
import { cookieCode, hostCookie, tokenFrom } from '$lib/server/live/http';
import { lessonItems } from '$lib/server/live/lesson-items';
import { qrImage } from '$lib/server/live/qr';
import { hostState } from '$lib/server/live/service';
import { LiveError } from '$lib/server/live/validation';
import type { PageServerLoad } from './$types';

export const prerender = false;

export const load: PageServerLoad = async (event) => {
	const { params, url } = event;
	// The page carries the session's responses and its host key: never kept by a cache.
	event.setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' });
	let host;
	try {
		host = await requireHost(
			event,
			'Only the facilitator who started this session can open its controls.'
		);
	} catch (e) {
		if (!(e instanceof LiveError)) throw e;
		if (e.status === 404) error(404, `There is no live session with the code “${params.code}”.`);
		error(e.status, e.message);
	}
	const { live, session } = host;
	const joinUrl = `${url.origin}/live/${session.code}`;
	// The console on a second device (the facilitator's phone): a link carrying the host key, shown
	// only here, never on the audience screen.
	const key = tokenFrom(event.request, event.cookies, hostCookie(cookieCode(params.code))) ?? '';
	const remoteUrl = `${url.origin}/live/${session.code}/remote?key=${encodeURIComponent(key)}`;
	return {
		code: session.code,
		joinUrl,
		remoteUrl,
		remoteQr: await qrImage(remoteUrl),
		lesson: { slug: session.lessonSlug, title: getLesson(session.lessonSlug)?.title ?? '' },
		items: lessonItems(session.lessonSlug),
		initial: hostState(live, session)
	};
};
