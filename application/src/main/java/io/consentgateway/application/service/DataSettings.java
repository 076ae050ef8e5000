package io.consentgateway.application.service;

import io.consentgateway.domain.shared.Require;

import java.time.Duration;

/**
 * How the gateway keeps a consent's data (docs/data-store.md).
 *
 * @param maxAge              a read syncs first when the stored data is older than this ({@code cg.sync.max-age})
 * @param overlap             an incremental sync reads again from the latest stored booking date minus this, to catch
 *                            late bookings ({@code cg.sync.overlap})
 * @param backgroundInterval  the scheduler syncs an ongoing consent whose data is older than this
 *                            ({@code cg.sync.background-interval})
 * @param backgroundBudget    at most this many syncs without the user per account in {@link #BUDGET_WINDOW}
 *                            (PSD2 RTS Art. 36(5)(b): four; {@code cg.sync.background-budget})
 * @param oneTimeRetention    how long a one-time or income-report snapshot stays readable after it was taken; zero:
 *                            only while the provider's access lasts ({@code cg.retention.one-time})
 * @param endedRetention      how long the data of an ended ongoing consent (expired, revoked at the provider,
 *                            re-authorization abandoned) is kept before the scheduler deletes it ({@code cg.retention.ended})
 * @param syncLease           how long a node holds a consent's sync lease (longer than any sync lasts)
 */
public record DataSettings(Duration maxAge, Duration overlap, Duration backgroundInterval, int backgroundBudget,
                           Duration oneTimeRetention, Duration endedRetention, Duration syncLease) {

    /** The window of the PSD2 access budget. */
    public static final Duration BUDGET_WINDOW = Duration.ofHours(24);

    public DataSettings {
        requireNotNegative(maxAge, "sync max age");
        requireNotNegative(overlap, "sync overlap");
        requireNotNegative(backgroundInterval, "background sync interval");
        requireNotNegative(oneTimeRetention, "one-time retention");
        requireNotNegative(endedRetention, "ended retention");
        requireNotNegative(syncLease, "sync lease");
        if (backgroundBudget < 0) {
            throw new IllegalArgumentException("the background sync budget must not be negative");
        }
        if (syncLease.isZero()) {
            throw new IllegalArgumentException("the sync lease must be longer than zero");
        }
    }

    /** The defaults of the configuration reference (docs/configuration.md). */
    public static DataSettings defaults() {
        return new DataSettings(Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofHours(6), 4, Duration.ofDays(7),
                Duration.ofDays(30), Duration.ofMinutes(2));
    }

    private static void requireNotNegative(Duration value, String name) {
        Require.nonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException("the " + name + " must not be negative");
        }
    }
}
