// Every user-facing string of the video component, together for translation.
export const videoStrings = {
	madeBy: (producer: string) => `Made by: ${producer}`,
	watchFor: 'What to watch for:',
	watchAtSource: (title: string) => `Watch “${title}” where it is published`,
	newTab: '(opens in a new tab)',
	declare: 'I’ve watched this',
	watched: 'Marked as watched',
	notFound: (id: string) => `Video “${id}” is not in lessons/videos.json.`,
	speed: 'Speed',
	chapters: 'Chapters',
	transcript: 'Transcript',
	searchTranscript: 'Search the transcript',
	matches: (n: number) => `${n} line${n === 1 ? '' : 's'} match`,
	noMatches: 'No lines match',
	seekTo: (time: string) => `Play from ${time}`,
	download: 'Download the video',
	play: (title: string) => `Play “${title}”`,
	providerName: { youtube: 'YouTube', vimeo: 'Vimeo' },
	providerNote: (provider: string, host: string) =>
		`This video is hosted on ${provider}. Nothing is loaded from ${provider} until you press play; then it loads from ${host}, which has its own privacy policy.`,
	watchOnProvider: (provider: string) => `Watch on ${provider}`,
	frameTitle: (title: string, provider: string) => `${title} (${provider} video player)`
};

/** The embed address and the public page of a provider video; youtube-nocookie sets no cookies until play. */
export function providerUrls(provider: 'youtube' | 'vimeo', videoId: string) {
	const id = encodeURIComponent(videoId);
	return provider === 'youtube'
		? {
				host: 'youtube-nocookie.com',
				embed: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1&rel=0`,
				page: `https://www.youtube.com/watch?v=${id}`
			}
		: {
				host: 'player.vimeo.com',
				embed: `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`,
				page: `https://vimeo.com/${id}`
			};
}

/** MIME type from a file name, for <source type>, when the registry gives none. */
export function mediaType(src: string): string | undefined {
	const ext = /\.(\w+)(?:[?#].*)?$/.exec(src)?.[1]?.toLowerCase();
	return ext === 'webm' ? 'video/webm' : ext === 'mp4' || ext === 'm4v' ? 'video/mp4' : undefined;
}
