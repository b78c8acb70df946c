package io.adclick.schemas.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.schemas.InvalidFieldException;
import org.junit.jupiter.api.Test;

class TestCountries {
    @Test
    void acceptsIsoAlpha2AndUnknown() {
        assertThat(Countries.requireValid("US")).isEqualTo("US");
        assertThat(Countries.requireValid("ZZ")).isEqualTo("ZZ");
        assertThatThrownBy(() -> Countries.requireValid("us")).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> Countries.requireValid("USA")).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void headerValuesAreNormalizedAndUnknownBecomesZz() {
        assertThat(Countries.fromHeader(" de ")).isEqualTo("DE");
        assertThat(Countries.fromHeader("Narnia")).isEqualTo("ZZ");
        assertThat(Countries.fromHeader(null)).isEqualTo("ZZ");
    }
}
