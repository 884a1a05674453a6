package se.goteborg.vaksam.intake.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReceiptCodesTest {

    @Test
    void codesAreSixteenCrockfordSymbolsInGroupsOfFour() {
        IntStream.range(0, 1000).mapToObj(i -> ReceiptCodes.generate()).forEach(code -> {
            assertThat(code).matches("VK(-[0-9A-HJKMNP-TV-Z]{4}){4}");
            assertThat(ReceiptCodes.normalize(code)).contains(code);
        });
    }

    @Test
    void everySymbolOccursSoAllEightyBitsAreUsed() {
        Set<Character> seen = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = ReceiptCodes.generate();
            codes.add(code);
            code.substring(3).replace("-", "").chars().forEach(c -> seen.add((char) c));
        }
        assertThat(codes).hasSize(2000);
        assertThat(seen).hasSize(32);
    }

    @Test
    void typedCodesAreForgiven() {
        assertThat(ReceiptCodes.normalize("vk-7k3m-q9xw-2hbd-0rta")).contains("VK-7K3M-Q9XW-2HBD-0RTA");
        assertThat(ReceiptCodes.normalize("7K3M Q9XW 2HBD ORTA")).contains("VK-7K3M-Q9XW-2HBD-0RTA");
        assertThat(ReceiptCodes.normalize("VK7K3MQ9XW2HBD0RTA")).contains("VK-7K3M-Q9XW-2HBD-0RTA");
        assertThat(ReceiptCodes.normalize("VK-IL00-0000-0000-0000")).contains("VK-1100-0000-0000-0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "VK-", "VK-7K3M-Q9XW-2HBD", "VK-7K3M-Q9XW-2HBD-0RTA-0000", "VK-7K3M-Q9XW-2HBD-0RTU",
            "VK-7K3M-Q9XW-2HBD-0RT!", "VK-ÅÄÖ0-0000-0000-0000"})
    void anythingElseIsNoCode(String typed) {
        assertThat(ReceiptCodes.normalize(typed)).isEmpty();
    }
}
