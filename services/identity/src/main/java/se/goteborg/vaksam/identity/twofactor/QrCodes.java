package se.goteborg.vaksam.identity.twofactor;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes drawn on the server as SVG (ZXing): one path of dark modules, no script, no style, nothing fetched, so
 * the page's CSP stays as strict as it is.
 */
final class QrCodes {

	/** Light modules around the code, as the standard asks. */
	private static final int QUIET_ZONE = 4;

	private QrCodes() {
	}

	/** The SVG element, for a page that gives it the accessible name {@code titleId} points at. */
	static String svg(String text, String titleId, String title) {
		BitMatrix modules;
		try {
			modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot draw a QR code of this text", ex);
		}
		int size = modules.getWidth() + 2 * QUIET_ZONE;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < modules.getHeight(); y++) {
			for (int x = 0; x < modules.getWidth(); x++) {
				if (modules.get(x, y)) {
					path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-labelledby=\"" + titleId
				+ "\" viewBox=\"0 0 " + size + " " + size + "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\">"
				+ "<title id=\"" + titleId + "\">" + escape(title) + "</title>"
				+ "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>"
				+ "<path fill=\"#000000\" d=\"" + path + "\"/></svg>";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
