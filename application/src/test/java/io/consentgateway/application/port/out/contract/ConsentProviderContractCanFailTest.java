package io.consentgateway.application.port.out.contract;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * A contract that cannot fail protects nothing: run over an adapter with two classic mistakes, it must fail exactly
 * the cases that describe them, and pass the rest.
 */
class ConsentProviderContractCanFailTest {

    @Test
    void aBrokenAdapterFailsTheContractWhereItIsBroken() {
        LauncherDiscoveryRequest discovery = request().selectors(selectClass(BrokenProviderContractFixture.class)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(discovery, listener);
        TestExecutionSummary summary = listener.getSummary();

        List<String> failed = summary.getFailures().stream()
                .map(failure -> failure.getTestIdentifier().getDisplayName()).sorted().toList();
        assertThat(failed).containsExactly(
                "aForbiddenTokenEndpointIsAConfigurationFault()",
                "aMissingTokenEndpointIsAConfigurationFault()",
                "aRefusedClientIsAConfigurationFaultNeverAReauthorization()",
                "anExchangeAnsweredWithAServerErrorIsInDoubtAndMadeOnlyOnce()",
                "anExchangeThatGotNoAnswerIsInDoubtAndMadeOnlyOnce()");
        assertThat(summary.getTestsSucceededCount()).as("the rest of the contract still passes").isGreaterThan(15);
    }
}
