package io.adclick.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TestFields {
    @Property(tries = 2000)
    void identifierCheckAgreesWithTheContractPattern(@ForAll String value) {
        assertThat(Fields.isIdentifier(value))
                .isEqualTo(Fields.IDENTIFIER.matcher(value).matches());
    }

    @Test
    void identifiersAreOneToSixtyFourAllowedCharacters() {
        assertThat(Fields.isIdentifier("cmp_1.a:b-C")).isTrue();
        assertThat(Fields.isIdentifier("x".repeat(64))).isTrue();
        assertThat(Fields.isIdentifier("x".repeat(65))).isFalse();
        assertThat(Fields.isIdentifier("")).isFalse();
        assertThat(Fields.isIdentifier("a b")).isFalse();
        assertThat(Fields.isIdentifier("é")).isFalse();
        assertThat(Fields.isIdentifier(null)).isFalse();
    }

    @Test
    void invalidIdentifierNamesFieldAndValue() {
        assertThatThrownBy(() -> Fields.identifier("campaign_id", "no/slash"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("Invalid campaign_id: \"no/slash\" (must be 1-64 characters of [A-Za-z0-9_.:-])");
    }

    @Test
    void negativeMicrosAreRefused() {
        assertThatThrownBy(() -> Fields.micros("cpc", -1)).hasMessageContaining("cpc");
    }
}
