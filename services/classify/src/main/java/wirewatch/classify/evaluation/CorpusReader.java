package wirewatch.classify.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Stance;

/**
 * Reads the design's labelled corpus format, JSON Lines with one story a line:
 * {@code {"id", "title", "body", "labels": [...], "stance": {"CATEGORY": "STANCE"}}}; other fields are ignored
 * and blank lines are allowed. Reading is strict: a line that is not such an object, a duplicate id, an unknown
 * stance or a stance for a category the story is not labelled with fails the whole read with the line named,
 * because a silently skipped or misread story would make every score that follows quietly wrong.
 */
public final class CorpusReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final String STANCES = Arrays.stream(Stance.values()).map(Stance::name)
            .collect(Collectors.joining(", "));

    /** @throws CorpusException naming the file and line of the first unreadable story */
    public List<LabelledStory> read(Path file) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no corpus file at " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + file + ": " + e, e);
        }
    }

    /**
     * @param name how error messages name the corpus
     * @throws CorpusException naming the line of the first unreadable story
     */
    public List<LabelledStory> read(String name, Reader source) throws IOException {
        var stories = new ArrayList<LabelledStory>();
        var firstLineOfId = new HashMap<String, Integer>();
        var reader = new BufferedReader(source);
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            var story = parse(name, number, line);
            var first = firstLineOfId.putIfAbsent(story.id(), number);
            if (first != null) {
                throw new CorpusException(name, number, "duplicate id '" + story.id() + "' (first on line " + first + ")");
            }
            stories.add(story);
        }
        return stories;
    }

    private static LabelledStory parse(String name, int number, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new CorpusException(name, number, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new CorpusException(name, number, "expected one JSON object per line");
        }
        var id = text(node, "id", name, number);
        if (id == null || id.isBlank()) {
            throw new CorpusException(name, number, "the story has no \"id\"");
        }
        var title = text(node, "title", name, number);
        var body = text(node, "body", name, number);
        if (isBlank(title) && isBlank(body)) {
            throw new CorpusException(name, number, "story '" + id + "' has neither a \"title\" nor a \"body\"");
        }
        var labels = labels(node, id, name, number);
        var stances = stances(node, id, labels, name, number);
        return new LabelledStory(id, title, body, labels, stances);
    }

    private static String text(JsonNode story, String field, String name, int number) {
        var value = story.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new CorpusException(name, number, "\"" + field + "\" must be a string");
        }
        return value.stringValue();
    }

    private static TreeSet<String> labels(JsonNode story, String id, String name, int number) {
        var value = story.get("labels");
        if (value == null || !value.isArray()) {
            throw new CorpusException(name, number, "story '" + id
                    + "': \"labels\" must be a list of categories ([] for a negative)");
        }
        var labels = new TreeSet<String>();
        for (JsonNode label : value.values()) {
            if (!label.isString() || label.stringValue().isBlank()) {
                throw new CorpusException(name, number, "story '" + id + "': every label must be a category name");
            }
            labels.add(label.stringValue().strip());
        }
        return labels;
    }

    private static Map<String, Stance> stances(JsonNode story, String id, TreeSet<String> labels, String name,
            int number) {
        var value = story.get("stance");
        var stances = new LinkedHashMap<String, Stance>();
        if (value == null || value.isNull()) {
            return stances;
        }
        if (!value.isObject()) {
            throw new CorpusException(name, number, "story '" + id
                    + "': \"stance\" must be an object from category to stance");
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            var category = entry.getKey();
            if (!labels.contains(category)) {
                throw new CorpusException(name, number, "story '" + id + "': stance given for " + category
                        + ", which is not among its labels " + labels);
            }
            var stance = entry.getValue().isString() ? stanceNamed(entry.getValue().stringValue()) : null;
            if (stance == null) {
                throw new CorpusException(name, number, "story '" + id + "': stance of " + category
                        + " must be one of " + STANCES + ", was " + entry.getValue());
            }
            stances.put(category, stance);
        }
        return stances;
    }

    private static Stance stanceNamed(String text) {
        return Arrays.stream(Stance.values()).filter(stance -> stance.name().equals(text)).findFirst().orElse(null);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
