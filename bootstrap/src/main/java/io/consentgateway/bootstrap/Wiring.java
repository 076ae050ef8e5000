package io.consentgateway.bootstrap;

import io.consentgateway.application.port.in.DeliverWebhooks;
import io.consentgateway.application.port.in.ManageWebhookDeliveries;
import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.port.out.WebhookSender;
import io.consentgateway.application.service.EventRecorder;
import io.consentgateway.application.service.InPortBoundary;
import io.consentgateway.application.service.RecordingConsents;
import io.consentgateway.application.service.RecordingFlows;
import io.consentgateway.application.service.WebhookDispatchService;
import io.consentgateway.application.service.WebhookSettings;
import io.consentgateway.adapter.in.rest.CallbackSettings;
import io.consentgateway.adapter.out.persistence.PersistenceAdapter;
import io.consentgateway.adapter.out.persistence.crypto.KeyRing;
import io.consentgateway.application.port.in.CompleteFlow;
import io.consentgateway.application.port.in.EraseUser;
import io.consentgateway.application.port.in.HandleCallback;
import io.consentgateway.application.port.in.KeepConsentsAlive;
import io.consentgateway.application.port.in.ListConsents;
import io.consentgateway.application.port.in.ListProviders;
import io.consentgateway.application.port.in.MaintainAccountData;
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
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.application.service.AccountDataSync;
import io.consentgateway.application.service.ConsentProviders;
import io.consentgateway.application.service.ConsentReader;
import io.consentgateway.application.service.DataSettings;
import io.consentgateway.application.service.EraseUserService;
import io.consentgateway.application.service.GatewaySettings;
import io.consentgateway.application.service.CompleteFlowService;
import io.consentgateway.application.service.HandleCallbackService;
import io.consentgateway.application.service.KeepConsentsAliveService;
import io.consentgateway.application.service.ListConsentsService;
import io.consentgateway.application.service.ListProvidersService;
import io.consentgateway.application.service.MaintainAccountDataService;
import io.consentgateway.application.service.ReadAccountsService;
import io.consentgateway.application.service.ReadIncomeReportService;
import io.consentgateway.application.service.ReadTransactionsService;
import io.consentgateway.application.service.RefusalFuse;
import io.consentgateway.application.service.RenewConsentService;
import io.consentgateway.application.service.RevokeConsentService;
import io.consentgateway.application.service.SecureRandomStateGenerator;
import io.consentgateway.application.service.StartFlowService;
import io.consentgateway.application.service.StoredData;
import io.consentgateway.application.service.SyncAtCompletion;
import io.consentgateway.application.service.TokenRefresher;
import io.consentgateway.application.service.ViewFlowService;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.bootstrap.metrics.ConfigurationFaults;
import io.consentgateway.bootstrap.metrics.GatewayMetrics;
import io.consentgateway.bootstrap.metrics.MeteredConsentProvider;
import io.consentgateway.bootstrap.metrics.MeteredHandleCallback;
import io.consentgateway.bootstrap.metrics.MeteredMaintainAccountData;
import io.consentgateway.bootstrap.metrics.MeteredStartFlow;
import io.consentgateway.bootstrap.metrics.OpenTelemetryMetrics;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * The composition root: builds every use case once, at start-up, and hands the in-ports to CDI. The provider
 * adapters are not named here: every {@link ConsentProvider} bean of the deployment is found through CDI, so adding a
 * provider is adding its module (and its settings), nothing else. Two adapters with one id, or a default provider
 * that is not installed, stop the start with a message naming them. Nothing here is created per request.
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

    // The keep-alive scheduler's lanes (cg.scheduler.parallelism) run on Liberty's managed executor.
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService lanesExecutor;

    // The first syncs of completed flows: a managed executor of their own, bounded in server.xml.
    @Resource(lookup = "concurrent/dataSync")
    ManagedExecutorService dataSyncExecutor;

    @Inject
    Config config;

    @Inject
    @Any
    Instance<ConsentProvider> installedProviders;

    @Inject
    @Any
    Instance<WebhookSender> installedWebhookSenders;

    @Inject
    OpenTelemetry openTelemetry;

    private GatewaySettings settings;
    private Clock clock;
    private Flows flows;
    private Consents consents;
    private UnitOfWork unitOfWork;
    private ConsentProviders providers;
    private StartFlow startFlow;
    private ViewFlowService viewFlow;
    private HandleCallback handleCallback;
    private CompleteFlow completeFlow;
    private ListConsentsService listConsents;
    private ListProviders listProviders;
    private ConfigurationFaults configurationFaults;
    private RefusalFuse refusalFuse;
    private ReadAccountsService readAccounts;
    private ReadTransactionsService readTransactions;
    private ReadIncomeReportService readIncomeReport;
    private MaintainAccountData maintainAccountData;
    private EraseUser eraseUser;
    private RenewConsentService renewConsent;
    private RevokeConsentService revokeConsent;
    private KeepConsentsAliveService keepConsentsAlive;
    private WebhookDispatchService webhooks;
    private WebhookSettings webhookSettings;

    @PostConstruct
    void wire() {
        GatewayConfig gatewayConfig = new GatewayConfig(config);
        gatewayConfig.refuseDemoSettingsInProduction();
        settings = gatewayConfig.settings();
        clock = Clock.systemUTC();

        String keyId = gatewayConfig.string("cg.crypto.current-key-id");
        if (GatewayConfig.DEMO_KEY_ID.equals(keyId)) {
            LOG.warning("Tokens are encrypted with the public DEMO key (cg.crypto.current-key-id=demo). "
                    + "Never use this configuration with real bank data: see docs/operations/production.md.");
        }
        // The name this node writes with its claim leases: cg.instance-id where the operator set one, else made up.
        String node = config.getOptionalValue("cg.instance-id", String.class).map(String::strip)
                .filter(id -> !id.isEmpty() && id.length() <= 64)
                .orElseGet(() -> "node-" + java.util.UUID.randomUUID());
        PersistenceAdapter persistence = PersistenceAdapter.create(dataSource,
                KeyRing.fromConfiguration(keyId, gatewayConfig.string("cg.crypto.keys")), node);
        LOG.info(() -> "This node claims consents as " + node);
        unitOfWork = persistence.unitOfWork();
        GatewayMetrics metrics = new OpenTelemetryMetrics(openTelemetry);

        // Webhooks: every save that changes what a fintech is told records its event in the same transaction (the
        // outbox); the dispatcher delivers them (docs/webhooks.md).
        EventOutbox outbox = persistence.eventOutbox();
        WebhookSender webhookSender = installedWebhookSenders.isResolvable()
                ? installedWebhookSenders.get() : WebhookSender.NONE;
        webhookSettings = gatewayConfig.webhookSettings(webhookSender.endpoints());
        EventRecorder events = new EventRecorder(outbox, webhookSettings, clock);
        flows = new RecordingFlows(persistence.flows(), unitOfWork, events);
        consents = new RecordingConsents(persistence.consents(), unitOfWork, events);
        webhooks = new WebhookDispatchService(outbox, webhookSender, webhookSettings, lanesExecutor,
                (endpoint, outcome) -> metrics.webhookAttempt(endpoint, outcome.name().toLowerCase(java.util.Locale.ROOT)),
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble(), clock);

        configurationFaults = new ConfigurationFaults(gatewayConfig.duration("cg.health.fault-log-interval"), clock);
        refusalFuse = new RefusalFuse(gatewayConfig.integer("cg.scheduler.fuse.refusals"),
                gatewayConfig.duration("cg.scheduler.fuse.window"), clock);
        providers = new ConsentProviders(installedProviders.stream()
                .map(provider -> (ConsentProvider) new MeteredConsentProvider(provider, metrics, configurationFaults)).toList());
        providers.requireInstalled(settings.defaultProvider(), "cg.default-provider");
        settings.bareCallbackProvider().ifPresent(bare -> providers.requireInstalled(bare, "cg.callback.bare-path-provider"));

        TokenRefresher refresher = new TokenRefresher(consents, persistence.refreshJournal(), unitOfWork, providers, settings, refusalFuse, clock);
        ConsentReader reader = new ConsentReader(consents, providers, refresher, settings, clock);
        DataSettings dataSettings = gatewayConfig.dataSettings();
        AccountDataStore store = persistence.accountData();
        AccountDataSync dataSync = new AccountDataSync(store, reader, dataSettings, unitOfWork, events, clock);
        StoredData storedData = new StoredData(reader, dataSync, store, settings, dataSettings, clock);
        SecureRandomStateGenerator secrets = new SecureRandomStateGenerator();
        StartFlowService startFlowService = new StartFlowService(providers, flows, secrets, settings, clock);
        startFlow = new MeteredStartFlow(startFlowService, metrics);
        viewFlow = new ViewFlowService(flows);
        // The first sync of a completed flow's consent (a one-time snapshot within the provider's hour) runs on a managed
        // executor of its own, after the browser has its redirect.
        SyncAtCompletion syncAtCompletion = new SyncAtCompletion(new MeteredHandleCallback(
                new HandleCallbackService(flows, consents, unitOfWork, providers, secrets, settings, clock), metrics),
                new CompleteFlowService(flows, consents, unitOfWork, providers, settings, clock), consents, dataSync,
                dataSyncExecutor);
        handleCallback = syncAtCompletion;
        completeFlow = syncAtCompletion;
        listConsents = new ListConsentsService(consents, store, settings, dataSettings, clock);
        listProviders = new ListProvidersService(providers, settings);
        readAccounts = new ReadAccountsService(storedData);
        readTransactions = new ReadTransactionsService(storedData);
        readIncomeReport = new ReadIncomeReportService(storedData);
        renewConsent = new RenewConsentService(reader, startFlowService, providers, settings);
        revokeConsent = new RevokeConsentService(reader, consents, store, clock);
        maintainAccountData = new MeteredMaintainAccountData(
                new MaintainAccountDataService(store, consents, dataSync, settings, dataSettings, clock), metrics);
        eraseUser = new EraseUserService(flows, consents, store, outbox, unitOfWork);
        int lanes = gatewayConfig.integer("cg.scheduler.parallelism");
        if (lanes < 1) {
            throw new IllegalStateException("configuration key cg.scheduler.parallelism must be at least 1");
        }
        keepConsentsAlive = new KeepConsentsAliveService(flows, consents, refresher, settings, clock, lanesExecutor, lanes);
        LOG.info(() -> "Consent Gateway wired: providers " + providers.ids().stream()
                .map(id -> id + " (callback " + settings.callbackUriFor(id) + ")").sorted().toList()
                + "; flows complete by " + settings.callbackCompletion().name().toLowerCase(java.util.Locale.ROOT)
                + " unless a client asks for confirmation");
    }

    @Produces
    StartFlow startFlow() {
        return InPortBoundary.of(StartFlow.class, startFlow);
    }

    @Produces
    ViewFlow viewFlow() {
        return InPortBoundary.of(ViewFlow.class, viewFlow);
    }

    @Produces
    HandleCallback handleCallback() {
        return InPortBoundary.of(HandleCallback.class, handleCallback);
    }

    @Produces
    CompleteFlow completeFlow() {
        return InPortBoundary.of(CompleteFlow.class, completeFlow);
    }

    @Produces
    ListConsents listConsents() {
        return InPortBoundary.of(ListConsents.class, listConsents);
    }

    @Produces
    ListProviders listProviders() {
        return InPortBoundary.of(ListProviders.class, listProviders);
    }

    @Produces
    ReadAccounts readAccounts() {
        return InPortBoundary.of(ReadAccounts.class, readAccounts);
    }

    @Produces
    ReadTransactions readTransactions() {
        return InPortBoundary.of(ReadTransactions.class, readTransactions);
    }

    @Produces
    ReadIncomeReport readIncomeReport() {
        return InPortBoundary.of(ReadIncomeReport.class, readIncomeReport);
    }

    @Produces
    RenewConsent renewConsent() {
        return InPortBoundary.of(RenewConsent.class, renewConsent);
    }

    @Produces
    RevokeConsent revokeConsent() {
        return InPortBoundary.of(RevokeConsent.class, revokeConsent);
    }

    @Produces
    KeepConsentsAlive keepConsentsAlive() {
        return InPortBoundary.of(KeepConsentsAlive.class, keepConsentsAlive);
    }

    @Produces
    MaintainAccountData maintainAccountData() {
        return InPortBoundary.of(MaintainAccountData.class, maintainAccountData);
    }

    @Produces
    EraseUser eraseUser() {
        return InPortBoundary.of(EraseUser.class, eraseUser);
    }

    @Produces
    DeliverWebhooks deliverWebhooks() {
        return InPortBoundary.of(DeliverWebhooks.class, webhooks);
    }

    @Produces
    ManageWebhookDeliveries manageWebhookDeliveries() {
        return InPortBoundary.of(ManageWebhookDeliveries.class, webhooks);
    }

    /** How the events are delivered (for the dispatcher's schedule). */
    WebhookSettings webhookSettings() {
        return webhookSettings;
    }

    @Produces
    @Named("defaultProvider")
    ProviderId defaultProvider() {
        return settings.defaultProvider();
    }

    @Produces
    CallbackSettings callbackSettings() {
        return new CallbackSettings(settings.defaultReturnTo());
    }

    /** The providers that refuse this gateway now (for the readiness check). */
    ConfigurationFaults configurationFaults() {
        return configurationFaults;
    }

    /** The scheduler's fuse (for the readiness check). */
    RefusalFuse refusalFuse() {
        return refusalFuse;
    }
}
