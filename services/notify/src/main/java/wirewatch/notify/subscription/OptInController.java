package wirewatch.notify.subscription;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages behind the links in mails. The token in the link is the only credential: whoever holds the
 * mail may confirm or unsubscribe.
 */
@Controller
class OptInController {

    private final Subscriptions subscriptions;

    OptInController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/confirm")
    String confirm(@RequestParam String token, Model model) {
        model.addAttribute("subscription", subscriptions.confirm(token));
        return "confirmed";
    }

    /**
     * Only shows a button: mail scanners and link previewers follow GET links, and must not unsubscribe anyone.
     */
    @GetMapping("/unsubscribe")
    String unsubscribePage(@RequestParam String token, Model model) {
        model.addAttribute("subscription", subscriptions.findForUnsubscribe(token));
        model.addAttribute("token", token);
        return "unsubscribe";
    }

    /** RFC 8058 one-click: mail clients POST {@code List-Unsubscribe=One-Click}, the page's button does too. */
    @PostMapping("/unsubscribe")
    String unsubscribe(@RequestParam String token, Model model) {
        model.addAttribute("subscription", subscriptions.unsubscribe(token));
        return "unsubscribed";
    }
}
