package io.consentgateway.application.testing;

import io.consentgateway.application.port.out.RefreshJournal;
import io.consentgateway.domain.shared.ConsentId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The refresh journal in memory. Like {@link InMemoryUnitOfWork} it rolls nothing back, so a note survives whatever
 * the refresh throws, as the real note survives its node.
 */
public final class InMemoryRefreshJournal implements RefreshJournal {
    private final Map<ConsentId, Instant> notes = new ConcurrentHashMap<>();

    @Override
    public void sending(ConsentId id, Instant at) {
        notes.put(id, at);
    }

    @Override
    public void settled(ConsentId id) {
        notes.remove(id);
    }

    @Override
    public void withdrawn(ConsentId id) {
        notes.remove(id);
    }

    @Override
    public Optional<Instant> unsettled(ConsentId id) {
        return Optional.ofNullable(notes.get(id));
    }

    @Override
    public List<ConsentId> abandoned(Instant before, int limit) {
        return notes.entrySet().stream()
                .filter(note -> note.getValue().isBefore(before))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The notes left, for assertions. */
    public Map<ConsentId, Instant> notes() {
        return Map.copyOf(notes);
    }
}
