package wirewatch.notify.delivery;

import java.util.UUID;

class DeliveryNotFoundException extends RuntimeException {

    DeliveryNotFoundException(UUID id) {
        super("no delivery with id " + id);
    }
}
