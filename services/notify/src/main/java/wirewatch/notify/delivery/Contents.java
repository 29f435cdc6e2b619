package wirewatch.notify.delivery;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds what a delivery carries by its ledger {@code alert_id}: an alert, or a digest under its prefix. */
@Component
class Contents {

    private final AlertStore alerts;
    private final DigestSource digests;

    Contents(AlertStore alerts, DigestSource digests) {
        this.alerts = alerts;
        this.digests = digests;
    }

    Optional<DeliveryContent> find(String subjectId) {
        return Digest.idOf(subjectId)
                .map(digestId -> digests.find(digestId).<DeliveryContent>map(DeliveryContent.OfDigest::new))
                .orElseGet(() -> alerts.find(subjectId).map(DeliveryContent.OfAlert::new));
    }
}
