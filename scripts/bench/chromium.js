// Debian's Chromium and the flags it needs here (see playwright.config.ts and stack.md): headless as
// root, and no background networking, which would flood a closed network with refused connections.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
