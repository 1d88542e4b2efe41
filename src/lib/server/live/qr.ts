import QRCode from 'qrcode';

/**
 * A QR code for a URL as an image source: our own SVG, generated from the URL (no participant text
 * goes into it), shown as an image rather than injected as markup.
 */
export async function qrImage(url: string): Promise<string> {
	const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
