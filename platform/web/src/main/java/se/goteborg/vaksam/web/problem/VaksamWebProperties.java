package se.goteborg.vaksam.web.problem;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * {@code vaksam.web.*}: request body limits. {@code max-body-bytes} applies to every path unless the
 * first matching entry of {@code body-limits} (path pattern and size) says otherwise, e.g. for a
 * register import.
 */
@ConfigurationProperties("vaksam.web")
public record VaksamWebProperties(@DefaultValue("64KB") @DataSizeUnit(DataUnit.BYTES) DataSize maxBodyBytes,
		@DefaultValue List<BodyLimit> bodyLimits) {

	public record BodyLimit(String path, @DataSizeUnit(DataUnit.BYTES) DataSize maxBytes) {
	}

}
