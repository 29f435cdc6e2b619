package wirewatch.classify.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import wirewatch.classify.classifier.RuleSetCompiler;
import wirewatch.classify.rules.InvalidRuleSetException;
import wirewatch.classify.rules.RuleProblem;
import wirewatch.classify.rules.RuleSources;

/**
 * {@code rules check <dir>}: compiles the directory exactly as the service would load it (so every rule's examples
 * run) and prints each problem with the file's path as given on the command line, which editors and CI logs turn
 * into links.
 */
final class CheckCommand {

    private final PrintStream out;

    CheckCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        if (args.size() != 1 || args.getFirst().startsWith("-")) {
            throw new UsageException("check takes exactly one argument, the rule directory");
        }
        var directory = ruleDirectory(args.getFirst());
        var files = RuleSources.fromDirectory(directory);
        if (files.isEmpty()) {
            out.println(directory + ": no rule files (*.yaml, *.yml)");
            return ExitCode.FAILED;
        }
        try (var compiled = new RuleSetCompiler(Clock.systemUTC()).compile(directory.toString(), files)) {
            out.println(compiled.ruleSet().rules().size() + " rules in " + files.size() + " files OK, version "
                    + compiled.version());
            return ExitCode.OK;
        } catch (InvalidRuleSetException e) {
            e.problems().forEach(problem -> out.println(located(directory, problem)));
            out.println(e.problems().size() + " problem(s) in " + directory + ": the rule set would be rejected");
            return ExitCode.FAILED;
        }
    }

    static Path ruleDirectory(String argument) {
        var directory = Path.of(argument);
        if (!Files.isDirectory(directory)) {
            throw new UsageException("no rule directory at " + directory);
        }
        return directory;
    }

    /** Rule files are named relative to their directory; prefixed with it they resolve from where the user is. */
    static String located(Path directory, RuleProblem problem) {
        return directory.resolve(problem.location().file()) + ":" + problem.location().line() + ": "
                + problem.message();
    }
}
