import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { getLesson } from '$lib/content/lessons.server';
import { hostCookie } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { lessonItems } from '$lib/server/live/lesson-items';
import { hostState } from '$lib/server/live/service';
import { normaliseCode } from '$lib/server/live/validation';
import type { PageServerLoad } from './$types';

export const prerender = false;

export const load: PageServerLoad = async ({ params, cookies, url }) => {
	const live = getLive();
	const code = normaliseCode(params.code);
	const session = code ? live.store.findByCode(code) : undefined;
	if (!session) error(404, `There is no live session with the code “${params.code}”.`);
	if (!live.store.isHost(session.id, cookies.get(hostCookie(session.code))))
		error(403, 'Only the facilitator who started this session can open its controls.');
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
