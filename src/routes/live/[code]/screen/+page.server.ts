import { error } from '@sveltejs/kit';
import { requireHost } from '$lib/server/live/host';
import { qrImage } from '$lib/server/live/qr';
import { screenState } from '$lib/server/live/service';
import { LiveError } from '$lib/server/live/validation';
import type { PageServerLoad } from './$types';

export const prerender = false;

/** The audience screen: opened by the facilitator (host key), shown to the room. */
export const load: PageServerLoad = async (event) => {
	const { params, url } = event;
	event.setHeaders({ 'cache-control': 'private, no-store' });
	let host;
	try {
		host = await requireHost(event, 'Only the facilitator can open the screen of this session.');
	} catch (e) {
		if (!(e instanceof LiveError)) throw e;
		if (e.status === 404) error(404, `There is no live session with the code “${params.code}”.`);
		error(e.status, e.message);
	}
	const { live, session } = host;
	const joinUrl = `${url.origin}/live/${session.code}`;
	return {
		code: session.code,
		joinHost: `${url.host}/live`,
		qrSrc: await qrImage(joinUrl),
		initial: screenState(live, session)
	};
};
