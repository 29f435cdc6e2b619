package wirewatch.classify.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import wirewatch.classify.matching.StoryText;
import wirewatch.classify.rules.RuleSources;

/** The bundled rule pack, compiled once for all tests of this package, and the seed story. */
final class DefaultPack {

    static final CompiledRuleSet RULES = new RuleSetCompiler(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
            .compile("classpath:rules/", RuleSources.defaultPack());

    private DefaultPack() {
    }

    /** The seed file's first line is the title, the rest the body. */
    static StoryText seedStory() {
        try (var in = DefaultPack.class.getResourceAsStream("/putin-peace-terms.txt")) {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int firstBreak = text.indexOf('\n');
            return new StoryText(text.substring(0, firstBreak), text.substring(firstBreak + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
