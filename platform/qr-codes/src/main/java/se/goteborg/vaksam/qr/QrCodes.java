package se.goteborg.vaksam.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes drawn on the server (ZXing): as SVG, one path of dark modules with no script, no style and nothing
 * fetched, so a page's CSP stays as strict as it is; and as a PNG file for those who need a picture. Nothing is kept
 * or logged: the texts are often secrets (an authenticator's seed, a member's enrolment link).
 */
public final class QrCodes {

	/** Light modules around the code, as the standard asks. */
	public static final int QUIET_ZONE = 4;

	private static final int BLACK = 0xff000000;

	private static final int WHITE = 0xffffffff;

	private QrCodes() {
	}

	/** The SVG element, for a page that gives it the accessible name {@code titleId} points at. */
	public static String svg(String text, String titleId, String title) {
		BitMatrix modules = modules(text);
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

	/** A stand-alone SVG file (UTF-8) of the same drawing, titled {@code title}. */
	public static byte[] svgFile(String text, String title) {
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(text, "title", title) + "\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A black-and-white PNG file with {@code modulePixels} pixels to a module's side, the quiet zone included: about
	 * 10 gives a picture that prints sharp at the size of a hand.
	 */
	public static byte[] png(String text, int modulePixels) {
		if (modulePixels < 1) {
			throw new IllegalArgumentException("A module needs at least one pixel");
		}
		BitMatrix modules = modules(text);
		int side = (modules.getWidth() + 2 * QUIET_ZONE) * modulePixels;
		BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				int moduleX = x / modulePixels - QUIET_ZONE;
				int moduleY = y / modulePixels - QUIET_ZONE;
				boolean dark = moduleX >= 0 && moduleY >= 0 && moduleX < modules.getWidth()
						&& moduleY < modules.getHeight() && modules.get(moduleX, moduleY);
				image.setRGB(x, y, dark ? BLACK : WHITE);
			}
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Writing a PNG to memory failed", ex);
		}
		return png.toByteArray();
	}

	private static BitMatrix modules(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot draw a QR code of this text", ex);
		}
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
