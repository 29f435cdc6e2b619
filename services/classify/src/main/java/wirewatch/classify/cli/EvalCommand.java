package wirewatch.classify.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import wirewatch.classify.classifier.CompiledRuleSet;
import wirewatch.classify.classifier.RuleSetCompiler;
import wirewatch.classify.evaluation.CorpusReader;
import wirewatch.classify.evaluation.EvaluationReport;
import wirewatch.classify.evaluation.Evaluator;
import wirewatch.classify.rules.InvalidRuleSetException;
import wirewatch.classify.rules.RuleSources;

/** {@code rules eval [--rules <dir>] --corpus <file.jsonl> [--threshold <0..1>]}. */
final class EvalCommand {

    private static final String DEFAULT_PACK = "classpath:rules/";

    private final PrintStream out;
    private final PrintStream err;

    EvalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private record Options(Path rules, Path corpus, Double threshold) {
    }

    int run(List<String> args) {
        var options = parse(args);
        var corpus = new CorpusReader().read(options.corpus());
        if (corpus.isEmpty()) {
            err.println("error: " + options.corpus() + " holds no stories");
            return ExitCode.CANNOT_RUN;
        }
        try (var rules = compile(options.rules())) {
            var evaluation = new Evaluator().evaluate(rules, options.corpus().toString(), corpus);
            if (evaluation.categories().isEmpty()) {
                err.println("error: nothing to score: no story of " + options.corpus()
                        + " is labelled and no rule matched any of them");
                return ExitCode.CANNOT_RUN;
            }
            out.print(EvaluationReport.render(evaluation));
            if (options.threshold() != null && evaluation.macroF1() < options.threshold()) {
                err.println(String.format(Locale.ROOT, "macro-F1 %.4f is below the threshold %.4f",
                        evaluation.macroF1(), options.threshold()));
                return ExitCode.FAILED;
            }
            return ExitCode.OK;
        } catch (InvalidRuleSetException e) {
            var directory = options.rules() == null ? Path.of("") : options.rules();
            e.problems().forEach(problem -> err.println(CheckCommand.located(directory, problem)));
            err.println("error: the rule set is invalid; fix the problems above");
            return ExitCode.CANNOT_RUN;
        }
    }

    private static CompiledRuleSet compile(Path directory) {
        var compiler = new RuleSetCompiler(Clock.systemUTC());
        return directory == null ? compiler.compile(DEFAULT_PACK, RuleSources.defaultPack())
                : compiler.compile(directory.toString(), RuleSources.fromDirectory(directory));
    }

    /** Accepts {@code --name value} and {@code --name=value}, each option at most once. */
    private static Options parse(List<String> args) {
        Path rules = null;
        Path corpus = null;
        Double threshold = null;
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            var name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!List.of("--rules", "--corpus", "--threshold").contains(name)) {
                throw new UsageException("unknown argument '" + arg + "' for eval");
            }
            var value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                    : i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(++i) : "";
            if (value.isBlank()) {
                throw new UsageException(name + " needs a value");
            }
            switch (name) {
                case "--rules" -> rules = once(rules, name, CheckCommand.ruleDirectory(value));
                case "--corpus" -> corpus = once(corpus, name, Path.of(value));
                default -> threshold = once(threshold, name, threshold(value));
            }
        }
        if (corpus == null) {
            throw new UsageException("eval needs --corpus <file.jsonl>");
        }
        return new Options(rules, corpus, threshold);
    }

    private static <T> T once(T previous, String name, T value) {
        if (previous != null) {
            throw new UsageException(name + " is given twice");
        }
        return value;
    }

    private static double threshold(String text) {
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        throw new UsageException("--threshold must be a number from 0 to 1, was '" + text + "'");
    }
}
