package wirewatch.notify.delivery;

import java.util.Optional;
import java.util.UUID;

/** Reads a digest again for a retry or a replay of its delivery; implemented where digests are kept. */
public interface DigestSource {

    Optional<Digest> find(UUID digestId);
}
