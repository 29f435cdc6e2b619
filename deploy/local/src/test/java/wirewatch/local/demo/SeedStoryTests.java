package wirewatch.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedStoryTests {

    @TempDir
    Path dir;

    @Test
    void takesTheFirstLineAsTitleAndTheRestAsBody() throws Exception {
        Path text = Files.writeString(dir.resolve("seed.txt"), "Putin's terms\n\nHe wants \"neutrality\".\nAnd more.\n");

        Path json = SeedStory.write(text, dir.resolve("out/seed-story.json"));

        assertThat(Files.readString(json)).contains("\"url\" : \"https://example.com/news/putin-peace-terms\"")
                .contains("\"title\" : \"Putin's terms\"")
                .contains("\"body\" : \"He wants \\\"neutrality\\\".\\nAnd more.\"");
    }
}
