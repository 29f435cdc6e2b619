package wirewatch.notify.delivery;

import java.util.UUID;

/** A replay that would send something already delivered or in flight, or to nobody. */
class NotReplayableException extends RuntimeException {

    NotReplayableException(UUID id, String why) {
        super(id + " " + why);
    }
}
