package io.consentgateway.bootstrap;

import io.consentgateway.adapter.in.rest.CallbackSettings;
import io.consentgateway.adapter.out.persistence.PersistenceAdapter;
import io.consentgateway.adapter.out.persistence.crypto.KeyRing;
import io.consentgateway.application.port.in.CompleteFlow;
import io.consentgateway.application.port.in.DeliverWebhooks;
import io.consentgateway.application.port.in.EraseUser;
import io.consentgateway.application.port.in.HandleCallback;
import io.consentgateway.application.port.in.KeepConsentsAlive;
import io.consentgateway.application.port.in.ListConsents;
import io.consentgateway.application.port.in.ListProviders;
import io.consentgateway.application.port.in.MaintainAccountData;
import io.consentgateway.application.port.in.ManageWebhookDeliveries;
import io.consentgateway.application.port.in.ReadAccounts;
import io.consentgateway.application.port.in.ReadIncomeReport;
import io.consentgateway.application.port.in.ReadTransactions;
import io.consentgateway.application.port.in.RenewConsent;
import io.consentgateway.application.port.in.RevokeConsent;
import io.consentgateway.application.port.in.StartFlow;
import io.consentgateway.application.port.in.ViewFlow;
import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.RefreshJournal;
import io.consentgateway.application.port.out.StateGenerator;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.application.port.out.WebhookSender;
import io.consentgateway.application.service.AccountDataSync;
import io.consentgateway.application.service.CompleteFlowService;
import io.consentgateway.application.service.ConsentProviders;
import io.consentgateway.application.service.ConsentReader;
import io.consentgateway.application.service.DataSettings;
import io.consentgateway.application.service.EraseUserService;
import io.consentgateway.application.service.EventRecorder;
import io.consentgateway.application.service.GatewaySettings;
import io.consentgateway.application.service.HandleCallbackService;
import io.consentgateway.application.service.InPortBoundary;
import io.consentgateway.application.service.KeepConsentsAliveService;
import io.consentgateway.application.service.ListConsentsService;
import io.consentgateway.application.service.ListProvidersService;
import io.consentgateway.application.service.MaintainAccountDataService;
import io.consentgateway.application.service.ReadAccountsService;
import io.consentgateway.application.service.ReadIncomeReportService;
import io.consentgateway.application.service.ReadTransactionsService;
import io.consentgateway.application.service.RecordingConsents;
import io.consentgateway.application.service.RecordingFlows;
import io.consentgateway.application.service.RefusalFuse;
import io.consentgateway.application.service.RenewConsentService;
import io.consentgateway.application.service.RevokeConsentService;
import io.consentgateway.application.service.SecureRandomStateGenerator;
import io.consentgateway.application.service.StartFlowService;
import io.consentgateway.application.service.StoredData;
import io.consentgateway.application.service.SyncAtCompletion;
import io.consentgateway.application.service.TokenRefresher;
import io.consentgateway.application.service.ViewFlowService;
import io.consentgateway.application.service.WebhookDispatchService;
import io.consentgateway.application.service.WebhookSettings;
import io.consentgateway.bootstrap.metrics.BothMetrics;
import io.consentgateway.bootstrap.metrics.ConfigurationFaults;
import io.consentgateway.bootstrap.metrics.GatewayMetrics;
import io.consentgateway.bootstrap.metrics.MeteredConsentProvider;
import io.consentgateway.bootstrap.metrics.MeteredHandleCallback;
import io.consentgateway.bootstrap.metrics.MeteredMaintainAccountData;
import io.consentgateway.bootstrap.metrics.MeteredStartFlow;
import io.consentgateway.bootstrap.metrics.OpenTelemetryMetrics;
import io.consentgateway.bootstrap.metrics.PrometheusMetrics;
import io.consentgateway.domain.shared.ProviderId;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The composition root: one CDI producer per port, use case and setting, each taking what it needs as parameters, so
 * the container resolves the whole graph and refuses to deploy when something is missing or ambiguous.
 *
 * <ul>
 *   <li>In-ports (what the REST resources and the schedulers inject) are {@code @ApplicationScoped}; each is wrapped in
 *       {@link InPortBoundary}, which turns out-port failures into the in-port's own.</li>
 *   <li>Out-ports backed by the database come from the {@link PersistenceAdapter}; {@link Flows} and {@link Consents}
 *       are wrapped so that every change records its webhook events in the same transaction.</li>
 *   <li>Settings and the application's inner collaborators (records and final classes, which CDI cannot proxy) are
 *       {@code @Singleton}. A service that is also an in-port is produced {@code @Typed} to its class only, so that the
 *       in-port's type has exactly one bean: the wrapped one.</li>
 * </ul>
 *
 * The provider adapters are not named here: every {@link ConsentProvider} bean of the deployment is found through CDI,
 * so adding a provider is adding its module (and its settings). Two adapters with one id, or a default provider that is
 * not installed, stop the start with a message naming them: {@link #checkAtStart} builds the settings and the providers
 * when the application starts, after {@link DatabaseSchema} and before anything else. Nothing here is created per
 * request.
 */
@ApplicationScoped
public class Wiring {
    private static final Logger LOG = Logger.getLogger(Wiring.class.getName());

    // Unshareable: a shareable connection stays bound to the request until it ends, however early it was closed, so
    // every read waiting on a slow provider would hold one of the pool's connections (docs/reliability.md#isolation).
    // Application authentication: the data source's own user and password. With container authentication Liberty
    // works out a subject for every connection, and concurrent requests queue on it (docs/performance.md).
    @Resource(lookup = "jdbc/consentgateway", shareable = false, authenticationType = Resource.AuthenticationType.APPLICATION)
    DataSource dataSource;

    // The keep-alive scheduler's lanes (cg.scheduler.parallelism) and the webhook attempts run on Liberty's managed
    // executor.
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService lanesExecutor;

    // The first syncs of completed flows: a managed executor of their own, bounded in server.xml.
    @Resource(lookup = "concurrent/dataSync")
    ManagedExecutorService dataSyncExecutor;

    /**
     * Builds, when the application starts, what a configuration mistake would break: the settings, the persistence
     * adapter (keys), the providers, the webhook endpoints and the scheduler's lanes. A mistake stops the start with
     * the key's name instead of failing the first request.
     */
    void checkAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) Startup startup,
                      GatewayConfig config, GatewaySettings settings, DataSettings dataSettings,
                      PersistenceAdapter persistence, ConsentProviders providers, WebhookSettings webhookSettings) {
        config.schedulerLanes();
        config.prometheusEnabled();
        LOG.info(() -> "Consent Gateway wired: providers " + providers.ids().stream()
                .map(id -> id + " (callback " + settings.callbackUriFor(id) + ")").sorted().toList()
                + "; flows complete by " + settings.callbackCompletion().name().toLowerCase(Locale.ROOT)
                + " unless a client asks for confirmation");
    }

    // ---------------------------------------------------------------------------------------------- settings, time

    @Produces
    @Singleton
    GatewayConfig gatewayConfig(Config config) {
        GatewayConfig gatewayConfig = new GatewayConfig(config);
        gatewayConfig.refuseDemoSettingsInProduction();
        return gatewayConfig;
    }

    @Produces
    @Singleton
    GatewaySettings gatewaySettings(GatewayConfig config) {
        return config.settings();
    }

    @Produces
    @Singleton
    DataSettings dataSettings(GatewayConfig config) {
        return config.dataSettings();
    }

    @Produces
    @Singleton
    WebhookSettings webhookSettings(GatewayConfig config, @Any Instance<WebhookSender> senders) {
        return config.webhookSettings(installed(senders).endpoints());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Named("defaultProvider")
    @Singleton
    ProviderId defaultProvider(GatewaySettings settings) {
        return settings.defaultProvider();
    }

    @Produces
    @Singleton
    CallbackSettings callbackSettings(GatewaySettings settings) {
        return new CallbackSettings(settings.defaultReturnTo());
    }

    // ------------------------------------------------------------------------------------------- driven adapters

    @Produces
    @Singleton
    PersistenceAdapter persistence(GatewayConfig config, Config raw) {
        String keyId = config.string("cg.crypto.current-key-id");
        if (GatewayConfig.DEMO_KEY_ID.equals(keyId)) {
            LOG.warning("Tokens are encrypted with the public DEMO key (cg.crypto.current-key-id=demo). "
                    + "Never use this configuration with real bank data: see docs/operations/production.md.");
        }
        // The name this node writes with its claim leases: cg.instance-id where the operator set one, else made up.
        String node = raw.getOptionalValue("cg.instance-id", String.class).map(String::strip)
                .filter(id -> !id.isEmpty() && id.length() <= 64)
                .orElseGet(() -> "node-" + UUID.randomUUID());
        LOG.info(() -> "This node claims consents as " + node);
        return PersistenceAdapter.create(dataSource, KeyRing.fromConfiguration(keyId, config.string("cg.crypto.keys")), node);
    }

    @Produces
    @ApplicationScoped
    UnitOfWork unitOfWork(PersistenceAdapter persistence) {
        return persistence.unitOfWork();
    }

    @Produces
    @ApplicationScoped
    AccountDataStore accountDataStore(PersistenceAdapter persistence) {
        return persistence.accountData();
    }

    @Produces
    @ApplicationScoped
    RefreshJournal refreshJournal(PersistenceAdapter persistence) {
        return persistence.refreshJournal();
    }

    @Produces
    @ApplicationScoped
    EventOutbox eventOutbox(PersistenceAdapter persistence) {
        return persistence.eventOutbox();
    }

    /** Flows whose endings record their webhook events in the same transaction. */
    @Produces
    @ApplicationScoped
    Flows flows(PersistenceAdapter persistence, UnitOfWork unitOfWork, EventRecorder events) {
        return new RecordingFlows(persistence.flows(), unitOfWork, events);
    }

    /** Consents whose changes record their webhook events in the same transaction. */
    @Produces
    @ApplicationScoped
    Consents consents(PersistenceAdapter persistence, UnitOfWork unitOfWork, EventRecorder events) {
        return new RecordingConsents(persistence.consents(), unitOfWork, events);
    }

    /** Every provider adapter of the deployment, each measured (calls, outcomes, a provider refusing the gateway). */
    @Produces
    @Singleton
    ConsentProviders providers(@Any Instance<ConsentProvider> installed, GatewayMetrics metrics,
                               ConfigurationFaults faults, GatewaySettings settings) {
        ConsentProviders providers = new ConsentProviders(installed.stream()
                .map(provider -> (ConsentProvider) new MeteredConsentProvider(provider, metrics, faults)).toList());
        providers.requireInstalled(settings.defaultProvider(), "cg.default-provider");
        settings.bareCallbackProvider().ifPresent(bare -> providers.requireInstalled(bare, "cg.callback.bare-path-provider"));
        return providers;
    }

    /** The webhook adapter where the deployment has one; without it events are stored and never sent. */
    private static WebhookSender installed(Instance<WebhookSender> senders) {
        return senders.isResolvable() ? senders.get() : WebhookSender.NONE;
    }

    @Produces
    @Singleton
    @Typed(StateGenerator.class)
    StateGenerator stateGenerator() {
        return new SecureRandomStateGenerator();
    }

    // -------------------------------------------------------------------------------------------- measurements

    /** The counters go to OpenTelemetry (for an exporter) and to the node's Prometheus page ({@code GET /metrics}). */
    @Produces
    @Singleton
    @Typed(GatewayMetrics.class)
    GatewayMetrics metrics(OpenTelemetry openTelemetry, PrometheusMetrics prometheus) {
        return new BothMetrics(new OpenTelemetryMetrics(openTelemetry), prometheus);
    }

    @Produces
    @Singleton
    @Typed(PrometheusMetrics.class)
    PrometheusMetrics prometheusMetrics() {
        return new PrometheusMetrics();
    }

    /** The providers that refuse this gateway now (for the readiness check). */
    @Produces
    @Singleton
    ConfigurationFaults configurationFaults(GatewayConfig config, Clock clock) {
        return new ConfigurationFaults(config.duration("cg.health.fault-log-interval"), clock);
    }

    /** The scheduler's fuse (for the readiness check). */
    @Produces
    @Singleton
    RefusalFuse refusalFuse(GatewayConfig config, Clock clock) {
        return new RefusalFuse(config.integer("cg.scheduler.fuse.refusals"), config.duration("cg.scheduler.fuse.window"), clock);
    }

    // ------------------------------------------------------------------------------ the application's collaborators

    @Produces
    @Singleton
    EventRecorder eventRecorder(EventOutbox outbox, WebhookSettings settings, Clock clock) {
        return new EventRecorder(outbox, settings, clock);
    }

    @Produces
    @Singleton
    TokenRefresher tokenRefresher(Consents consents, RefreshJournal journal, UnitOfWork unitOfWork,
                                  ConsentProviders providers, GatewaySettings settings, RefusalFuse fuse, Clock clock) {
        return new TokenRefresher(consents, journal, unitOfWork, providers, settings, fuse, clock);
    }

    @Produces
    @Singleton
    ConsentReader consentReader(Consents consents, ConsentProviders providers, TokenRefresher refresher,
                                GatewaySettings settings, Clock clock) {
        return new ConsentReader(consents, providers, refresher, settings, clock);
    }

    @Produces
    @Singleton
    AccountDataSync accountDataSync(AccountDataStore store, ConsentReader reader, DataSettings dataSettings,
                                    UnitOfWork unitOfWork, EventRecorder events, Clock clock) {
        return new AccountDataSync(store, reader, dataSettings, unitOfWork, events, clock);
    }

    @Produces
    @Singleton
    StoredData storedData(ConsentReader reader, AccountDataSync sync, AccountDataStore store, GatewaySettings settings,
                          DataSettings dataSettings, Clock clock) {
        return new StoredData(reader, sync, store, settings, dataSettings, clock);
    }

    /** The unmeasured service, which a renewal uses to start its flow. */
    @Produces
    @Singleton
    @Typed(StartFlowService.class)
    StartFlowService startFlowService(ConsentProviders providers, Flows flows, StateGenerator secrets,
                                      GatewaySettings settings, Clock clock) {
        return new StartFlowService(providers, flows, secrets, settings, clock);
    }

    /**
     * The callback and its confirmation, followed by the consent's first sync (a one-time snapshot within the provider's
     * hour) on a managed executor of its own, after the browser has its redirect.
     */
    @Produces
    @Singleton
    @Typed(SyncAtCompletion.class)
    SyncAtCompletion syncAtCompletion(Flows flows, Consents consents, UnitOfWork unitOfWork, ConsentProviders providers,
                                      StateGenerator secrets, GatewaySettings settings, AccountDataSync sync,
                                      GatewayMetrics metrics, Clock clock) {
        return new SyncAtCompletion(
                new MeteredHandleCallback(new HandleCallbackService(flows, consents, unitOfWork, providers, secrets, settings, clock), metrics),
                new CompleteFlowService(flows, consents, unitOfWork, providers, settings, clock),
                consents, sync, dataSyncExecutor);
    }

    /** Delivers the recorded events (docs/webhooks.md); both of its in-ports below are this one service. */
    @Produces
    @Singleton
    @Typed(WebhookDispatchService.class)
    WebhookDispatchService webhookDispatch(EventOutbox outbox, @Any Instance<WebhookSender> senders,
                                           WebhookSettings settings, GatewayMetrics metrics, Clock clock) {
        return new WebhookDispatchService(outbox, installed(senders), settings, lanesExecutor,
                (endpoint, outcome) -> metrics.webhookAttempt(endpoint, outcome.name().toLowerCase(Locale.ROOT)),
                () -> ThreadLocalRandom.current().nextDouble(), clock);
    }

    // ----------------------------------------------------------------------------------------------------- in-ports

    @Produces
    @ApplicationScoped
    StartFlow startFlow(StartFlowService service, GatewayMetrics metrics) {
        return InPortBoundary.of(StartFlow.class, new MeteredStartFlow(service, metrics));
    }

    @Produces
    @ApplicationScoped
    ViewFlow viewFlow(Flows flows) {
        return InPortBoundary.of(ViewFlow.class, new ViewFlowService(flows));
    }

    @Produces
    @ApplicationScoped
    HandleCallback handleCallback(SyncAtCompletion callbacks) {
        return InPortBoundary.of(HandleCallback.class, callbacks);
    }

    @Produces
    @ApplicationScoped
    CompleteFlow completeFlow(SyncAtCompletion callbacks) {
        return InPortBoundary.of(CompleteFlow.class, callbacks);
    }

    @Produces
    @ApplicationScoped
    ListConsents listConsents(Consents consents, AccountDataStore store, GatewaySettings settings,
                              DataSettings dataSettings, Clock clock) {
        return InPortBoundary.of(ListConsents.class, new ListConsentsService(consents, store, settings, dataSettings, clock));
    }

    @Produces
    @ApplicationScoped
    ListProviders listProviders(ConsentProviders providers, GatewaySettings settings) {
        return InPortBoundary.of(ListProviders.class, new ListProvidersService(providers, settings));
    }

    @Produces
    @ApplicationScoped
    ReadAccounts readAccounts(StoredData data) {
        return InPortBoundary.of(ReadAccounts.class, new ReadAccountsService(data));
    }

    @Produces
    @ApplicationScoped
    ReadTransactions readTransactions(StoredData data) {
        return InPortBoundary.of(ReadTransactions.class, new ReadTransactionsService(data));
    }

    @Produces
    @ApplicationScoped
    ReadIncomeReport readIncomeReport(StoredData data) {
        return InPortBoundary.of(ReadIncomeReport.class, new ReadIncomeReportService(data));
    }

    @Produces
    @ApplicationScoped
    RenewConsent renewConsent(ConsentReader reader, StartFlowService startFlow, ConsentProviders providers,
                              GatewaySettings settings) {
        return InPortBoundary.of(RenewConsent.class, new RenewConsentService(reader, startFlow, providers, settings));
    }

    @Produces
    @ApplicationScoped
    RevokeConsent revokeConsent(ConsentReader reader, Consents consents, AccountDataStore store, Clock clock) {
        return InPortBoundary.of(RevokeConsent.class, new RevokeConsentService(reader, consents, store, clock));
    }

    @Produces
    @ApplicationScoped
    KeepConsentsAlive keepConsentsAlive(Flows flows, Consents consents, TokenRefresher refresher, GatewaySettings settings,
                                        GatewayConfig config, Clock clock) {
        return InPortBoundary.of(KeepConsentsAlive.class, new KeepConsentsAliveService(flows, consents, refresher, settings,
                clock, lanesExecutor, config.schedulerLanes()));
    }

    @Produces
    @ApplicationScoped
    MaintainAccountData maintainAccountData(AccountDataStore store, Consents consents, AccountDataSync sync,
                                            GatewaySettings settings, DataSettings dataSettings, GatewayMetrics metrics,
                                            Clock clock) {
        return InPortBoundary.of(MaintainAccountData.class, new MeteredMaintainAccountData(
                new MaintainAccountDataService(store, consents, sync, settings, dataSettings, clock), metrics));
    }

    @Produces
    @ApplicationScoped
    EraseUser eraseUser(Flows flows, Consents consents, AccountDataStore store, EventOutbox outbox, UnitOfWork unitOfWork) {
        return InPortBoundary.of(EraseUser.class, new EraseUserService(flows, consents, store, outbox, unitOfWork));
    }

    @Produces
    @ApplicationScoped
    DeliverWebhooks deliverWebhooks(WebhookDispatchService dispatch) {
        return InPortBoundary.of(DeliverWebhooks.class, dispatch);
    }

    @Produces
    @ApplicationScoped
    ManageWebhookDeliveries manageWebhookDeliveries(WebhookDispatchService dispatch) {
        return InPortBoundary.of(ManageWebhookDeliveries.class, dispatch);
    }
}
