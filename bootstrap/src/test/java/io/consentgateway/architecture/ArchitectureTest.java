package io.consentgateway.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production code of every module (bootstrap sees them all) keeps the dependency rule. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // test-jars (the application's fakes) arrive as jars, which DO_NOT_INCLUDE_TESTS does not recognise
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(ArchitectureRules.ROOT);
    }

    @Test
    void coreIsFrameworkFree() {
        ArchitectureRules.CORE_IS_FRAMEWORK_FREE.check(production);
    }

    @Test
    void domainDependsOnJdkOnly() {
        ArchitectureRules.DOMAIN_DEPENDS_ON_JDK_ONLY.check(production);
    }

    @Test
    void applicationDependsOnDomainOnly() {
        ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_ONLY.check(production);
    }

    @Test
    void portsDoNotDependOnServices() {
        ArchitectureRules.PORTS_DO_NOT_DEPEND_ON_SERVICES.check(production);
    }

    @Test
    void inboundAdaptersUseOnlyTheInPorts() {
        ArchitectureRules.INBOUND_ADAPTERS_USE_ONLY_PORT_IN.check(production);
    }

    @Test
    void inPortsKnowNoOutPort() {
        ArchitectureRules.PORT_IN_KNOWS_NO_PORT_OUT.check(production);
    }

    @Test
    void adaptersAreIndependent() {
        ArchitectureRules.ADAPTERS_ARE_INDEPENDENT.check(production);
    }

    @Test
    void bootstrapNamesNoProviderAdapter() {
        ArchitectureRules.BOOTSTRAP_NAMES_NO_PROVIDER_ADAPTER.check(production);
    }

    @Test
    void theAdaptersKitKnowsNoAdapter() {
        ArchitectureRules.ADAPTER_KIT_KNOWS_NO_ADAPTER.check(production);
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchitectureRules.NO_PACKAGE_CYCLES.check(production);
    }

    @Test
    void applicationScopedBeansAreProxyable() {
        ArchitectureRules.APPLICATION_SCOPED_BEANS_ARE_PROXYABLE.check(production);
    }
}
