package io.consentgateway.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.consentgateway.adapter.in.archfixture.InboundUsingPortOut;
import io.consentgateway.adapter.kit.archfixture.KitUsingAdapter;
import io.consentgateway.adapter.out.fixturea.AdapterA;
import io.consentgateway.bootstrap.archfixture.UnproxyableBean;
import io.consentgateway.adapter.out.fixtureb.AdapterB;
import io.consentgateway.application.archfixture.ApplicationUsingAdapter;
import io.consentgateway.application.port.archfixture.PortUsingService;
import io.consentgateway.application.port.in.archfixture.InPortUsingPortOut;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.service.StartFlowService;
import io.consentgateway.archfixture.cyclea.CycleA;
import io.consentgateway.bootstrap.archfixture.BootstrapUsingProvider;
import io.consentgateway.archfixture.cycleb.CycleB;
import io.consentgateway.domain.archfixture.DomainUsingJakarta;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each architecture rule, run over deliberately wrong fixture classes (in this module's test sources, so the
 * production check never sees them), must fail and name the offending class. A rule that cannot fail
 * protects nothing; this keeps them honest after refactorings.
 */
class ArchitectureRulesCanFailTest {

    @Test
    void frameworkImportInTheDomainIsCaught() {
        assertViolation(ArchitectureRules.CORE_IS_FRAMEWORK_FREE, DomainUsingJakarta.class.getName(),
                DomainUsingJakarta.class);
    }

    @Test
    void domainDependingOnAnythingButTheJdkIsCaught() {
        assertViolation(ArchitectureRules.DOMAIN_DEPENDS_ON_JDK_ONLY, DomainUsingJakarta.class.getName(),
                DomainUsingJakarta.class);
    }

    @Test
    void applicationDependingOnAnAdapterIsCaught() {
        assertViolation(ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_ONLY, ApplicationUsingAdapter.class.getName(),
                ApplicationUsingAdapter.class, AdapterA.class, AdapterB.class);
    }

    @Test
    void portDependingOnAServiceIsCaught() {
        assertViolation(ArchitectureRules.PORTS_DO_NOT_DEPEND_ON_SERVICES, PortUsingService.class.getName(),
                PortUsingService.class, StartFlowService.class);
    }

    @Test
    void anInboundAdapterUsingAnOutPortIsCaught() {
        assertViolation(ArchitectureRules.INBOUND_ADAPTERS_USE_ONLY_PORT_IN, InboundUsingPortOut.class.getName(),
                InboundUsingPortOut.class, ConcurrentUpdate.class);
    }

    @Test
    void anInPortNamingAnOutPortIsCaught() {
        assertViolation(ArchitectureRules.PORT_IN_KNOWS_NO_PORT_OUT, InPortUsingPortOut.class.getName(),
                InPortUsingPortOut.class, ProviderUnavailable.class);
    }

    @Test
    void adapterDependingOnAnotherAdapterIsCaught() {
        assertViolation(ArchitectureRules.ADAPTERS_ARE_INDEPENDENT, AdapterA.class.getName(),
                AdapterA.class, AdapterB.class);
    }

    @Test
    void bootstrapNamingAProviderAdapterIsCaught() {
        assertViolation(ArchitectureRules.BOOTSTRAP_NAMES_NO_PROVIDER_ADAPTER, BootstrapUsingProvider.class.getName(),
                BootstrapUsingProvider.class, AdapterA.class, AdapterB.class);
    }

    @Test
    void theAdaptersKitDependingOnAnAdapterIsCaught() {
        assertViolation(ArchitectureRules.ADAPTER_KIT_KNOWS_NO_ADAPTER, KitUsingAdapter.class.getName(),
                KitUsingAdapter.class, AdapterA.class, AdapterB.class);
    }

    @Test
    void packageCycleIsCaught() {
        assertViolation(ArchitectureRules.NO_PACKAGE_CYCLES, CycleA.class.getName(), CycleA.class, CycleB.class);
    }

    @Test
    void anApplicationScopedBeanThatCannotBeProxiedIsCaught() {
        JavaClasses imported = new ClassFileImporter().importClasses(UnproxyableBean.class);
        assertThatThrownBy(() -> ArchitectureRules.APPLICATION_SCOPED_BEANS_ARE_PROXYABLE.check(imported))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(UnproxyableBean.class.getName() + " is final")
                .hasMessageContaining("has no non-private constructor without parameters");
    }

    private static void assertViolation(ArchRule rule, String offender, Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        assertThatThrownBy(() -> rule.check(imported))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender);
    }
}
