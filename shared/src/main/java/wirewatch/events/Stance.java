package wirewatch.events;

/** What the story says an actor did with a peace term. */
public enum Stance {
    /** An actor insists on, wants or sets the term as a condition. */
    DEMANDED,
    /** An actor offers, suggests or floats the term. */
    PROPOSED,
    /** The parties agreed, signed or implemented the term. */
    AGREED,
    /** An actor refused, ruled out or rejected the term. */
    REJECTED,
    /** The term is reported without any of the above. */
    REPORTED
}
