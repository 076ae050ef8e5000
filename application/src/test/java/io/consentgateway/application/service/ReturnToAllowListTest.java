package io.consentgateway.application.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnToAllowListTest {
    private final ReturnToAllowList allowList = new ReturnToAllowList(List.of(URI.create("https://app.example/connect")));

    @Test
    void aPathBelowAnAllowedEntryIsPermitted() {
        assertThat(allowList.permits(URI.create("https://app.example/connect/done?x=1"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example/connect", "http://app.example/connect", "https://app.example:8443/connect",
            "https://app.example/connector", "https://app.example/admin", "https://user@app.example/connect",
            "https://app.example/connect/%2e%2e/admin", "https://app.example/connect/%2E%2E/admin",
            "https://app.example/connect/../admin", "https://app.example/connect/..%2fadmin"})
    void targetsOutsideTheAllowedPathOrOriginAreRefused(String target) {
        assertThat(allowList.permits(URI.create(target))).isFalse();
    }
}
