package wirewatch.local.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the seed story text (first line the title, the rest the body) into the JSON that {@code POST /api/stories}
 * takes, so the banner's curl needs no jq.
 */
public final class SeedStory {

    static final String URL = "https://example.com/news/putin-peace-terms";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SeedStory() {
    }

    public static Path write(Path seedText, Path target) {
        try {
            String text = Files.readString(seedText, StandardCharsets.UTF_8).strip();
            int firstBreak = text.indexOf('\n');
            Map<String, String> story = new LinkedHashMap<>();
            story.put("url", URL);
            story.put("source", "example.com");
            story.put("title", (firstBreak < 0 ? text : text.substring(0, firstBreak)).strip());
            story.put("body", firstBreak < 0 ? "" : text.substring(firstBreak + 1).strip());
            Files.createDirectories(target.toAbsolutePath().getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), story);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the seed story from " + seedText, e);
        }
    }
}
