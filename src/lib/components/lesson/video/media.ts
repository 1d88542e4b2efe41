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
