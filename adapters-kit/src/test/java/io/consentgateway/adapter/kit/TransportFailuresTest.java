package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransportFailuresTest {
    final TransportFailures failures = new TransportFailures("someprovider token endpoint", "cg.someprovider.key-store");

    ProviderException classify(Throwable t) {
        return failures.classify(t, status -> new ProviderRejected("HTTP " + status, Map.of()));
    }

    @Test
    void aRefusedConnectionAnUnknownHostAndAConnectTimeoutNeverSentTheRequest() {
        assertThat(classify(new ProcessingException(new ConnectException("refused")))).isInstanceOf(ProviderNotReached.class);
        assertThat(classify(new ProcessingException(new UnknownHostException("x")))).isInstanceOf(ProviderNotReached.class);
        assertThat(classify(new ProcessingException(new SocketTimeoutException("connect timed out"))))
                .isInstanceOf(ProviderNotReached.class);
    }

    @Test
    void aReadTimeoutAResetATlsFailureAndAnOversizedAnswerAreInDoubt() {
        for (Throwable t : new Throwable[] {new SocketTimeoutException("Read timed out"), new SocketException("reset"),
                new SSLHandshakeException("no"), new ResponseTooLarge(10)}) {
            ProviderException e = classify(new ProcessingException(t));
            assertThat(e).isInstanceOf(ProviderUnavailable.class).isNotInstanceOf(ProviderNotReached.class);
            assertThat(((ProviderUnavailable) e).requestMayHaveBeenProcessed()).isTrue();
        }
        assertThat(classify(new ProcessingException(new SSLHandshakeException("no"))).getMessage())
                .contains("cg.someprovider.key-store");
    }

    @Test
    void anApplicationExceptionAnywhereInTheChainPassesUnchanged() {
        ProviderRejected rejected = new ProviderRejected("bad", Map.of());

        assertThat(classify(new ProcessingException(rejected))).isSameAs(rejected);
        assertThatThrownBy(() -> failures.translated(() -> {
            throw rejected;
        }, status -> null)).isSameAs(rejected);
    }

    @Test
    void messagesNameTheTargetAndTheExceptionTypeButNeverItsMessage() {
        ProviderException e = classify(new ProcessingException(new IOException("body quoted a token: secret-4711")));

        assertThat(e.getMessage()).startsWith("someprovider token endpoint").contains("ProcessingException")
                .doesNotContain("secret-4711");
        assertThat(e.getCause()).isNull();
    }
}
