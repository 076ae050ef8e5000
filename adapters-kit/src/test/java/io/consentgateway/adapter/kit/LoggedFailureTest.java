package io.consentgateway.adapter.kit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes into the log of an unexpected failure: where and of what type, never a value that may be a secret. */
class LoggedFailureTest {

    @Test
    void messagesAreClearedOfQueriesCredentialsAndNamedSecretsOnly() {
        assertThat(LoggedFailure.cleared("GET /api/v1/consents/42?cursor=abc failed")).isEqualTo("GET /api/v1/consents/42?… failed");
        assertThat(LoggedFailure.cleared("client_secret: hunter2, password=pw1; code=\"c0de\"")).isEqualTo(
                "client_secret: ***, password=***; code=\"***\"");
        assertThat(LoggedFailure.cleared("Authorization: Basic ZGVtbzpzZWNyZXQ=")).doesNotContain("ZGVt").startsWith("Authorization: ***");
        assertThat(LoggedFailure.cleared("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln expired"))
                .isEqualTo("token *** expired");
        assertThat(LoggedFailure.cleared("DSRA0010E: SQL State = 08001, Error Code = 0, state=s3cr3t"))
                .isEqualTo("DSRA0010E: SQL State = 08001, Error Code = 0, state=***");
        assertThat(LoggedFailure.cleared("index 3 out of bounds for length 2")).isEqualTo("index 3 out of bounds for length 2");
        assertThat(LoggedFailure.cleared(null)).isNull();
    }

    @Test
    void theCopyKeepsTypesFramesCausesAndSuppressedFailuresWithClearedMessages() {
        IllegalStateException cause = new IllegalStateException("refresh failed: refresh_token=rt-secret");
        RuntimeException failure = new RuntimeException("POST https://bank.example/token?code=abc", cause);
        failure.addSuppressed(new IllegalArgumentException("header was Bearer at-secret"));

        Throwable copy = LoggedFailure.of(failure);

        assertThat(copy).hasMessage("java.lang.RuntimeException: POST https://bank.example/token?…");
        assertThat(copy.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(copy.getCause()).hasMessage("java.lang.IllegalStateException: refresh failed: refresh_token=***");
        assertThat(copy.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
        assertThat(copy.getSuppressed()).singleElement()
                .satisfies(suppressed -> assertThat(suppressed).hasMessage("java.lang.IllegalArgumentException: header was Bearer ***"));
        assertThat(copy).hasToString(copy.getMessage());
    }

    @Test
    void aCauseChainThatLoopsIsCopiedOnce() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.addSuppressed(second);

        Throwable copy = LoggedFailure.of(second);

        assertThat(copy.getCause().getSuppressed()).singleElement().isSameAs(copy);
    }
}
