package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void onlyWhatIsShapedLikeACodeIsCountedAsOne() {
        assertThat(Codes.code("NO_ACTION")).isEqualTo("NO_ACTION");
        assertThat(Codes.code("Ringde Anna på 070-123 45 67")).isEqualTo(Codes.OTHER);
        assertThat(Codes.code("acted")).isEqualTo(Codes.OTHER);
        assertThat(Codes.code(null)).isEqualTo(Codes.OTHER);
    }

    @Test
    void anIdThatCannotBeAFieldNameIsStoredByItsHash() {
        assertThat(Codes.key("3f2a9c1e-7d4b-4c2e-9a51-0b8d6f1e2a73")).isEqualTo("3f2a9c1e-7d4b-4c2e-9a51-0b8d6f1e2a73");
        assertThat(Codes.key("a.b")).startsWith("h-").hasSize(66).isEqualTo(Codes.key("a.b"));
        assertThat(Codes.key("$where")).startsWith("h-").isNotEqualTo(Codes.key("a.b"));
    }
}
