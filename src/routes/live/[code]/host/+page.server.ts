import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { getLesson } from '$lib/content/lessons.server';
import { requireHost } from '$lib/server/live/host';
import { lessonItems } from '$lib/server/live/lesson-items';
import { hostState } from '$lib/server/live/service';
import { LiveError } from '$lib/server/live/validation';
import type { PageServerLoad } from './$types';

export const prerender = false;

export const load: PageServerLoad = async (event) => {
	const { params, url } = event;
	// The page carries the session's responses: never kept by a browser or proxy cache.
	event.setHeaders({ 'cache-control': 'private, no-store' });
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
	// Our own SVG, generated from the URL: no participant text goes into it. Shown as an image, not
	// injected as markup, so no page needs the runtime's {@html} code.
	const qrSvg = await QRCode.toString(joinUrl, {
		type: 'svg',
		margin: 1,
		errorCorrectionLevel: 'M'
	});
	const qrSrc = `data:image/svg+xml,${encodeURIComponent(qrSvg)}`;
	return {
		code: session.code,
		joinUrl,
		qrSrc,
		lesson: { slug: session.lessonSlug, title: getLesson(session.lessonSlug)?.title ?? '' },
		items: lessonItems(session.lessonSlug),
		initial: hostState(live, session)
	};
};
