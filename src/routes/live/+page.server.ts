import type { PageServerLoad } from './$types';

// The join form is served by the live server (not prerendered), so that a wrong code comes back
// to it with the code kept and an inline error. Only known reasons are shown, never typed text.
export const prerender = false;

const reasons = {
	empty: 'Type the code shown on the facilitator’s screen.',
	format: 'A join code is six letters and numbers, for example K7P2QD. Check it and try again.',
	unknown: 'There is no live session with that code. Check the code on the screen and try again.',
	busy: 'Too many codes that do not exist were tried from this network. Wait a few minutes and try again.'
} as const;

export const load: PageServerLoad = ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const why = url.searchParams.get('error') ?? '';
	return {
		code: (url.searchParams.get('code') ?? '').replace(/[^A-Za-z0-9 -]/g, '').slice(0, 12),
		error: why in reasons ? reasons[why as keyof typeof reasons] : ''
	};
};
