package wirewatch.classify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirewatch.classify.evaluation.TinyCorpus;

/**
 * Runs {@code java -jar target/classify.jar rules ...} as a user would, after {@code package}. Inside a Boot jar the
 * classes and the default pack sit in a nested directory behind Boot's own class loader, which a test on the plain
 * classpath never exercises; and only a real process shows the exit code and that no Spring context starts.
 */
class PackagedJarIntegrationTests {

    private static final Path JAR = Path.of("target/classify.jar");

    @TempDir
    Path directory;

    private record Run(int exit, String out, String err) {
    }

    @Test
    void evaluatesWithTheBundledPackFromInsideTheJar() throws Exception {
        var run = run("rules", "eval", "--corpus", TinyCorpus.corpus().toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("rules   classpath:rules/ (").contains("corpus  " + TinyCorpus.corpus());
        assertThat(run.out().lines().toList().getLast()).matches("macro-F1: [01]\\.\\d{3}");
        assertThat(run.out() + run.err()).as("no Spring Boot banner or log").doesNotContain("Spring", "Started ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void exitsWithOneWhenCheckFindsProblems() throws Exception {
        Files.writeString(directory.resolve("bad.yaml"), "- id: x\n  category: CEASEFIRE\n  query: truce\n"
                + "  examples: {match: [a ceasefire]}\n");

        var run = run("rules", "check", directory.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith(directory.resolve("bad.yaml")
                + ":4: rule 'x': example should match but does not: \"a ceasefire\"\n");
    }

    private Run run(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("run after 'package': %s", JAR.toAbsolutePath()).exists();
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        var out = directory.resolve("stdout.txt");
        var err = directory.resolve("stderr.txt");
        var process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("'" + String.join(" ", command) + "' did not finish within 2 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
