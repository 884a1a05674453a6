package se.goteborg.vaksam.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;

class QrCodesTest {

	private static final String URI = "otpauth://totp/Vaksam:police-duty?secret=VAKSAMPOLICEDUTYDEMOTOTPSECRET22"
			+ "&issuer=Vaksam&algorithm=SHA1&digits=6&period=30";

	@Test
	void theSvgReadsBackAsTheUri() throws Exception {
		String svg = QrCodes.svg(URI, "qr-title", "QR code <for> the app");

		assertThat(svg).startsWith("<svg ").contains("role=\"img\"", "aria-labelledby=\"qr-title\"",
				"<title id=\"qr-title\">QR code &lt;for&gt; the app</title>").doesNotContain("style", "script");
		int size = Integer.parseInt(between(svg, "viewBox=\"0 0 ", " "));
		BitMatrix modules = new BitMatrix(size - 8);
		Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(between(svg, " d=\"", "\""));
		while (module.find()) {
			modules.set(Integer.parseInt(module.group(1)) - 4, Integer.parseInt(module.group(2)) - 4);
		}
		assertThat(new Decoder().decode(modules).getText()).isEqualTo(URI);
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}

}
