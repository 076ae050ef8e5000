package io.consentgateway.application.port.out;

import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The flows repository. */
public interface Flows {

    /**
     * Stores a flow: inserts it at version 0, otherwise updates it only if the stored version is still the
     * flow's version. Returns the flow at its new version.
     *
     * @throws ConcurrentUpdate if someone else stored the flow first (or a new flow's id or state exists)
     */
    Flow save(Flow flow);

    Optional<Flow> findById(FlowId id);

    /** The flow a callback's state names. */
    Optional<Flow> findByState(State state);

    /**
     * Unfinished flows whose time is up at {@code now} (waiting past their lifetime, awaiting confirmation or exchanging
     * past their code's), oldest first.
     */
    List<Flow> findLapsed(Instant now, int limit);

    /**
     * The user's flows that wait for the user at {@code now}: started, the user not yet back from the provider, and not
     * lapsed ({@code AWAITING_USER} before its {@code expiresAt}).
     */
    Waiting waiting(UserId userId, Instant now);

    /**
     * How many flows wait for a user, and when the first of them lapses (none when none waits): the moment a place
     * frees up at the latest.
     */
    record Waiting(int count, Optional<Instant> firstLapse) {
        public Waiting {
            if (count < 0 || firstLapse == null || firstLapse.isPresent() != (count > 0)) {
                throw new IllegalArgumentException("a first lapse exactly when some flow waits, not count=" + count
                        + " with firstLapse=" + firstLapse);
            }
        }
    }

    /** Deletes every flow of the user, whatever its status (the erasure of a user); answers how many. */
    int deleteByUser(UserId userId);
}
