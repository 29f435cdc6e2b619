package wirewatch.classify.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import wirewatch.classify.evaluation.CorpusException;

/** Dispatches {@code rules <command> ...} and turns every expected failure into a message and an exit code. */
public final class RulesCli {

    /** The first program argument that selects this command line instead of the service. */
    public static final String COMMAND = "rules";

    /**
     * Lucene warns on stderr, through java.util.logging, that the Vector API is not enabled; that is about speed
     * at scale and would only bury a rule author's messages. Held in a field because JUL keeps loggers weakly.
     */
    private static final Logger LUCENE_VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

    private RulesCli() {
    }

    /**
     * @param args the arguments after {@code rules}
     * @return the process exit code, see {@link ExitCode}
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
        try {
            if (args.isEmpty()) {
                throw new UsageException("missing command: check or eval");
            }
            if (wantsHelp(args)) {
                out.print(Usage.TEXT);
                return ExitCode.OK;
            }
            var rest = args.subList(1, args.size());
            return switch (args.getFirst()) {
                case "check" -> new CheckCommand(out).run(rest);
                case "eval" -> new EvalCommand(out, err).run(rest);
                default -> throw new UsageException("unknown command '" + args.getFirst() + "': use check or eval");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.print(Usage.TEXT);
            return ExitCode.CANNOT_RUN;
        } catch (CorpusException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h") || args.getFirst().equals("help");
    }
}
