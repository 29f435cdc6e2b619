package wirewatch.notify.webhook;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.binder.httpcomponents.hc5.ApacheHttpClientContext;
import io.micrometer.core.instrument.binder.httpcomponents.hc5.DefaultApacheHttpClientObservationConvention;

/**
 * Names webhook requests {@code wirewatch.notify.webhook.requests} and tags them by method, status, outcome and
 * exception only: the default convention's target host and port would make one time series per subscriber.
 */
final class WebhookRequestConvention extends DefaultApacheHttpClientObservationConvention {

    static final WebhookRequestConvention INSTANCE = new WebhookRequestConvention();

    private WebhookRequestConvention() {
    }

    @Override
    public String getName() {
        return "wirewatch.notify.webhook.requests";
    }

    @Override
    public String getContextualName(ApacheHttpClientContext context) {
        return "webhook " + method(context).getValue();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ApacheHttpClientContext context) {
        return KeyValues.of(exception(context), method(context), outcome(context), status(context));
    }
}
