package io.consentgateway.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rule of the hexagon, as executable checks (docs/adr/0001-hexagonal-modules.md). Maven's module dependencies already
 * make most wrong arrows impossible to compile; these rules catch what Maven cannot see: a framework import
 * slipping into the core through a transitive dependency, a port depending on a service, one adapter using
 * another, cycles between packages.
 */
final class ArchitectureRules {
    static final String ROOT = "io.consentgateway";
    private static final String[] FRAMEWORKS = {
            "jakarta..", "javax.ws..", "javax.inject..", "javax.persistence..", "org.eclipse.microprofile..",
            "org.jdbi..", "com.fasterxml..", "org.flywaydb..", "org.slf4j..", "org.apache.."};

    private ArchitectureRules() {
    }

    /** domain and application are plain Java: no framework, no persistence, no JSON library. */
    static final ArchRule CORE_IS_FRAMEWORK_FREE = noClasses()
            .that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".application..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .as("domain and application import nothing from jakarta, MicroProfile, JDBI, Jackson, Flyway");

    /** The domain knows the JDK and itself only. */
    static final ArchRule DOMAIN_DEPENDS_ON_JDK_ONLY = classes()
            .that().resideInAPackage(ROOT + ".domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".domain..", "java..")
            .as("the domain depends on the JDK and itself only");

    /** The application knows the domain, the JDK and itself: never an adapter or the bootstrap. */
    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_ONLY = classes()
            .that().resideInAPackage(ROOT + ".application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".application..", ROOT + ".domain..", "java..")
            .as("the application depends on the domain, the JDK and itself only");

    /** Ports are contracts: they never reach into the services that implement or use them. */
    static final ArchRule PORTS_DO_NOT_DEPEND_ON_SERVICES = noClasses()
            .that().resideInAPackage(ROOT + ".application.port..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".application.service..")
            .as("application ports never depend on application services");

    /**
     * An inbound adapter (the REST API) speaks the in-ports' language only: never an out-port (a provider's failure, a
     * repository's conflict) and never a service. The application translates what its out-ports throw at the in-port
     * boundary ({@code InPortBoundary}).
     */
    static final ArchRule INBOUND_ADAPTERS_USE_ONLY_PORT_IN = noClasses()
            .that().resideInAPackage(ROOT + ".adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".application.port.out..", ROOT + ".application.service..")
            .as("inbound adapters use only the in-ports (never port.out, never a service)");

    /** What a caller sees of a use case is the in-port's own vocabulary: an in-port never names an out-port type. */
    static final ArchRule PORT_IN_KNOWS_NO_PORT_OUT = noClasses()
            .that().resideInAPackage(ROOT + ".application.port.in..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".application.port.out..")
            .as("port.in does not depend on port.out");

    /**
     * Each adapter stands alone: io.consentgateway.adapter.{in,out}.NAME never uses another NAME. The adapters' kit
     * (io.consentgateway.adapter.kit, one package without sub-packages) is a library they share, not an adapter.
     */
    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices()
            .matching(ROOT + ".adapter.*.(*)..")
            .should().notDependOnEachOther()
            .as("adapters never depend on other adapters");

    /** No cycles between the packages of the code base (each package is its own slice). */
    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching(ROOT + ".(**)")
            .should().beFreeOfCycles()
            .as("no cycles between packages");

    /**
     * The composition root finds provider adapters through CDI ({@code Instance<ConsentProvider>}) and never names one:
     * adding a provider is a new module and a dependency, never an edit here. Only the persistence adapter, of which
     * there is exactly one, is built by name.
     */
    static final ArchRule BOOTSTRAP_NAMES_NO_PROVIDER_ADAPTER = noClasses()
            .that().resideInAPackage(ROOT + ".bootstrap..")
            .should().dependOnClassesThat(resideInAPackage(ROOT + ".adapter.out..")
                    .and(not(resideInAPackage(ROOT + ".adapter.out.persistence.."))))
            .as("bootstrap depends on no provider adapter (they are discovered through CDI)");

    /**
     * The adapters' kit is a library the provider adapters share (bounded answers, Basic client authentication, failure
     * classification, lenient JSON): it may serve every adapter, so it knows none of them.
     */
    static final ArchRule ADAPTER_KIT_KNOWS_NO_ADAPTER = noClasses()
            .that().resideInAPackage(ROOT + ".adapter.kit..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".adapter.in..", ROOT + ".adapter.out..")
            .as("the adapters' kit depends on no adapter");

    /**
     * CDI serves an {@code @ApplicationScoped} bean through a client proxy, a subclass it generates: the class must not
     * be final, needs a non-private constructor without parameters (for the proxy only; the bean itself is made with
     * its {@code @Inject} constructor), and no method the proxy must override may be final. Weld reports a violation only
     * when the server deploys; this rule says it at build time, for every bean of every module.
     */
    static final ArchRule APPLICATION_SCOPED_BEANS_ARE_PROXYABLE = classes()
            .that().areAnnotatedWith("jakarta.enterprise.context.ApplicationScoped")
            .should(beProxyable())
            .as("every @ApplicationScoped bean can be proxied: not final, a non-private constructor without parameters, "
                    + "no non-private final method");

    private static ArchCondition<JavaClass> beProxyable() {
        return new ArchCondition<>("be proxyable by CDI") {
            @Override
            public void check(JavaClass bean, ConditionEvents events) {
                if (bean.getModifiers().contains(JavaModifier.FINAL)) {
                    events.add(SimpleConditionEvent.violated(bean, bean.getName() + " is final"));
                }
                boolean proxyConstructor = bean.getConstructors().stream().anyMatch(constructor ->
                        constructor.getRawParameterTypes().isEmpty()
                                && !constructor.getModifiers().contains(JavaModifier.PRIVATE));
                if (!proxyConstructor) {
                    events.add(SimpleConditionEvent.violated(bean,
                            bean.getName() + " has no non-private constructor without parameters"));
                }
                bean.getMethods().stream()
                        .filter(method -> method.getModifiers().contains(JavaModifier.FINAL)
                                && !method.getModifiers().contains(JavaModifier.PRIVATE)
                                && !method.getModifiers().contains(JavaModifier.STATIC))
                        .forEach(method -> events.add(SimpleConditionEvent.violated(bean,
                                method.getFullName() + " is final")));
            }
        };
    }
}
