package wirewatch.notify.email;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the mail templates under {@code classpath:mail/}: {@code name.html} in HTML mode, where the engine
 * escapes every value, and {@code name.txt} in text mode. A separate engine, so the web pages' engine and its
 * view resolution stay as Boot configures them. Expressions are SpEL, as on the pages.
 */
@Component
class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    /** The text and HTML renderings of template {@code name}. */
    Rendered render(String name, Map<String, Object> model) {
        var context = new Context();
        context.setVariables(model);
        return new Rendered(engine.process(name + ".txt", context), engine.process(name + ".html", context));
    }

    record Rendered(String text, String html) {
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
