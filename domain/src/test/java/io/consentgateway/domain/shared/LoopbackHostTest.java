package io.consentgateway.domain.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackHostTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LocalHost", "127.0.0.1", "127.1.2.3", "127.255.255.255", "[::1]", "::1",
            "[0:0:0:0:0:0:0:1]", "0000:0000::0001", "[::ffff:127.0.0.1]"})
    void thisMachineIsLoopback(String host) {
        assertThat(LoopbackHost.is(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.attacker.example", "127.0.0.1.attacker.example", "localhost.attacker.example",
            "128.0.0.1", "127.0.0.256", "10.0.0.1", "[::2]", "[::ffff:10.0.0.1]", "::g", "bank.example:1", "a:b", ""})
    void anythingElseIsNot(String host) {
        assertThat(LoopbackHost.is(host)).isFalse();
    }
}
