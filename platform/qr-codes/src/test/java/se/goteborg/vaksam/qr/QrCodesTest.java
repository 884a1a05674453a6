package se.goteborg.vaksam.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.Decoder;

class QrCodesTest {

	private static final String URI = "otpauth://totp/Vaksam:police-duty?secret=VAKSAMPOLICEDUTYDEMOTOTPSECRET22"
			+ "&issuer=Vaksam&algorithm=SHA1&digits=6&period=30";

	private static final String ENROLMENT_LINK = "https://vaksam.goteborg.se/intake/enrol/"
			+ "vk_8bT2Jm0Yx3QeRk9WnVfLpA7sUcGdHiZo1NtE5yMqKrw";

	@Test
	void theSvgReadsBackAsTheUri() throws Exception {
		String svg = QrCodes.svg(URI, "qr-title", "QR code <for> the app");

		assertThat(svg).startsWith("<svg ").contains("role=\"img\"", "aria-labelledby=\"qr-title\"",
				"<title id=\"qr-title\">QR code &lt;for&gt; the app</title>").doesNotContain("style", "script");
		assertThat(decodeSvg(svg)).isEqualTo(URI);
	}

	@Test
	void theSvgFileIsAStandAloneDocumentOfTheSameDrawing() throws Exception {
		String file = new String(QrCodes.svgFile(ENROLMENT_LINK, "Enrolment link"), StandardCharsets.UTF_8);

		assertThat(file).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"")
			.contains("<title id=\"title\">Enrolment link</title>");
		assertThat(decodeSvg(file)).isEqualTo(ENROLMENT_LINK);
	}

	@Test
	void thePngReadsBackAsTheLinkWithModulesOfTheSizeAsked() throws Exception {
		byte[] png = QrCodes.png(ENROLMENT_LINK, 10);

		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int modules = decodeSvgModules(QrCodes.svg(ENROLMENT_LINK, "t", "t")).getWidth();
		assertThat(image.getWidth()).isEqualTo(image.getHeight()).isEqualTo((modules + 2 * QrCodes.QUIET_ZONE) * 10);
		assertThat(image.getRGB(0, 0)).as("the quiet zone is light").isEqualTo(0xffffffff);
		assertThat(image.getRGB(QrCodes.QUIET_ZONE * 10, QrCodes.QUIET_ZONE * 10))
			.as("a finder pattern's corner is dark").isEqualTo(0xff000000);
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		// Read as a picture of the code alone: ZXing's camera-side finder misses the odd flawless symbol (this link's
		// among them, at every size), which says nothing about the picture.
		assertThat(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true)).getText())
			.isEqualTo(ENROLMENT_LINK);
	}

	@Test
	void aModuleNeedsAPixel() {
		assertThatIllegalArgumentException().isThrownBy(() -> QrCodes.png(ENROLMENT_LINK, 0));
	}

	/** The SVG's dark modules as ZXing's decoder reads them, the quiet zone taken off. */
	private static String decodeSvg(String svg) throws Exception {
		return new Decoder().decode(decodeSvgModules(svg)).getText();
	}

	private static BitMatrix decodeSvgModules(String svg) {
		int size = Integer.parseInt(between(svg, "viewBox=\"0 0 ", " "));
		BitMatrix modules = new BitMatrix(size - 2 * QrCodes.QUIET_ZONE);
		Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(between(svg, " d=\"", "\""));
		while (module.find()) {
			modules.set(Integer.parseInt(module.group(1)) - QrCodes.QUIET_ZONE,
					Integer.parseInt(module.group(2)) - QrCodes.QUIET_ZONE);
		}
		return modules;
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}

}
