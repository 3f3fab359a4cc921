package de.ringportal.municipalities.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validated import files waiting for the editor's confirmation, in memory, for 30 minutes at most; a key can be used
 * once and only by the person who uploaded the file.
 */
final class StagedImports {

    private static final long VALID_NANOS = 30L * 60 * 1_000_000_000L;
    private static final int MAX_WAITING = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Staged(String owner, List<Entry> entries, String encoding, long at) {
    }

    private final Map<String, Staged> waiting = new ConcurrentHashMap<>();

    String stage(String owner, List<Entry> entries, String encoding) {
        long now = System.nanoTime();
        waiting.values().removeIf(s -> now - s.at() > VALID_NANOS);
        if (waiting.size() >= MAX_WAITING) {
            Iterator<String> oldest = waiting.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String id = HexFormat.of().formatHex(key);
        waiting.put(id, new Staged(owner, List.copyOf(entries), encoding, now));
        return id;
    }

    Optional<Staged> peek(String id, String owner) {
        Staged staged = id == null ? null : waiting.get(id);
        if (staged == null || !staged.owner().equals(owner) || System.nanoTime() - staged.at() > VALID_NANOS) {
            return Optional.empty();
        }
        return Optional.of(staged);
    }

    Optional<Staged> take(String id, String owner) {
        Optional<Staged> staged = peek(id, owner);
        staged.ifPresent(s -> waiting.remove(id));
        return staged;
    }
}
