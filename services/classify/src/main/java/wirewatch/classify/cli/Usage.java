package wirewatch.classify.cli;

/** The help text, written once so {@code --help} and every usage error show the same thing. */
final class Usage {

    static final String TEXT = """
            Usage:
              java -jar classify.jar rules check <dir>
              java -jar classify.jar rules eval [--rules <dir>] --corpus <file.jsonl> [--threshold <0..1>]
              java -jar classify.jar rules --help

            Commands:
              check  Load every *.yaml/*.yml rule file under <dir>, run each rule's examples and print one
                     "file:line: message" per problem, then a summary with the rule set's version.
              eval   Classify every story of a labelled JSON Lines corpus, one story a line:
                       {"id": "...", "title": "...", "body": "...", "labels": ["CEASEFIRE"], "stance": {"CEASEFIRE": "AGREED"}}
                     and print precision, recall and F1 per category with micro and macro averages, the false
                     positives and false negatives by story id, stance accuracy, and as the last line
                     "macro-F1: 0.NNN".

            Options of eval:
              --rules <dir>          the rule directory to evaluate (default: the pack bundled in this jar)
              --corpus <file.jsonl>  the labelled corpus (required)
              --threshold <0..1>     exit with 1 when macro-F1 is below this value

            Exit status:
              0  the rules are valid (check), the evaluation ran and met --threshold if given (eval)
              1  the rules have problems (check), macro-F1 is below --threshold (eval)
              2  the command could not run: bad arguments, unreadable files, a malformed corpus line,
                 an invalid rule set (eval)
            """;

    private Usage() {
    }
}
